namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 6 (stop 27): options changed after construction are not read (nor left unvalidated).</summary>
public sealed class OptionsReadOnceTests
{
    private const string Text = "passport A1234567 and call +254 712 345 678 or mail someone@example.org";

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(0)]
    public void Detect_ContextWindowChangedAfterConstruction_IsIgnored(int window)
    {
        var options = new PiiDetectorOptions();
        var detector = new PiiDetector(options);
        var before = detector.Detect(Text);

        options.ContextWindow = window;

        Assert.Equal(before, detector.Detect(Text));
    }

    [Fact]
    public void Detect_ThresholdAndBoostChangedAfterConstruction_AreIgnored()
    {
        var options = new PiiDetectorOptions();
        var detector = new PiiDetector(options);
        var before = detector.Detect(Text);

        options.DefaultThreshold = double.NaN;
        options.ContextBoost = 0;

        Assert.Equal(before, detector.Detect(Text));
    }
}
