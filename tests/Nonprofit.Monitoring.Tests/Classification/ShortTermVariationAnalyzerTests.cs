using static Nonprofit.Monitoring.Tests.Classification.FhrSignals;

namespace Nonprofit.Monitoring.Tests.Classification;

public sealed class ShortTermVariationAnalyzerTests
{
    private const int Epoch = 15;
    private static readonly ShortTermVariationAnalyzer s_analyzer = new();

    /// <summary>FHR whose epoch k has the constant pulse interval <paramref name="pulseIntervalsMs"/>[k].</summary>
    private static float[] FromEpochs(params double[] pulseIntervalsMs)
    {
        var fhr = new float[pulseIntervalsMs.Length * Epoch];
        for (var k = 0; k < pulseIntervalsMs.Length; k++)
        {
            fhr.AsSpan(k * Epoch, Epoch).Fill((float)(60000 / pulseIntervalsMs[k]));
        }

        return fhr;
    }

    /// <summary>Minutes whose epochs alternate between <c>base</c> and <c>base + range</c>: minute STV = range = LTV.</summary>
    private static float[] AlternatingMinutes(params double[] rangesMs)
    {
        var epochs = new List<double>();
        foreach (var range in rangesMs)
        {
            for (var k = 0; k < 16; k++)
            {
                epochs.Add(400 + (k % 2 == 0 ? 0 : range));
            }
        }

        return FromEpochs([.. epochs]);
    }

    private static ShortTermVariationResult Analyze(float[] fhr, FhrSegment[]? mask = null) => s_analyzer.Analyze(fhr, mask ?? Mask(fhr.Length), Rate);

    [Fact]
    public void Analyze_HandComputedMinute_StvAndLtvAsByHand()
    {
        // One minute of 16 epochs: 400, 410, 430, 400, then 400 repeated.
        // Differences: 10, 20, 30, then 12 zeros -> STV = 60 / 15 = 4 ms. Range = 430 - 400 = 30 ms.
        // In bpm: 60000/400 - 60000/430 = 150 - 139.5349 = 10.4651 bpm.
        var epochs = new double[16];
        Array.Fill(epochs, 400);
        epochs[1] = 410;
        epochs[2] = 430;
        var result = Analyze(FromEpochs(epochs));

        Assert.Equal(4, result.ShortTermVariationMs, 3);
        Assert.Equal(30, result.LongTermVariationMs, 3);
        Assert.Equal(10.4651, result.LongTermVariationBpm, 3);
        Assert.Equal(1, result.Minutes);
        Assert.Equal(1, result.AnalysedMinutes);
        Assert.Equal(410, result.EpochPulseIntervalMs.Span[1], 3);
    }

    [Fact]
    public void Analyze_EpochMean_IsTheMeanOfThePulseIntervalsNotOfTheRates()
    {
        // Half the epoch at 120 bpm (500 ms), half at 150 bpm (400 ms): mean PI 450 ms (60000 / mean rate would give 444.4).
        var fhr = new float[16 * Epoch];
        fhr.AsSpan().Fill(150);
        for (var i = 0; i < 8; i++)
        {
            fhr[i] = 120;
        }

        fhr[7] = float.NaN;
        var result = Analyze(fhr);

        Assert.Equal((7 * 500 + 7 * 400) / 14.0, result.EpochPulseIntervalMs.Span[0], 3);
    }

    [Fact]
    public void Analyze_StvIsTheMeanOfMinuteMeans()
    {
        // Minute 0 alternates by 10 ms (STV 10), minute 1 by 30 ms (STV 30): STV 20, LTV 20.
        var result = Analyze(AlternatingMinutes(10, 30));

        Assert.Equal([10f, 30f], result.MinuteStvMs.ToArray().Select(x => MathF.Round(x, 2)));
        Assert.Equal(20, result.ShortTermVariationMs, 2);
        Assert.Equal(20, result.LongTermVariationMs, 2);
    }

    [Fact]
    public void Analyze_DecelerationEpochs_Excluded()
    {
        var fhr = AlternatingMinutes(10);
        var mask = Mask(fhr.Length);
        mask[(3 * Epoch) + 4] = FhrSegment.Deceleration;

        var result = Analyze(fhr, mask);

        Assert.True(float.IsNaN(result.EpochPulseIntervalMs.Span[3]));
        Assert.Equal(10, result.ShortTermVariationMs, 2);
    }

