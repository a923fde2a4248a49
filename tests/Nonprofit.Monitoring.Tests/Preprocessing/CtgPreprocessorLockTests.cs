using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Monitoring.Tests.Preprocessing;

/// <summary>Regression: the halving/doubling correction must not lock onto half the rate after a deep deceleration next to a gap.</summary>
public sealed class CtgPreprocessorLockTests
{
    [Theory]
    [InlineData(65)]
    public void Process_SyntheticLabour_CorrectsOnlyNearTrueHalvingEpisodes(int seed)
    {
        // The synthetic evaluation's settings (benchmarks/Nonprofit.Evaluation SyntheticAnalysisScore.Options).
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions
        {
            Seed = seed,
            DurationMinutes = 60,
            DecelerationProbability = 0.6,
            ProlongedDecelerationsPerHour = 1,
            AccelerationsPerHour = 6,
            SignalLossFraction = 0.05,
            HalvingEpisodesPerHour = 2,
        });
        var pre = new CtgPreprocessor(new CtgPreprocessorOptions()).Process(ctg.Recording);
        var status = pre.Status.Span;
        var fs = pre.SampleRateHz;
        var wrong = 0;
        for (var i = 0; i < status.Length; i++)
        {
            var corrected = (status[i] & (FhrSampleStatus.HalvingCorrected | FhrSampleStatus.DoublingCorrected)) != 0;
            if (corrected && !ctg.Halved.Any(h => h.Overlaps(new SampleInterval(i, i + 1), (int)(5 * fs))))
            {
                wrong++;
            }
        }

        // Before the fix seed 65 stayed halved for about 10 minutes; allow at most one capped episode (30 s).
        Assert.True(wrong <= 30 * fs, $"{wrong} samples corrected away from any true halving episode.");
    }
}
