namespace Nonprofit.Monitoring.Tests.Recording;

public sealed class CtgRecordingTests
{
    [Fact]
    public void Constructor_CopiesInputAndDerivesQuality()
    {
        float[] fhr = [140f, float.NaN, 141f];
        var recording = new CtgRecording(fhr);
        fhr[0] = 0;

        Assert.Equal(140f, recording.FetalHeartRate.Span[0]);
        Assert.Equal([SignalQuality.Unknown, SignalQuality.Lost, SignalQuality.Unknown], recording.Quality.ToArray());
        Assert.False(recording.HasSecondFetalHeartRate);
        Assert.True(recording.SecondFetalHeartRate.IsEmpty);
    }

    [Fact]
    public void Constructor_ChannelOfOtherLength_ArgumentExceptionNamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new CtgRecording([140f, 141f], uterineActivity: [1f]));

        Assert.Equal("uterineActivity", error.ParamName);
    }

    [Fact]
    public void Constructor_InfiniteValue_ArgumentExceptionWithoutValues()
    {
        var error = Assert.Throws<ArgumentException>(() => new CtgRecording([140.5f, float.PositiveInfinity]));

        Assert.Equal("fetalHeartRate", error.ParamName);
        Assert.DoesNotContain("140", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(double.NaN)]
    public void Constructor_BadSampleRate_Throws(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CtgRecording([140f], rate));

    [Fact]
    public void TimeOfAndIndexAt_FourHertz_QuarterSeconds()
    {
        var recording = new CtgRecording(new float[240]);

        Assert.Equal(TimeSpan.FromSeconds(60), recording.Duration);
        Assert.Equal(TimeSpan.FromSeconds(2.5), recording.TimeOf(10));
        Assert.Equal(10, recording.IndexAt(TimeSpan.FromSeconds(2.6)));
        Assert.Equal(240, recording.IndexAt(recording.Duration));
        Assert.Throws<ArgumentOutOfRangeException>(() => recording.TimeOf(241));
        Assert.Throws<ArgumentOutOfRangeException>(() => recording.IndexAt(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void ToString_NamesShapeNotValues()
    {
        var text = new CtgRecording([143.25f], uterineActivity: [12f]).ToString();

        Assert.Equal("CtgRecording(1 samples at 4 Hz, FHR + UA)", text);
    }
}
