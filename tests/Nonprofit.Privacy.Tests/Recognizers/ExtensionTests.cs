namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>Phone extensions ("x4587", " ext. 12") belong to the phone reading of a digit run only.</summary>
public sealed class ExtensionTests
{
    private static readonly PiiDetector s_detector = new();

    [Theory]
    [InlineData("Fax: 345-899-3560x4587 today", 5, 22)]
    [InlineData("Desk: (898)666-3621x0135.", 6, 24)]
    public void Detect_PhoneWithExtension_ReportsNumberAndExtension(string text, int start, int end)
    {
        var match = Assert.Single(s_detector.Detect(text), m => m.Type == PiiEntityType.PhoneNumber);

        Assert.Equal(start, match.Start);
        Assert.Equal(end, match.End);
    }

    // Found by the fuzz test (seed 07C94BQ3S661): an extension after a dotted quad made int.Parse see "8x1".
    [Theory]
    [InlineData("8.8.8.8x1")]
    [InlineData("0.0.0.8x1)")]
    [InlineData("10.20.30.40 ext. 12")]
    [InlineData("-3.4.0.8x1)))")]
    public void Detect_DottedNumbersWithExtension_DoesNotThrow(string text)
    {
        var matches = s_detector.Detect(text);

        Assert.All(matches, m => Assert.InRange(m.End, 1, text.Length));
    }
}
