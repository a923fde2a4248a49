using PhoneNumbers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The cheap per-region check in front of libphonenumber (lengths, general pattern) never skips a valid
/// number: libphonenumber's own example numbers of every default region, written nationally, are found.
/// </summary>
public sealed class PhoneRegionTests
{
    private static readonly PiiDetector s_detector = new();

    public static TheoryData<string, PhoneNumberType> Examples()
    {
        var data = new TheoryData<string, PhoneNumberType>();
        foreach (var region in new PiiDetectorOptions().DefaultRegions)
        {
            data.Add(region, PhoneNumberType.FIXED_LINE);
            data.Add(region, PhoneNumberType.MOBILE);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Detect_ExampleNumberInNationalFormat_ReportsAValidPhoneNumber(string region, PhoneNumberType type)
    {
        var phones = PhoneNumberUtil.GetInstance();
        var example = phones.GetExampleNumberForType(region, type);
        Assert.NotNull(example);
        var national = phones.Format(example, PhoneNumberFormat.NATIONAL);
        var text = $"Please call me on {national} tonight.";

        var matches = s_detector.Detect(text);

        Assert.Contains(matches, m => m.Type == PiiEntityType.PhoneNumber && m.Score >= 0.8 && m.Start <= 18 && m.End >= 18 + national.Length - 1);
    }
}
