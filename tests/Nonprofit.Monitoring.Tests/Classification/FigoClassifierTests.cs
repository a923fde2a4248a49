using System.Globalization;

namespace Nonprofit.Monitoring.Tests.Classification;

public sealed class FigoClassifierTests
{
    /// <summary>Baseline 140, variability 12 bpm, 60 min, nothing else: normal.</summary>
    private static readonly FigoFeatures s_normal = new() { BaselineBpm = 140, VariabilityBandwidthBpm = 12, RecordMinutes = 60 };

    private static FigoClassification Classify(FigoFeatures features) => FigoClassifier.Classify(features);

    private static FigoReason Only(FigoClassification result, FigoReasonCode code) => Assert.Single(result.Reasons, r => r.Code == code);

    /// <summary>Contractions every 3 min lasting 60 s; the first <paramref name="withDeceleration"/> have a deceleration 30-90 s after their start.</summary>
    private static FigoFeatures WithContractions(FigoFeatures features, int contractions, int withDeceleration, FigoDecelerationKind kind, Func<int, bool>? hit = null)
    {
        var c = new List<CtgTimeRange>();
        var d = new List<FigoDeceleration>();
        for (var k = 0; k < contractions; k++)
        {
            c.Add(new CtgTimeRange(180 * k, (180 * k) + 60));
            if (hit?.Invoke(k) ?? k < withDeceleration)
            {
                d.Add(new FigoDeceleration(kind, new CtgTimeRange((180 * k) + 30, (180 * k) + 90)));
            }
        }

        return features with { Contractions = c, Decelerations = d };
    }

    [Fact]
    public void Classify_AllNormal_NormalWithoutReasons()
    {
        var result = Classify(s_normal);

        Assert.Equal(FigoCategory.Normal, result.Category);
        Assert.Empty(result.Reasons);
    }

    [Theory]
    [InlineData(99.9, FigoCategory.Pathological, FigoReasonCode.BaselineBelow100)]
    [InlineData(100, FigoCategory.Suspicious, FigoReasonCode.BaselineLow)]
    [InlineData(109.9, FigoCategory.Suspicious, FigoReasonCode.BaselineLow)]
    [InlineData(160.1, FigoCategory.Suspicious, FigoReasonCode.BaselineHigh)]
    [InlineData(double.NaN, FigoCategory.Suspicious, FigoReasonCode.BaselineUnknown)]
    public void Classify_BaselineOutsideNormal_CategoryAndReason(double baseline, FigoCategory category, FigoReasonCode code)
    {
        var result = Classify(s_normal with { BaselineBpm = baseline });

        Assert.Equal(category, result.Category);
        Assert.Equal(code, Assert.Single(result.Reasons).Code);
    }

    [Theory]
    [InlineData(110)]
    [InlineData(160)]
    public void Classify_BaselineAtNormalLimits_Normal(double baseline) =>
        Assert.Equal(FigoCategory.Normal, Classify(s_normal with { BaselineBpm = baseline }).Category);

    [Fact]
    public void Classify_BaselineBelow100_MessageGivesTheValue()
    {
        var reason = Only(Classify(s_normal with { BaselineBpm = 95 }), FigoReasonCode.BaselineBelow100);

        Assert.Equal(FigoReasonSeverity.Pathological, reason.Severity);
        Assert.Equal("Baseline 95 bpm is below 100 bpm.", reason.Message);
    }

    [Theory]
    [InlineData(4.9, FigoCategory.Suspicious)]
    [InlineData(5, FigoCategory.Normal)]
    [InlineData(25, FigoCategory.Normal)]
    [InlineData(25.1, FigoCategory.Suspicious)]
    [InlineData(double.NaN, FigoCategory.Suspicious)]
    public void Classify_TypicalVariability_NormalOnlyFromFiveToTwentyFive(double bandwidth, FigoCategory category)
    {
        var result = Classify(s_normal with { VariabilityBandwidthBpm = bandwidth });

        Assert.Equal(category, result.Category);
        if (category == FigoCategory.Suspicious)
        {
            Assert.Equal(FigoReasonCode.VariabilityNotNormal, Assert.Single(result.Reasons).Code);
        }
    }

