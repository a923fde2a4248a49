namespace Nonprofit.Monitoring.Tests.Analysis;

/// <summary>
/// The histogram-mode share of the robust baseline (stop 19): over 10-min windows the most frequent 1-bpm value of the
/// FHR pulls the weighted median towards the level the heart rate rests at most.
/// </summary>
public sealed class CtgAnalyzerModeTests
{
    private const double Fs = 4;

    /// <summary>
    /// 40 min cycling with a 10-min period through 1-min blocks at 130 (4 of 10), 134 (3) and 138 bpm (3): every 10-min
    /// window holds the three levels in that proportion, so the mode is 130 and the median 134.
    /// </summary>
    private static CtgRecording ThreeLevels()
    {
        int[] pattern = [130, 130, 134, 138, 130, 134, 138, 130, 134, 138];
        var fhr = new float[(int)(40 * 60 * Fs)];
        for (var k = 0; k < fhr.Length; k++)
        {
            var minute = (int)(k / (60 * Fs));
            // A small deterministic wobble (±0.3 bpm) so the FHR is not a staircase of identical samples.
            fhr[k] = pattern[minute % pattern.Length] + (0.3f * MathF.Sin(k * 0.7f));
        }

        return new CtgRecording(fhr, Fs);
    }

    private static double MeanBaseline(CtgRecording recording, double modeBlend)
    {
        var analyzer = new CtgAnalyzer(new CtgAnalyzerOptions()) { Tuning = CtgAnalyzerTuning.Default with { ModeBlend = modeBlend } };
        var baseline = analyzer.Analyze(recording).Baseline.Span;
        // The middle 20 min: full 10-min windows on both sides.
        var from = (int)(10 * 60 * Fs);
        var to = (int)(30 * 60 * Fs);
        double sum = 0;
        for (var k = from; k < to; k++)
        {
            sum += baseline[k];
        }

        return sum / (to - from);
    }

    [Fact]
    public void Analyze_TwoRestingLevels_ModeSharePullsTheBaselineTowardsTheMostFrequentLevel()
    {
        var recording = ThreeLevels();
        var without = MeanBaseline(recording, modeBlend: 0);
        var @default = MeanBaseline(recording, CtgAnalyzerTuning.Default.ModeBlend);
        var modeOnly = MeanBaseline(recording, modeBlend: 1);

        Assert.Equal(0.2, CtgAnalyzerTuning.Default.ModeBlend);
        Assert.InRange(modeOnly, 129.5, 130.5);
        Assert.True(without - @default > 0.4, $"without the mode {without:F2}, with it {@default:F2}");
        Assert.InRange(@default - modeOnly, 0.4, without - modeOnly - 0.4);
    }

    [Theory]
    [InlineData(112.4f)]
    [InlineData(140.3f)]
    [InlineData(171.6f)]
    public void Analyze_FlatTrace_ModeIsTheRoundedRate(float rate)
    {
        var fhr = new float[(int)(30 * 60 * Fs)];
        Array.Fill(fhr, rate);
        var analyzer = new CtgAnalyzer(new CtgAnalyzerOptions()) { Tuning = CtgAnalyzerTuning.Default with { ModeBlend = 1 } };

        var baseline = analyzer.Analyze(new CtgRecording(fhr, Fs)).Baseline.Span;

        foreach (var value in baseline)
        {
            Assert.Equal(MathF.Round(rate), value, 3);
        }
    }

    [Fact]
    public void Analyze_LostStretch_ModeBaselineStaysDefined()
    {
        var fhr = new float[(int)(40 * 60 * Fs)];
        Array.Fill(fhr, 138f);
        // 12 min of signal loss in the middle: longer than the 10-min window.
        fhr.AsSpan((int)(14 * 60 * Fs), (int)(12 * 60 * Fs)).Fill(float.NaN);
        var analyzer = new CtgAnalyzer(new CtgAnalyzerOptions()) { Tuning = CtgAnalyzerTuning.Default with { ModeBlend = 1 } };

        var baseline = analyzer.Analyze(new CtgRecording(fhr, Fs)).Baseline.Span;

        foreach (var value in baseline)
        {
            Assert.InRange(value, 137.5f, 138.5f);
        }
    }
}
