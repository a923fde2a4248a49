using CsCheck;
using Nonprofit.Privacy.Recognizers;
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

    public static TheoryData<string> Regions() => [.. new PiiDetectorOptions().DefaultRegions];

    [Theory]
    [MemberData(nameof(Regions))]
    public void TryNumber_AnyDigits_IsWhatParseReturns(string region)
    {
        var phones = PhoneNumberUtil.GetInstance();
        var plan = NumericRecognizer.RegionPlan.Create(phones, region);
        var cc = phones.GetCountryCodeForRegion(region).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prefix = plan.NationalPrefix;

        // Random digits, digits after the trunk prefix, and the region's own example numbers (national digits).
        var digits = Gen.OneOf(
            Gen.Char['0', '9'].Array[2, 17].Select(d => new string(d)),
            Gen.Char['0', '9'].Array[6, 14].Select(d => prefix + new string(d)),
            Gen.Char['0', '9'].Array[6, 12].Select(d => cc + new string(d)),
            Gen.Char['1', '9'].Array[7, 11].Select(d => new string(d)),
            Gen.Char['0', '9'].Array[12, 13].Select(d => "0" + new string(d)), // a carrier code after the trunk prefix (BR)
            Gen.Char['0', '9'].Array[8, 13].Select(d => "90" + new string(d)));
        var fastPathTaken = 0;
        digits.Sample(d =>
        {
            var number = plan.TryNumber(d);
            if (number is null)
            {
                return;
            }

            fastPathTaken++;
            var parsed = phones.Parse(d, region);
            Assert.Equal(parsed.CountryCode, number.CountryCode);
            Assert.Equal(parsed.NationalNumber, number.NationalNumber);
            Assert.Equal(parsed.HasNumberOfLeadingZeros, number.HasNumberOfLeadingZeros);
            Assert.Equal(parsed.NumberOfLeadingZeros, number.NumberOfLeadingZeros);
            Assert.Equal(phones.IsValidNumberForRegion(parsed, region), phones.IsValidNumberForRegion(number, region));
        }, iter: 6000);

        foreach (var type in new[] { PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE })
        {
            var example = phones.GetExampleNumberForType(region, type);
            var national = new string([.. phones.Format(example, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit)]);
            var number = plan.TryNumber(national) ?? phones.Parse(national, region);
            Assert.True(phones.IsValidNumberForRegion(number, region));
        }

        Assert.True(fastPathTaken > 100, $"{fastPathTaken}"); // the fast path is the common one
    }
}