    [Theory]
    [InlineData(nameof(FigoFeatures.ReducedVariabilityMinutes), 50, FigoReasonCode.ReducedVariability)]
    [InlineData(nameof(FigoFeatures.ReducedVariabilityDuringDecelerationsMinutes), 3, FigoReasonCode.ReducedVariabilityDuringDecelerations)]
    [InlineData(nameof(FigoFeatures.IncreasedVariabilityMinutes), 30, FigoReasonCode.IncreasedVariability)]
    [InlineData(nameof(FigoFeatures.SinusoidalMinutes), 30, FigoReasonCode.SinusoidalPattern)]
    public void Classify_VariabilityDurations_PathologicalOnlyAboveTheLimit(string property, double limit, FigoReasonCode code)
    {
        FigoFeatures With(double minutes) => property switch
        {
            nameof(FigoFeatures.ReducedVariabilityMinutes) => s_normal with { ReducedVariabilityMinutes = minutes },
            nameof(FigoFeatures.ReducedVariabilityDuringDecelerationsMinutes) => s_normal with { ReducedVariabilityDuringDecelerationsMinutes = minutes },
            nameof(FigoFeatures.IncreasedVariabilityMinutes) => s_normal with { IncreasedVariabilityMinutes = minutes },
            _ => s_normal with { SinusoidalMinutes = minutes },
        };

        var at = Classify(With(limit));
        var above = Classify(With(limit + 0.1));

        Assert.Equal(FigoCategory.Normal, at.Category);
        Assert.Equal(FigoCategory.Pathological, above.Category);
        Assert.Equal(FigoReasonSeverity.Pathological, Only(above, code).Severity);
        Assert.DoesNotContain(above.Reasons, r => r.Code == FigoReasonCode.VariabilityNotNormal);
    }

