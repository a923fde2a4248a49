using System;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>
/// The CTG features the FIGO 2015 classification needs (<see cref="FigoClassifier"/>). Only CTG features: nothing about
/// the patient. Unknown numbers are NaN; <see cref="WithVariability"/> copies the variability fields from a
/// <see cref="VariabilityResult"/>.
/// </summary>
public sealed record FigoFeatures
{
    /// <summary>Gets the baseline in bpm (FIGO: the mean level over 10-min periods, excluding accelerations and decelerations); NaN when unknown.</summary>
    public double BaselineBpm { get; init; } = double.NaN;

    /// <summary>Gets the typical variability bandwidth in bpm (e.g. <see cref="VariabilityResult.MedianBandwidthBpm"/>); NaN when unknown.</summary>
    public double VariabilityBandwidthBpm { get; init; } = double.NaN;

    /// <summary>Gets the longest episode of reduced variability (bandwidth &lt; 5 bpm) in baseline segments, in minutes.</summary>
    public double ReducedVariabilityMinutes { get; init; }

    /// <summary>Gets the time with reduced variability during decelerations, in minutes.</summary>
    public double ReducedVariabilityDuringDecelerationsMinutes { get; init; }

    /// <summary>Gets the longest episode of increased variability (bandwidth &gt; 25 bpm), in minutes.</summary>
    public double IncreasedVariabilityMinutes { get; init; }

    /// <summary>Gets the longest sinusoidal episode, in minutes.</summary>
    public double SinusoidalMinutes { get; init; }

    /// <summary>Gets the decelerations with their types.</summary>
    public IReadOnlyList<FigoDeceleration> Decelerations { get; init; } = [];

    /// <summary>Gets the uterine contractions; a deceleration is associated with a contraction it overlaps, or that ended at most 60 s before it starts.</summary>
    public IReadOnlyList<CtgTimeRange> Contractions { get; init; } = [];

    /// <summary>Gets the percentage (0-100) of the record without a valid signal.</summary>
    public double SignalLossPercent { get; init; }

    /// <summary>Gets a value indicating whether tachysystole (more than 5 contractions in 10 min, averaged over 30 min) was found.</summary>
    public bool Tachysystole { get; init; }

    /// <summary>Gets the duration of the record in minutes; NaN when unknown.</summary>
    public double RecordMinutes { get; init; } = double.NaN;

    /// <summary>
    /// Gets the time, in minutes, the baseline spends in bradycardia episodes (below 110 bpm for 10 minutes or more, FIGO
    /// 2015; <see cref="CtgAnalysis.BradycardiaSeconds"/>). A recording's mean baseline can stay normal around such an
    /// episode, so the classifier judges it on its own.
    /// </summary>
    public double BradycardiaMinutes { get; init; }

    /// <summary>Gets the time, in minutes, the baseline spends in tachycardia episodes (above 160 bpm for 10 minutes or more; <see cref="CtgAnalysis.TachycardiaSeconds"/>).</summary>
    public double TachycardiaMinutes { get; init; }

    /// <summary>Returns a copy with the variability fields taken from <paramref name="variability"/>.</summary>
    /// <param name="variability">The variability measured by <see cref="VariabilityAnalyzer"/>.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="variability"/> is <see langword="null"/>.</exception>
    public FigoFeatures WithVariability(VariabilityResult variability)
    {
        ArgumentNullException.ThrowIfNull(variability);
        return this with
        {
            VariabilityBandwidthBpm = variability.MedianBandwidthBpm,
            ReducedVariabilityMinutes = variability.LongestReducedEpisodeMinutes,
            ReducedVariabilityDuringDecelerationsMinutes = variability.ReducedDuringDecelerationsMinutes,
            IncreasedVariabilityMinutes = variability.LongestIncreasedEpisodeMinutes,
            SinusoidalMinutes = variability.LongestSinusoidalEpisodeMinutes,
        };
    }
}
