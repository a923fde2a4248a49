using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// Everything <see cref="CtgAssessor"/> found in one recording: the analysis (baseline, accelerations, decelerations,
/// contractions), the variability, the Dawes-Redman-style STV/LTV, the per-sample false-signal probability, the FIGO
/// 2015 classification with its reasons and the Dawes-Redman criteria.
/// </summary>
public sealed class CtgAssessment
{
    /// <summary>Gets the analysis: baseline, accelerations, decelerations with type, contractions, signal loss.</summary>
    public required CtgAnalysis Analysis { get; init; }

    /// <summary>Gets the per-sample false-signal probability (0-1; 0 where the signal is lost), or an empty memory when the detector did not run.</summary>
    public ReadOnlyMemory<float> FalseSignalProbability { get; init; }

    /// <summary>Gets what each sample belongs to (baseline, acceleration, deceleration, unreliable), as the variability measures used it.</summary>
    public ReadOnlyMemory<FhrSegment> Segments { get; init; }

    /// <summary>Gets the FIGO 2015 variability (bandwidth per minute and its class).</summary>
    public required VariabilityResult Variability { get; init; }

    /// <summary>Gets the short-term and long-term variation (Dawes-Redman style).</summary>
    public required ShortTermVariationResult Variation { get; init; }

    /// <summary>Gets the features the classification was made from.</summary>
    public required FigoFeatures Features { get; init; }

    /// <summary>Gets the FIGO 2015 category and the reasons for it.</summary>
    public required FigoClassification Figo { get; init; }

    /// <summary>Gets the Dawes-Redman criteria result (Dawes, Moulden, Redman 1991; Pardey et al. 2002) computed from the analysis' baseline, accelerations and decelerations, or <see langword="null"/> when the sample rate is below 1 Hz.</summary>
    public DawesRedmanResult? DawesRedman { get; init; }

    /// <summary>Builds the overlay of a <see cref="CtgChart"/>: baseline, accelerations, decelerations (labelled with their type), contractions and false-signal episodes.</summary>
    /// <returns>The overlay.</returns>
    public CtgChartOverlay ToChartOverlay()
    {
        var fs = Analysis.SampleRateHz;
        var intervals = new System.Collections.Generic.List<CtgChartInterval>();
        foreach (var a in Analysis.Accelerations)
        {
            intervals.Add(new CtgChartInterval(CtgChartIntervalKind.Acceleration, new CtgTimeRange(a.StartSeconds, a.EndSeconds)));
        }

        foreach (var d in Analysis.Decelerations)
        {
            intervals.Add(new CtgChartInterval(CtgChartIntervalKind.Deceleration, new CtgTimeRange(d.StartSeconds, d.EndSeconds), d.Type == DecelerationType.Unknown ? null : d.Type.ToString().ToLowerInvariant()));
        }

        foreach (var c in Analysis.Contractions)
        {
            intervals.Add(new CtgChartInterval(CtgChartIntervalKind.Contraction, new CtgTimeRange(c.StartSeconds, c.EndSeconds)));
        }

        var p = FalseSignalProbability.Span;
        for (var i = 0; i < p.Length;)
        {
            if (p[i] < 0.5f)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < p.Length && p[i] >= 0.5f)
            {
                i++;
            }

            intervals.Add(new CtgChartInterval(CtgChartIntervalKind.FalseSignal, CtgTimeRange.FromSamples(start, i, fs)));
        }

        return new CtgChartOverlay { BaselineBpm = Analysis.Baseline, Intervals = intervals };
    }
}
