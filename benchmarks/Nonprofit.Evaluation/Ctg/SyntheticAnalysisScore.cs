using Nonprofit.Monitoring;
using Nonprofit.Monitoring.Tests.Synthetic;

namespace Nonprofit.Evaluation.Ctg;

/// <summary>
/// Scores a <see cref="CtgAnalysis"/> against the ground truth of a synthetic CTG: baseline RMSD on the samples with a
/// signal, event agreement with FHRMA's matching (overlap of more than 5 s; events more than 33% signal loss left out on
/// both sides) and the share of matched decelerations whose type is right. Ground-truth decelerations shallower than the
/// analyzer's 15 bpm threshold (the generator's early and late ones may be 10-15 bpm deep) are optional: not counted as
/// missed, and a detection that matches one is not counted as false.
/// </summary>
internal sealed record SyntheticAnalysisScore(double BaselineRmsd, EventAgreement Accelerations, EventAgreement Decelerations, int TypedRight, int Typed, List<(DecelerationType Expected, DecelerationType Found)> Types)
{
    public static SyntheticAnalysisScore Score(SyntheticCtg truth, CtgAnalysis analysis, double decelerationThresholdBpm = 15)
    {
        var fs = truth.Recording.SampleRateHz;
        var baseline = analysis.Baseline.Span;
        var valid = truth.Lost.Select(l => !l).ToArray();
        var rmsd = CtgMetrics.Rmsd(baseline, truth.Baseline, valid);

        EventSpan Span(SampleInterval i) => new(i.Start / fs, i.End / fs);
        var trueAcc = CtgMetrics.Reliable(truth.Events.Where(e => e.Kind == SyntheticEventKind.Acceleration).Select(e => Span(e.Interval)), truth.Lost, fs);
        var decels = truth.Events.Where(e => e.Kind != SyntheticEventKind.Acceleration).ToList();
        var required = decels.Where(e => -e.AmplitudeBpm >= decelerationThresholdBpm).ToList();
        var optional = CtgMetrics.Reliable(decels.Where(e => -e.AmplitudeBpm < decelerationThresholdBpm).Select(e => Span(e.Interval)), truth.Lost, fs);
        var trueDec = CtgMetrics.Reliable(required.Select(e => Span(e.Interval)), truth.Lost, fs);
        var foundAcc = CtgMetrics.Reliable(analysis.Accelerations.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds)), truth.Lost, fs);
        var foundDecAll = analysis.Decelerations.Where(e => CtgMetrics.Reliable([new EventSpan(e.StartSeconds, e.EndSeconds)], truth.Lost, fs).Count == 1).ToList();

        // A detection that matches only an optional (shallow) deceleration is neither right nor wrong.
        var foundDec = foundDecAll
            .Where(e => !(Overlaps(e, optional) && !Overlaps(e, trueDec)))
            .ToList();
        var acc = CtgMetrics.Match(foundAcc, trueAcc);
        var dec = CtgMetrics.Match(foundDec.Select(e => new EventSpan(e.StartSeconds, e.EndSeconds)).ToList(), trueDec);

        var typed = 0;
        var right = 0;
        var types = new List<(DecelerationType, DecelerationType)>();
        foreach (var e in required)
        {
            var span = Span(e.Interval);
            if (!trueDec.Contains(span))
            {
                continue;
            }

            var match = foundDec.Where(f => Math.Min(f.EndSeconds, span.End) - Math.Max(f.StartSeconds, span.Start) > 5)
                .OrderByDescending(f => Math.Min(f.EndSeconds, span.End) - Math.Max(f.StartSeconds, span.Start))
                .FirstOrDefault();
            if (match is null)
            {
                continue;
            }

            typed++;
            right += match.Type == Expected(e.Kind) ? 1 : 0;
            types.Add((Expected(e.Kind), match.Type));
        }

        return new SyntheticAnalysisScore(rmsd, acc, dec, right, typed, types);
    }

    public static DecelerationType Expected(SyntheticEventKind kind) => kind switch
    {
        SyntheticEventKind.EarlyDeceleration => DecelerationType.Early,
        SyntheticEventKind.LateDeceleration => DecelerationType.Late,
        SyntheticEventKind.VariableDeceleration => DecelerationType.Variable,
        SyntheticEventKind.ProlongedDeceleration => DecelerationType.Prolonged,
        _ => DecelerationType.Unknown,
    };

    /// <summary>The generator settings of the synthetic evaluation (documented in docs/monitoring.md).</summary>
    public static SyntheticCtgOptions Options(int seed) => new()
    {
        Seed = seed,
        DurationMinutes = 60,
        DecelerationProbability = 0.6,
        ProlongedDecelerationsPerHour = 1,
        AccelerationsPerHour = 6,
        SignalLossFraction = 0.05,
        HalvingEpisodesPerHour = 2,
    };

    private static bool Overlaps(FhrDeceleration e, List<EventSpan> spans) =>
        spans.Any(s => Math.Min(e.EndSeconds, s.End) - Math.Max(e.StartSeconds, s.Start) > 5);
}
