using Nonprofit.Monitoring.Tests.Synthetic;
using static Nonprofit.Monitoring.Tests.Online.MonitorReplay;

namespace Nonprofit.Monitoring.Tests.Online;

/// <summary>The sliding-window rules of <see cref="CtgMonitor"/>: FIGO category change and suspected false signal.</summary>
public sealed class CtgMonitorWindowTests
{
    [Fact]
    public void CategoryChange_NormalThenTachycardic_FirstCategoryThenAChange()
    {
        var normal = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 21, DurationMinutes = 20, DecelerationProbability = 0, SignalLossFraction = 0 });
        var tachycardic = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 22, DurationMinutes = 30, BaselineBpm = 180, DecelerationProbability = 0, SignalLossFraction = 0 });
        var samples = CtgSample.FromRecording(normal.Recording).Concat(CtgSample.FromRecording(tachycardic.Recording)).ToArray();

        var changes = Run(samples).Of(CtgMonitorEventKind.CategoryChange).ToList();

        var first = changes[0];
        Assert.Equal(CtgMonitorEventPhase.Changed, first.Phase);
        Assert.Null(first.PreviousCategory);
        Assert.Equal(FigoCategory.Normal, first.Category);
        Assert.Equal((10 * 60 * 4) - 1, first.SampleIndex);
        Assert.Equal(0, first.StartIndex);

        var later = Assert.Single(changes.Skip(1), c => c.Category != FigoCategory.Normal);
        Assert.Equal(FigoCategory.Normal, later.PreviousCategory);
        Assert.True(later.SampleIndex > 20 * 60 * 4, "The change comes after the switch to tachycardia.");
        // Tachycardia for 10 minutes inside the 30-min window (TachycardiaEpisode) or a high mean baseline (BaselineHigh).
        Assert.Matches("BaselineHigh|TachycardiaEpisode", later.Reason);
        Assert.DoesNotContain("bpm is", later.Reason, StringComparison.Ordinal);
        Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.Equal(pair.First.Category, pair.Second.PreviousCategory));
    }

    [Fact]
    public void CategoryChange_Confirmations_SuppressOneEvaluationFlicker()
    {
        var samples = Enumerable.Range(40, 6)
            .Select(seed => SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = seed, DurationMinutes = 60, ProlongedDecelerationsPerHour = 2, SignalLossFraction = 0.1 }))
            .Select(ctg => CtgSample.FromRecording(ctg.Recording))
            .ToList();

        var once = samples.Sum(s => Run(s, new CtgMonitorOptions { CategoryConfirmations = 1 }).Of(CtgMonitorEventKind.CategoryChange).Count());
        var twice = samples.Sum(s => Run(s).Of(CtgMonitorEventKind.CategoryChange).Count());

        Assert.True(twice < once, $"Confirmed changes ({twice}) must be fewer than unconfirmed ones ({once}).");
        Assert.True(twice >= samples.Count, "Every recording reports at least its first category.");
    }

    [Fact]
    public void CategoryChange_WindowTooShort_NoCategoryYet()
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 4, DurationMinutes = 9 });
        Assert.Empty(Run(ctg.Recording).Of(CtgMonitorEventKind.CategoryChange));
    }

    [Fact]
    public void SuspectedFalseSignal_MaternalRateRecordedAsFetal_StartsAndEnds()
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 31, DurationMinutes = 40, SignalLossFraction = 0 });
        var samples = CtgSample.FromRecording(ctg.Recording);
        var random = new Random(5);
        var from = 20 * 60 * 4;
        var to = 27 * 60 * 4;
        var level = 95.0;
        for (var i = 0; i < samples.Length; i++)
        {
            level += 0.05 * (95 - level) + (0.3 * (random.NextDouble() - 0.5));
            var maternal = MathF.Round((float)level * 4) / 4;
            samples[i] = samples[i] with { MaternalHeartRate = maternal };
            if (i >= from && i < to)
            {
                samples[i] = samples[i] with { FetalHeartRate = maternal };
            }
        }

        var events = Run(samples).Of(CtgMonitorEventKind.SuspectedFalseSignal).ToList();

        var started = Assert.Single(events, e => e.Phase == CtgMonitorEventPhase.Started);
        Assert.InRange(started.StartIndex, from, to);
        var ended = Assert.Single(events, e => e.Phase == CtgMonitorEventPhase.Ended);
        Assert.InRange(ended.EndIndex!.Value, to - (60 * 4), to + (2 * 60 * 4));
        Assert.Empty(Run(ctg.Recording).Of(CtgMonitorEventKind.SuspectedFalseSignal));
    }

    [Fact]
    public void SuspectedFalseSignal_DetectorOff_NeverRaised()
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 31, DurationMinutes = 15, SignalLossFraction = 0 });
        var samples = CtgSample.FromRecording(ctg.Recording).Select(s => s with { FetalHeartRate = s.MaternalHeartRate }).ToArray();

        Assert.NotEmpty(Run(samples).Of(CtgMonitorEventKind.SuspectedFalseSignal));
        Assert.Empty(Run(samples, new CtgMonitorOptions { DetectFalseSignal = false }).Of(CtgMonitorEventKind.SuspectedFalseSignal));
    }
}
