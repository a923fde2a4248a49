namespace Nonprofit.Privacy.Tests;

public sealed class PiiDetectorTelemetryTests
{
    private const string Text = "call me at +254 712 345 678 or write to jane.doe@example.org";

    [Fact]
    public void Detect_ReportsCountsTaggedWithTypeNamesOnly()
    {
        IReadOnlyList<PiiMatch> matches = [];
        var measurements = TestSupport.Measure(() => matches = new PiiDetector().Detect(Text));

        Assert.Equal(2, matches.Count);
        Assert.Contains(measurements, m => m.Instrument == "nonprofit.privacy.texts_scanned" && m.Value == 1 && m.Tags.Length == 0);
        var found = measurements.Where(m => m.Instrument == "nonprofit.privacy.entities_found").ToArray();
        Assert.Equal(["EMAIL_ADDRESS", "PHONE_NUMBER"], found.Select(m => (string)Assert.Single(m.Tags).Value!).Order(StringComparer.Ordinal));
        foreach (var (_, _, tags) in measurements)
        {
            foreach (var tag in tags)
            {
                Assert.Equal("pii.type", tag.Key);
                var value = Assert.IsType<string>(tag.Value);
                Assert.Matches("^[A-Z][A-Z0-9_]*$", value);
                Assert.DoesNotContain("712", value, StringComparison.Ordinal);
                Assert.DoesNotContain("jane", value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void MeterName_IsThePackageName() => Assert.Equal("Nonprofit.Privacy", PiiDetector.MeterName);
}