    [Theory]
    [InlineData(300, FigoCategory.Normal)]
    [InlineData(301, FigoCategory.Pathological)]
    public void Classify_OneProlongedDeceleration_PathologicalBeyondFiveMinutes(double seconds, FigoCategory category)
    {
        var result = Classify(s_normal with { Decelerations = [new FigoDeceleration(FigoDecelerationKind.Prolonged, new CtgTimeRange(600, 600 + seconds))] });

        Assert.Equal(category, result.Category);
        if (category == FigoCategory.Pathological)
        {
            Assert.Contains("5 min", Only(result, FigoReasonCode.ProlongedDecelerationOver5Minutes).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(10, FigoCategory.Suspicious)] // 9 × 3 min + 1 min = 28 min
    [InlineData(11, FigoCategory.Pathological)] // 31 min
    public void Classify_RepetitiveLateDecelerations_PathologicalBeyondThirtyMinutes(int decelerations, FigoCategory category)
    {
        var result = Classify(WithContractions(s_normal, decelerations, decelerations, FigoDecelerationKind.Late));

        Assert.Equal(category, result.Category);
        var code = category == FigoCategory.Pathological ? FigoReasonCode.RepetitiveLateOrProlongedDecelerations : FigoReasonCode.RepetitiveDecelerations;
        Assert.Equal(code, Assert.Single(result.Reasons).Code);
    }

    [Theory]
    [InlineData(7, FigoCategory.Suspicious)] // 19 min
    [InlineData(8, FigoCategory.Pathological)] // 22 min
    public void Classify_RepetitiveLateDecelerationsWithReducedVariability_PathologicalBeyondTwentyMinutes(int decelerations, FigoCategory category)
    {
        var features = WithContractions(s_normal with { VariabilityBandwidthBpm = 4 }, decelerations, decelerations, FigoDecelerationKind.Late);

        var result = Classify(features);

        Assert.Equal(category, result.Category);
        Assert.Equal(category == FigoCategory.Pathological, result.Reasons.Any(r => r.Code == FigoReasonCode.RepetitiveLateOrProlongedDecelerations));
    }

    [Fact]
    public void Classify_LateDecelerationsWithEveryOtherContraction_NotRepetitive()
    {
        // 10 of 20 contractions (exactly 50%) over 57 min: not "more than 50%".
        var result = Classify(WithContractions(s_normal, 20, 0, FigoDecelerationKind.Late, k => k % 2 == 0));

        Assert.Equal(FigoCategory.Normal, result.Category);
    }

    [Fact]
    public void Classify_LateDecelerationsWithTwoOfThreeContractions_RepetitiveOverTheRun()
    {
        // Hits at 0, 1, 3, 4, 6, 7, ... for 33 contractions (22 hits): every run starting and ending with a hit has > 50%.
        var result = Classify(WithContractions(s_normal, 33, 0, FigoDecelerationKind.Late, k => k % 3 != 2));

        Assert.Equal(FigoCategory.Pathological, result.Category);
        Assert.Contains("during 94 min", Only(result, FigoReasonCode.RepetitiveLateOrProlongedDecelerations).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, FigoCategory.Normal)] // 4 of 8 = 50%
    [InlineData(5, FigoCategory.Suspicious)] // 5 of 8 > 50%
    public void Classify_VariableDecelerations_RepetitiveAboveHalfTheContractions(int withDeceleration, FigoCategory category)
    {
        var result = Classify(WithContractions(s_normal, 8, withDeceleration, FigoDecelerationKind.Variable));

        Assert.Equal(category, result.Category);
        if (category == FigoCategory.Suspicious)
        {
            Assert.Equal("Decelerations with 5 of 8 contractions (more than 50%: repetitive).", Only(result, FigoReasonCode.RepetitiveDecelerations).Message);
        }
    }

    [Fact]
    public void Classify_DecelerationStartingMoreThanSixtySecondsAfterTheContraction_NotAssociated()
    {
        var features = s_normal with
        {
            Contractions = [new(0, 60), new(180, 240), new(360, 420)],
            Decelerations = [new(FigoDecelerationKind.Variable, new(121, 150)), new(FigoDecelerationKind.Variable, new(301, 330)), new(FigoDecelerationKind.Variable, new(481, 500))],
        };

        Assert.Equal(FigoCategory.Normal, Classify(features).Category);
        Assert.Equal(FigoCategory.Suspicious, Classify(features with { Decelerations = [.. features.Decelerations.Select(d => d with { Time = new(d.Time.StartSeconds - 2, d.Time.EndSeconds) })] }).Category);
    }

    [Fact]
    public void Classify_Notes_DoNotChangeTheCategory()
    {
        var result = Classify(s_normal with { SignalLossPercent = 30.1, Tachysystole = true, RecordMinutes = 50 });

        Assert.Equal(FigoCategory.Normal, result.Category);
        Assert.Equal([FigoReasonCode.SignalLoss, FigoReasonCode.Tachysystole, FigoReasonCode.ShortRecord], result.Reasons.Select(r => r.Code));
        Assert.All(result.Reasons, r => Assert.Equal(FigoReasonSeverity.Information, r.Severity));
        Assert.Empty(Classify(s_normal with { SignalLossPercent = 30, RecordMinutes = 50.1 }).Reasons);
    }

    [Fact]
    public void Classify_SeveralFindings_PathologicalFirstThenSuspiciousThenNotes()
    {
        var result = Classify(s_normal with { BaselineBpm = 170, SinusoidalMinutes = 40, Tachysystole = true, VariabilityBandwidthBpm = 3 });

        Assert.Equal(FigoCategory.Pathological, result.Category);
        Assert.Equal([FigoReasonCode.SinusoidalPattern, FigoReasonCode.BaselineHigh, FigoReasonCode.Tachysystole], result.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Classify_EveryReasonCode_CanBeProduced()
    {
        var produced = new HashSet<FigoReasonCode>();
        FigoFeatures[] cases =
        [
            s_normal with { BaselineBpm = 90 }, s_normal with { BaselineBpm = 105 }, s_normal with { BaselineBpm = 170 },
            s_normal with { BaselineBpm = double.NaN }, s_normal with { ReducedVariabilityMinutes = 60 },
            s_normal with { ReducedVariabilityDuringDecelerationsMinutes = 4 }, s_normal with { IncreasedVariabilityMinutes = 40 },
            s_normal with { SinusoidalMinutes = 40 }, s_normal with { VariabilityBandwidthBpm = 30 },
            WithContractions(s_normal, 12, 12, FigoDecelerationKind.Late), WithContractions(s_normal, 4, 4, FigoDecelerationKind.Early),
            s_normal with { Decelerations = [new(FigoDecelerationKind.Prolonged, new(0, 400))] },
            s_normal with { SignalLossPercent = 50, Tachysystole = true, RecordMinutes = 20 },
            s_normal with { BradycardiaMinutes = 12, TachycardiaMinutes = 11 },
        ];
        foreach (var features in cases)
        {
            produced.UnionWith(Classify(features).Reasons.Select(r => r.Code));
        }

        Assert.Equal(Enum.GetValues<FigoReasonCode>().ToHashSet(), produced);
    }

    [Fact]
    public void Classify_UnderAnotherCulture_MessagesUseInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var reason = Only(Classify(s_normal with { BaselineBpm = 95.5 }), FigoReasonCode.BaselineBelow100);
            Assert.Equal("Baseline 95.5 bpm is below 100 bpm.", reason.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void WithVariability_CopiesTheVariabilityFields()
    {
        var fhr = FhrSignals.Constant(40, 140);
        FhrSignals.Sine(fhr, 0, fhr.Length, 140, 12, 4);
        var variability = new VariabilityAnalyzer().Analyze(fhr, FhrSignals.Baseline(fhr.Length, 140), FhrSignals.Mask(fhr.Length), 4);

        var features = s_normal.WithVariability(variability);

        Assert.Equal(40, features.SinusoidalMinutes);
        Assert.Equal(variability.MedianBandwidthBpm, features.VariabilityBandwidthBpm);
        Assert.Equal(FigoReasonCode.SinusoidalPattern, Assert.Single(Classify(features).Reasons).Code);
    }

    [Fact]
    public void Classify_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("features", () => FigoClassifier.Classify(null!));
        Assert.Throws<ArgumentNullException>("features", () => FigoClassifier.Classify(s_normal with { Contractions = null! }));
    }
}
