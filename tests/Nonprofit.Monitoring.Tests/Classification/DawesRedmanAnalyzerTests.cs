using static Nonprofit.Monitoring.Tests.Classification.FhrSignals;

namespace Nonprofit.Monitoring.Tests.Classification;

public sealed class DawesRedmanAnalyzerTests
{
    private static readonly DawesRedmanAnalyzer s_analyzer = new();

    /// <summary>140 bpm ± 9 bpm at 1.5 cycles/min: minute ranges about 55 ms (about 41 ms at 160 bpm: high variation), STV about 10 ms, not sinusoidal.</summary>
    private static float[] Reactive(double minutes, float basal = 140)
    {
        var fhr = Constant(minutes, basal);
        for (var i = 0; i < fhr.Length; i++)
        {
            fhr[i] += (float)(9 * Math.Sin(2 * Math.PI * i / (40 * Rate)));
        }

        return fhr;
    }

    private static DawesRedmanInput Input(float[] fhr, float basal = 140, FhrSegment[]? mask = null, CtgTimeRange[]? accelerations = null, CtgTimeRange[]? decelerations = null) => new()
    {
        FhrBpm = fhr,
        BaselineBpm = Baseline(fhr.Length, basal),
        Segments = mask ?? Mask(fhr.Length),
        Accelerations = accelerations ?? [new CtgTimeRange(120, 150)],
        Decelerations = decelerations ?? [],
    };

    [Fact]
    public void Evaluate_ReactiveRecord_MetAtTenMinutes()
    {
        var result = s_analyzer.Evaluate(Input(Reactive(40)));

        Assert.True(result.CriteriaMet);
        Assert.Equal(10, result.AnalysedMinutes, 6);
        Assert.Empty(result.FailedCriteria);
        Assert.Equal(Enum.GetValues<DawesRedmanCriterion>(), result.Criteria.Select(c => c.Criterion));
        Assert.All(result.Criteria, c => Assert.True(c.Met, c.Description));
        Assert.InRange(result.Variation.ShortTermVariationMs, 8, 12);
        Assert.NotEmpty(result.Variation.HighVariationEpisodes);
        Assert.Equal(140, result.BasalHeartRateBpm);
        Assert.Equal(1, result.Accelerations);
    }

