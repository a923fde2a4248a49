using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>The outcome of a Dawes-Redman-style analysis (<see cref="DawesRedmanAnalyzer"/>): met or not, when, and each criterion's status.</summary>
public sealed record DawesRedmanResult
{
    /// <summary>Gets a value indicating whether every criterion was met at some analysis step.</summary>
    public bool CriteriaMet { get; init; }

    /// <summary>Gets the length, in minutes, of the analysis reported: the step at which the criteria were first met, otherwise the last step (at most 60 min, or the whole record when shorter than 10 min).</summary>
    public double AnalysedMinutes { get; init; }

    /// <summary>Gets each criterion's status at <see cref="AnalysedMinutes"/>.</summary>
    public IReadOnlyList<DawesRedmanCriterionResult> Criteria { get; init; } = [];

    /// <summary>Gets the criteria that were not met at <see cref="AnalysedMinutes"/> (empty when <see cref="CriteriaMet"/>).</summary>
    public IReadOnlyList<DawesRedmanCriterion> FailedCriteria { get; init; } = [];

    /// <summary>Gets STV, LTV and the variation episodes of the analysed time.</summary>
    public required ShortTermVariationResult Variation { get; init; }

    /// <summary>Gets the basal heart rate of the analysed time, in bpm (the median of the finite baseline values; NaN when none).</summary>
    public double BasalHeartRateBpm { get; init; }

    /// <summary>Gets the number of accelerations that start within the analysed time.</summary>
    public int Accelerations { get; init; }

    /// <summary>Gets the largest deceleration within the analysed time, in lost beats (the area between baseline and FHR: Σ (baseline − FHR) / 60 per second).</summary>
    public double LargestDecelerationLostBeats { get; init; }

    /// <summary>Gets the signal loss of the analysed time, in percent.</summary>
    public double SignalLossPercent { get; init; }
}
