namespace Nonprofit.Monitoring.Tests.Synthetic;

public sealed class SyntheticCtgGeneratorTests
{
    private static readonly SyntheticCtgOptions s_options = new()
    {
        Seed = 7,
        DurationMinutes = 60,
        DecelerationProbability = 0.8,
        ProlongedDecelerationsPerHour = 1,
        HalvingEpisodesPerHour = 3,
        SignalLossFraction = 0.08,
    };

    [Fact]
    public void Generate_SameSeed_IdenticalOutput()
    {
        var a = SyntheticCtgGenerator.Generate(s_options);
        var b = SyntheticCtgGenerator.Generate(s_options);
        var c = SyntheticCtgGenerator.Generate(s_options with { Seed = 8 });

        Assert.Equal(a.Recording.FetalHeartRate.ToArray(), b.Recording.FetalHeartRate.ToArray());
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.Contractions, b.Contractions);
        Assert.NotEqual(a.Recording.FetalHeartRate.ToArray(), c.Recording.FetalHeartRate.ToArray());
    }

    [Fact]
    public void Generate_GroundTruth_ConsistentWithRecording()
    {
        var ctg = SyntheticCtgGenerator.Generate(s_options);
        var n = ctg.Recording.Length;

        Assert.Equal(60 * 60 * 4, n);
        Assert.Equal(n, ctg.Baseline.Length);
        Assert.Equal(n, ctg.Lost.Length);
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(ctg.Lost[i], float.IsNaN(ctg.Recording.FetalHeartRate.Span[i])));
        Assert.InRange(ctg.Lost.Count(l => l) / (double)n, 0.08, 0.10);
        Assert.True(ctg.Recording.HasUterineActivity && ctg.Recording.HasMaternalHeartRate);

        // Every kind appears; events do not overlap; decelerations tied to a contraction start during or after it.
        var kinds = ctg.Events.Select(e => e.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<SyntheticEventKind>().Length, kinds.Count);
        for (var k = 1; k < ctg.Events.Count; k++)
        {
            Assert.True(ctg.Events[k - 1].Interval.End <= ctg.Events[k].Interval.Start);
        }

        foreach (var e in ctg.Events.Where(e => e.ContractionIndex is not null))
        {
            var contraction = ctg.Contractions[e.ContractionIndex!.Value];
            Assert.True(e.Interval.Overlaps(contraction));
            Assert.True(e.Interval.Start >= contraction.Start);
            Assert.True(e.AmplitudeBpm < 0);
        }

        // FIGO 2015: accelerations rise more than 15 bpm for more than 15 s; prolonged decelerations last over 3 min.
        Assert.All(ctg.Events.Where(e => e.Kind == SyntheticEventKind.Acceleration), e => Assert.True(e.AmplitudeBpm >= 15 && e.Interval.Length >= 60));
        Assert.All(ctg.Events.Where(e => e.Kind == SyntheticEventKind.ProlongedDeceleration), e => Assert.True(e.Interval.Length > 180 * 4));

        // The true FHR dips below baseline at a deceleration's middle.
        foreach (var e in ctg.Events.Where(e => e.Kind != SyntheticEventKind.Acceleration))
        {
            var mid = (e.Interval.Start + e.Interval.End) / 2;
            Assert.True(ctg.TrueFhr[mid] < ctg.Baseline[mid]);
        }
    }

    [Fact]
    public void Preprocess_Synthetic_RecoversHalvingAndLoss()
    {
        var ctg = SyntheticCtgGenerator.Generate(s_options);

        var clean = new CtgPreprocessor(new CtgPreprocessorOptions()).Process(ctg.Recording);

        var status = clean.Status.ToArray();
        var lost = ctg.Lost.Count(l => l) * 100.0 / ctg.Recording.Length;
        Assert.InRange(clean.SignalLossPercent, lost, lost + 2);
        Assert.NotEmpty(ctg.Halved);
        var halvedKept = 0;
        var halvedCorrected = 0;
        foreach (var h in ctg.Halved)
        {
            for (var i = h.Start; i < h.End; i++)
            {
                if (!ctg.Lost[i] && clean.IsMeasured(i))
                {
                    halvedKept++;
                    halvedCorrected += (status[i] & FhrSampleStatus.HalvingCorrected) != 0 ? 1 : 0;
                }
            }
        }

        Assert.True(halvedCorrected >= 0.95 * halvedKept, $"{halvedCorrected} of {halvedKept} halved samples corrected");

        // Outside halving episodes nothing is "corrected": decelerations stay.
        var falseCorrections = Enumerable.Range(0, ctg.Recording.Length)
            .Count(i => (status[i] & (FhrSampleStatus.HalvingCorrected | FhrSampleStatus.DoublingCorrected)) != 0
                && !ctg.Halved.Any(h => i >= h.Start && i < h.End));
        Assert.Equal(0, falseCorrections);
    }
}