    [Fact]
    public void Analyze_EpochWithMoreThanHalfLost_HasNoPulseInterval()
    {
        var fhr = AlternatingMinutes(10, 10);
        var mask = Mask(fhr.Length);
        mask.AsSpan(0, 8).Fill(FhrSegment.Unreliable);
        fhr.AsSpan(Epoch, 7).Fill(float.NaN);

        var result = Analyze(fhr, mask);

        Assert.True(float.IsNaN(result.EpochPulseIntervalMs.Span[0]));
        Assert.False(float.IsNaN(result.EpochPulseIntervalMs.Span[1]));
    }

    [Fact]
    public void Analyze_MinuteWithFewerThanEightEpochs_NotAnalysed()
    {
        var fhr = AlternatingMinutes(10, 20);
        fhr.AsSpan(0, 9 * Epoch).Fill(float.NaN);
        fhr.AsSpan(16 * Epoch, 8 * Epoch).Fill(float.NaN);

        var result = Analyze(fhr);

        Assert.True(float.IsNaN(result.MinuteRangeMs.Span[0]));
        Assert.Equal(20f, result.MinuteRangeMs.Span[1], 2);
        Assert.Equal(1, result.AnalysedMinutes);
        Assert.Equal(20, result.LongTermVariationMs, 2);
    }

    [Theory]
    [InlineData(32.01, 1, 0)]
    [InlineData(31.99, 0, 0)]
    [InlineData(30.01, 0, 0)]
    [InlineData(29.99, 0, 1)]
    public void Analyze_VariationThresholds_HighFromThirtyTwoLowBelowThirtyMs(double range, int high, int low)
    {
        var result = Analyze(AlternatingMinutes(range, range, range, range, range, range));

        Assert.Equal(high, result.HighVariationEpisodes.Count);
        Assert.Equal(low, result.LowVariationEpisodes.Count);
    }

    [Fact]
    public void Analyze_FiveOfSixMinutes_MakeAnEpisodeTrimmedToQualifyingMinutes()
    {
        // High: minutes 0-5 are 40, 40, 20, 40, 40, 40 (5 of 6) -> episode 0-6; then 20 ms for 6 minutes -> low 6-12.
        var result = Analyze(AlternatingMinutes(40, 40, 20, 40, 40, 40, 20, 20, 20, 20, 20, 20));

        var high = Assert.Single(result.HighVariationEpisodes);
        Assert.Equal((0, 6), (high.StartMinute, high.EndMinute));
        Assert.Equal(220 / 6.0, high.MeanRangeMs, 2);
        var low = Assert.Single(result.LowVariationEpisodes);
        Assert.Equal((6, 12), (low.StartMinute, low.EndMinute));
        Assert.Equal(6, result.HighVariationMinutes);
        Assert.Equal(6, result.LowVariationMinutes);
    }

    [Fact]
    public void Analyze_FourOfSixMinutes_NoEpisode()
    {
        var result = Analyze(AlternatingMinutes(40, 40, 20, 40, 20, 40));

        Assert.Empty(result.HighVariationEpisodes);
    }

    [Fact]
    public void Analyze_EmptyOrAllLost_NaN()
    {
        Assert.True(double.IsNaN(Analyze([]).ShortTermVariationMs));
        var lost = Analyze(Constant(3, float.NaN));
        Assert.True(double.IsNaN(lost.ShortTermVariationMs));
        Assert.True(double.IsNaN(lost.LongTermVariationBpm));
        Assert.Equal(0, lost.AnalysedMinutes);
    }

    [Fact]
    public void Analyze_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>("segments", () => s_analyzer.Analyze(new float[10], new FhrSegment[9], Rate));
        Assert.Throws<ArgumentOutOfRangeException>("sampleRateHz", () => s_analyzer.Analyze(new float[10], new FhrSegment[10], 0.1));
        Assert.Throws<ArgumentException>("options", () => new ShortTermVariationAnalyzer(new ShortTermVariationOptions { LowVariationMs = 40 }));
        Assert.Throws<ArgumentException>("options", () => new ShortTermVariationAnalyzer(new ShortTermVariationOptions { EpisodeMinimumMinutes = 7 }));
    }
}
