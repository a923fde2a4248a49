using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Monitoring.Tests.Analysis;

/// <summary>
/// A long fall of the fetal heart rate from a normal baseline (issue 5; found with the Fetosense sample's bradycardia
/// scenario): FIGO 2015 calls a drop lasting more than 3 min a prolonged deceleration (pathological beyond 5 min) and only a
/// baseline below 110 bpm for more than 10 min a bradycardia, so a 7-minute drop must not become the baseline.
/// </summary>
public sealed class CtgAnalyzerBradycardiaTests
{
    private const double DropStartSeconds = 12 * 60;
    private const double DepthBpm = 55;

    /// <summary>
    /// A seeded 45-min synthetic trace at 140 bpm (normal variability, accelerations, contractions, no decelerations)
    /// with a fall of <see cref="DepthBpm"/> over 40 s at 12 min, held, and a 60-s recovery, <paramref name="minutes"/>
    /// from the fall's onset to the end of the recovery.
    /// </summary>
    private static CtgRecording Drop(double minutes, int seed = 1)
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions
        {
            Seed = seed,
            DurationMinutes = 45,
            DecelerationProbability = 0,
            AccelerationsPerHour = 6,
            SignalLossFraction = 0,
        });
        var r = ctg.Recording;
        var fhr = r.FetalHeartRate.ToArray();
        var fs = r.SampleRateHz;
        var end = DropStartSeconds + (minutes * 60);
        for (var k = 0; k < fhr.Length; k++)
        {
            var s = k / fs;
            var depth = s < DropStartSeconds ? 0
                : s < DropStartSeconds + 40 ? Ease((s - DropStartSeconds) / 40)
                : s < end - 60 ? 1
                : s < end ? 1 - Ease((s - end + 60) / 60)
                : 0;
            fhr[k] -= (float)(DepthBpm * depth);
        }

        return new CtgRecording(fhr, fs, uterineActivity: r.UterineActivity.ToArray());
    }

    private static double Ease(double t) => 0.5 - (0.5 * Math.Cos(Math.PI * t));

    private static CtgAssessor Assessor(BaselineMethod method) =>
        new(new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = method }), detectFalseSignal: false);

    [Theory]
    [InlineData(BaselineMethod.RobustWeightedMedian, 6)]
    [InlineData(BaselineMethod.RobustWeightedMedian, 7)]
    [InlineData(BaselineMethod.RobustWeightedMedian, 9)]
    [InlineData(BaselineMethod.Figo, 7)]
    [InlineData(BaselineMethod.Figo, 9)]
    public void Assess_DropUpTo10Minutes_ProlongedDecelerationPathological(BaselineMethod method, double minutes)
    {
        var assessment = Assessor(method).Assess(Drop(minutes));
        var analysis = assessment.Analysis;

        var prolonged = Assert.Single(analysis.Decelerations, d => d.Type == DecelerationType.Prolonged);
        Assert.InRange(prolonged.StartSeconds, DropStartSeconds - 30, DropStartSeconds + 30);
        Assert.InRange(prolonged.DurationSeconds, (minutes * 60) - 90, (minutes * 60) + 30);
        Assert.InRange(prolonged.AmplitudeBpm, DepthBpm - 10, DepthBpm + 10);
        Assert.InRange(analysis.BaselineBpm, 135, 145);
        var middle = (int)((DropStartSeconds + (minutes * 30)) * analysis.SampleRateHz);
        Assert.InRange(analysis.Baseline.Span[middle], 130, 150);
        Assert.False(analysis.Bradycardia);
        Assert.Equal(FigoCategory.Pathological, assessment.Figo.Category);
        Assert.Contains(assessment.Figo.Reasons, r => r.Code == FigoReasonCode.ProlongedDecelerationOver5Minutes);
    }

    [Theory]
    [InlineData(BaselineMethod.RobustWeightedMedian, 12)]
    [InlineData(BaselineMethod.RobustWeightedMedian, 16)]
    [InlineData(BaselineMethod.Figo, 12)]
    [InlineData(BaselineMethod.Figo, 16)]
    public void Analyze_DropOver10Minutes_Bradycardia(BaselineMethod method, double minutes)
    {
        var analysis = new CtgAnalyzer(new CtgAnalyzerOptions { BaselineMethod = method }).Analyze(Drop(minutes));

        Assert.True(analysis.Bradycardia);
        Assert.InRange(analysis.BradycardiaSeconds, 600, (minutes * 60) + 120);
        Assert.DoesNotContain(analysis.Decelerations, d => d.Type == DecelerationType.Prolonged && d.DurationSeconds > 300);
        var middle = (int)((DropStartSeconds + (minutes * 30)) * analysis.SampleRateHz);
        Assert.InRange(analysis.Baseline.Span[middle], 140 - DepthBpm - 8, 140 - DepthBpm + 8);
    }

    [Theory]
    [InlineData(BaselineMethod.RobustWeightedMedian, 12)]
    [InlineData(BaselineMethod.RobustWeightedMedian, 16)]
    [InlineData(BaselineMethod.Figo, 16)]
    public void Assess_DropOver10MinutesWithNormalMeanBaseline_IsPathological(BaselineMethod method, double minutes)
    {
        // The mean baseline of the 45-min trace stays in 110-160; the episode alone makes it pathological.
        var assessment = Assessor(method).Assess(Drop(minutes));

        Assert.InRange(assessment.Analysis.BaselineBpm, 110, 160);
        Assert.Equal(FigoCategory.Pathological, assessment.Figo.Category);
        Assert.Contains(assessment.Figo.Reasons, r => r.Code == FigoReasonCode.BradycardiaEpisode && r.Severity == FigoReasonSeverity.Pathological);
    }

    [Fact]
    public void Classify_EpisodesAgainstANormalMeanBaseline()
    {
        var normal = new FigoFeatures { BaselineBpm = 135, VariabilityBandwidthBpm = 10, RecordMinutes = 60 };

        Assert.DoesNotContain(FigoClassifier.Classify(normal).Reasons, r => r.Code is FigoReasonCode.BradycardiaEpisode or FigoReasonCode.TachycardiaEpisode);
        Assert.DoesNotContain(FigoClassifier.Classify(normal with { BradycardiaMinutes = 9.9 }).Reasons, r => r.Code == FigoReasonCode.BradycardiaEpisode);
        Assert.Equal(FigoCategory.Pathological, FigoClassifier.Classify(normal with { BradycardiaMinutes = 10 }).Category);
        Assert.Contains(FigoClassifier.Classify(normal with { TachycardiaMinutes = 12 }).Reasons, r => r.Code == FigoReasonCode.TachycardiaEpisode && r.Severity == FigoReasonSeverity.Suspicious);

        // A low mean baseline is already judged by the baseline rule: no second reason.
        Assert.DoesNotContain(FigoClassifier.Classify(normal with { BaselineBpm = 95, BradycardiaMinutes = 60 }).Reasons, r => r.Code == FigoReasonCode.BradycardiaEpisode);
    }
}
