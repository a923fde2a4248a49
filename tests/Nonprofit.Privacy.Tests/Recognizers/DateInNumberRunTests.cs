namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// Three groups that read as a date are not a phone number or an identifier, also when a longer run of numbers around
/// them is read in parts: "…?id=BOE-A-2004-21760 (2026-11-29)" reported "(2026-11-29" as a phone number, which made
/// the Sophia sample refuse its own answers (the source line ends with the date it was written).
/// </summary>
public sealed class DateInNumberRunTests
{
    private static readonly PiiDetector s_detector = new();

    [Theory]
    [InlineData("Source: https://www.example.org/act.php?id=BOE-A-2004-21760 (2026-11-29)")]
    [InlineData("Ley 1/2004 artículo 21760 (2026-11-29)")]
    [InlineData("reference 21760 2026-11-29")]
    [InlineData("order 4471 (30-11-2026)")]
    public void Detect_DateAfterAnotherNumber_IsNotAPhoneNumber(string text)
    {
        var matches = s_detector.Detect(text);

        Assert.DoesNotContain(matches, m => m.Type == PiiEntityType.PhoneNumber);
    }

    [Theory]
    [InlineData("Appelez-moi au 06 12 34 56 78 (2026-11-29)", "06 12 34 56 78")]
    [InlineData("Call +44 7700 900123 (2026-11-29)", "7700 900123")] // as without the date (the national part)
    [InlineData("Позвоните 8 (495) 12-34-56", "8 (495) 12-34-56")] // 12-34-56 is written like a date but is none
    [InlineData("tel +7 495 123-45-67", "+7 495 123-45-67")]
    [InlineData("appelle le 06.12.10.05.07", "06.12.10.05.07")] // ends like a date with a two-digit year
    [InlineData("call 07-45-12-03-99 now", "07-45-12-03-99")]
    [InlineData("Позвоните 8 (495) 12-03-05", "8 (495) 12-03-05")]
    public void Detect_PhoneBeforeADateOrWrittenLikeOne_IsStillFound(string text, string phone)
    {
        var matches = s_detector.Detect(text);

        Assert.Contains(matches, m => m.Type == PiiEntityType.PhoneNumber && text.Substring(m.Start, m.Length) == phone);
    }
}
