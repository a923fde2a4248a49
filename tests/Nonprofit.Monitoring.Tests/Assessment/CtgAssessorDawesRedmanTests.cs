using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Monitoring.Tests.Assessment;

public sealed class CtgAssessorDawesRedmanTests
{
    [Fact]
    public void Assess_SyntheticHour_CarriesDawesRedmanFromTheAnalysisEvents()
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 3, DurationMinutes = 60, AccelerationsPerHour = 6 });
        var assessment = new CtgAssessor(detectFalseSignal: false).Assess(ctg.Recording);

        Assert.NotNull(assessment.DawesRedman);
        var a = assessment.Analysis;
        var direct = new DawesRedmanAnalyzer().Evaluate(new DawesRedmanInput
        {
            FhrBpm = a.Preprocessed.FetalHeartRate,
            BaselineBpm = a.Baseline,
            Segments = assessment.Segments,
            SampleRateHz = a.SampleRateHz,
            Accelerations = [.. a.Accelerations.Select(e => new CtgTimeRange(e.StartSeconds, e.EndSeconds))],
            Decelerations = [.. a.Decelerations.Select(e => new CtgTimeRange(e.StartSeconds, e.EndSeconds))],
        });
        var result = assessment.DawesRedman!;
        Assert.Equal(direct.CriteriaMet, result.CriteriaMet);
        Assert.Equal(direct.AnalysedMinutes, result.AnalysedMinutes);
        Assert.Equal(direct.Accelerations, result.Accelerations);
        Assert.Equal(direct.BasalHeartRateBpm, result.BasalHeartRateBpm);
        Assert.True(a.Accelerations.Count > 0);
        Assert.True(result.Accelerations > 0);
        Assert.True(result.AnalysedMinutes >= 10);
    }
}