    [Fact]
    public void Evaluate_FlatRecord_NotMetAfterSixtyMinutesWithTheFailuresNamed()
    {
        var result = s_analyzer.Evaluate(Input(Noise(70, 140, 0.5, seed: 7), accelerations: []));

        Assert.False(result.CriteriaMet);
        Assert.Equal(60, result.AnalysedMinutes, 6);
        Assert.Equal([DawesRedmanCriterion.HighVariationEpisode, DawesRedmanCriterion.ShortTermVariation, DawesRedmanCriterion.AccelerationOrMovements], result.FailedCriteria);
        Assert.True(result.Variation.ShortTermVariationMs < 1);
        var stv = Assert.Single(result.Criteria, c => c.Criterion == DawesRedmanCriterion.ShortTermVariation);
        Assert.StartsWith("STV 0.", stv.Description, StringComparison.Ordinal);
        Assert.EndsWith("(at least 3 ms).", stv.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(115.9f, false)]
    [InlineData(116f, true)]
    [InlineData(160f, true)]
    [InlineData(160.1f, false)]
    public void Evaluate_BasalHeartRate_NormalFrom116To160(float basal, bool met)
    {
        var result = s_analyzer.Evaluate(Input(Reactive(20, basal), basal));

        Assert.Equal(met, result.CriteriaMet);
        Assert.Equal(met ? [] : [DawesRedmanCriterion.BasalHeartRate], result.FailedCriteria);
    }

    [Fact]
    public void Evaluate_ThirtyLostBeats_FailsUpToThirtyMinutesThenMetAtThirtyTwo()
    {
        var fhr = Reactive(40);
        var mask = Mask(fhr.Length);
        fhr.AsSpan(5 * PerMinute, PerMinute).Fill(110);
        mask.AsSpan(5 * PerMinute, PerMinute).Fill(FhrSegment.Deceleration);

        var result = s_analyzer.Evaluate(Input(fhr, mask: mask, decelerations: [new CtgTimeRange(300, 360)]));

        Assert.True(result.CriteriaMet);
        Assert.Equal(32, result.AnalysedMinutes, 6);
        Assert.Equal(30, result.LargestDecelerationLostBeats, 6);
    }

    [Fact]
    public void Evaluate_MoreThanOneHundredLostBeats_NeverMet()
    {
        var fhr = Reactive(40);
        var mask = Mask(fhr.Length);
        fhr.AsSpan(5 * PerMinute, 3 * PerMinute).Fill(100);
        mask.AsSpan(5 * PerMinute, 3 * PerMinute).Fill(FhrSegment.Deceleration);

        var result = s_analyzer.Evaluate(Input(fhr, mask: mask, decelerations: [new CtgTimeRange(300, 480)]));

        Assert.False(result.CriteriaMet);
        Assert.Equal([DawesRedmanCriterion.Decelerations], result.FailedCriteria);
        Assert.Equal(120, result.LargestDecelerationLostBeats, 6);
        Assert.Equal(40, result.AnalysedMinutes, 6);
    }

    [Fact]
    public void Evaluate_ShorterThanTenMinutes_NotMet()
    {
        var result = s_analyzer.Evaluate(Input(Reactive(8)));

        Assert.False(result.CriteriaMet);
        Assert.Contains(DawesRedmanCriterion.RecordLength, result.FailedCriteria);
        Assert.Equal(8, result.AnalysedMinutes, 6);
    }

    [Fact]
    public void Evaluate_FirstAccelerationAtMinuteFifteen_MetAtSixteen()
    {
        var result = s_analyzer.Evaluate(Input(Reactive(30), accelerations: [new CtgTimeRange(900, 930)]));

        Assert.True(result.CriteriaMet);
        Assert.Equal(16, result.AnalysedMinutes, 6);
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(19, false)]
    public void Evaluate_NoAccelerationButFetalMovements_MetFromTwentyPerHour(double movementsPerHour, bool met)
    {
        var result = s_analyzer.Evaluate(Input(Reactive(20), accelerations: []) with { FetalMovementsPerHour = movementsPerHour });

        Assert.Equal(met, result.CriteriaMet);
    }

    [Fact]
    public void Evaluate_ThirtyFivePercentSignalLoss_Fails()
    {
        var fhr = Reactive(20);
        for (var i = 0; i < fhr.Length; i++)
        {
            fhr[i] = i % 20 < 7 ? float.NaN : fhr[i];
        }

        var result = s_analyzer.Evaluate(Input(fhr));

        Assert.Equal([DawesRedmanCriterion.SignalLoss], result.FailedCriteria);
        Assert.Equal(35, result.SignalLossPercent, 6);
    }

    [Fact]
    public void Evaluate_SinusoidalRhythm_Fails()
    {
        var fhr = Constant(20, 140);
        Sine(fhr, 0, fhr.Length, 140, 12, 4);

        var result = s_analyzer.Evaluate(Input(fhr));

        // Its epochs are quarter cycles, so the minute range (about 23 ms) is not high variation either.
        Assert.Equal([DawesRedmanCriterion.HighVariationEpisode, DawesRedmanCriterion.NoSinusoidalRhythm], result.FailedCriteria);
        Assert.Contains("Longest sinusoidal episode 20 min", result.Criteria[^1].Description, StringComparison.Ordinal);
    }

    /// <summary>Every minute ramps the epoch pulse interval from 400 ms by 2.7 ms an epoch: STV 2.7 ms, range 40.5 ms (high variation).</summary>
    private static float[] Ramp(int minutes)
    {
        var fhr = new float[minutes * PerMinute];
        for (var i = 0; i < fhr.Length; i++)
        {
            fhr[i] = (float)(60000 / (400 + (2.7 * (i / 15 % 16))));
        }

        return fhr;
    }

    [Fact]
    public void Evaluate_StvBetweenTwoAndAHalfAndThree_MetOnlyWithTheBorderlineRule()
    {
        var input = Input(Ramp(20), basal: 142);

        var strict = s_analyzer.Evaluate(input);
        var borderline = new DawesRedmanAnalyzer(new DawesRedmanOptions { BorderlineStvMs = 2.5 }).Evaluate(input);
        var borderlineWithoutAcceleration = new DawesRedmanAnalyzer(new DawesRedmanOptions { BorderlineStvMs = 2.5 }).Evaluate(input with { Accelerations = [] });

        Assert.Equal(2.7, strict.Variation.ShortTermVariationMs, 3);
        Assert.Equal([DawesRedmanCriterion.ShortTermVariation], strict.FailedCriteria);
        Assert.True(borderline.CriteriaMet);
        Assert.Equal([DawesRedmanCriterion.ShortTermVariation, DawesRedmanCriterion.AccelerationOrMovements], borderlineWithoutAcceleration.FailedCriteria);
    }

    [Fact]
    public void LostBeats_RectangularDrop_IsDepthTimesMinutes()
    {
        var fhr = Constant(3, 140);
        fhr.AsSpan(PerMinute, PerMinute / 2).Fill(120);

        var beats = DawesRedmanAnalyzer.LostBeats(fhr, Baseline(fhr.Length, 140), new CtgTimeRange(55, 95), Rate);

        Assert.Equal(10, beats, 9);
    }

    [Fact]
    public void Evaluate_BadInput_Throws()
    {
        Assert.Throws<ArgumentNullException>("input", () => s_analyzer.Evaluate(null!));
        Assert.Throws<ArgumentException>("input", () => s_analyzer.Evaluate(Input(Reactive(10)) with { BaselineBpm = new float[3] }));
        Assert.Throws<ArgumentOutOfRangeException>("input", () => s_analyzer.Evaluate(Input(Reactive(10)) with { SampleRateHz = 0 }));
        Assert.Throws<ArgumentNullException>("input", () => s_analyzer.Evaluate(Input(Reactive(10)) with { Decelerations = null! }));
        Assert.Throws<ArgumentException>("options", () => new DawesRedmanAnalyzer(new DawesRedmanOptions { BorderlineStvMs = 4 }));
        Assert.Throws<ArgumentException>("options", () => new DawesRedmanAnalyzer(new DawesRedmanOptions { MaximumMinutes = 5 }));
        Assert.Null(new DawesRedmanOptions().Validate());
    }
}
