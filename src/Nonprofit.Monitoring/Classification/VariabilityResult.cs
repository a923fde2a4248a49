using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// The variability of a fetal heart rate record, minute by minute and as a whole, from <see cref="VariabilityAnalyzer"/>.
/// Durations are in minutes; an "episode" is a run of consecutive minutes in one class, where minutes that could not be
/// measured neither break nor lengthen the run.
/// </summary>
public sealed class VariabilityResult
{
    private readonly float[] _bandwidth;
    private readonly float[] _decelerationBandwidth;
    private readonly bool[] _sinusoidal;

    internal VariabilityResult(float[] bandwidth, float[] decelerationBandwidth, bool[] sinusoidal)
    {
        _bandwidth = bandwidth;
        _decelerationBandwidth = decelerationBandwidth;
        _sinusoidal = sinusoidal;
    }

    /// <summary>Gets the peak-to-trough bandwidth, in bpm, of each minute's reliable baseline-segment samples around the baseline; NaN where the minute could not be measured.</summary>
    public ReadOnlyMemory<float> MinuteBandwidthBpm => _bandwidth;

    /// <summary>Gets the peak-to-trough bandwidth, in bpm, of each minute's reliable deceleration samples around their local trend; NaN where the minute has too little deceleration.</summary>
    public ReadOnlyMemory<float> MinuteDecelerationBandwidthBpm => _decelerationBandwidth;

    /// <summary>Gets, for each minute, whether the signal around it looks sinusoidal.</summary>
    public ReadOnlyMemory<bool> MinuteIsSinusoidal => _sinusoidal;

    /// <summary>Gets the class of the whole record (the most severe one whose duration was reached: sinusoidal, reduced, increased; otherwise normal).</summary>
    public VariabilityClass Class { get; init; }

    /// <summary>Gets the median of the measured minute bandwidths, in bpm (NaN when none was measured): the record's typical variability, which is "normal" at 5-25 bpm.</summary>
    public double MedianBandwidthBpm { get; init; }

    /// <summary>Gets the number of measured minutes with a bandwidth from 5 to 25 bpm.</summary>
    public double NormalMinutes { get; init; }

    /// <summary>Gets the number of measured minutes with a bandwidth below 5 bpm.</summary>
    public double ReducedMinutes { get; init; }

    /// <summary>Gets the number of measured minutes with a bandwidth above 25 bpm.</summary>
    public double IncreasedMinutes { get; init; }

    /// <summary>Gets the number of minutes that could not be measured (too little reliable baseline signal).</summary>
    public double UnmeasuredMinutes { get; init; }

    /// <summary>Gets the number of minutes that look sinusoidal.</summary>
    public double SinusoidalMinutes { get; init; }

    /// <summary>Gets the longest episode of reduced variability in baseline segments, in minutes.</summary>
    public double LongestReducedEpisodeMinutes { get; init; }

    /// <summary>Gets the longest episode of increased variability, in minutes.</summary>
    public double LongestIncreasedEpisodeMinutes { get; init; }

    /// <summary>Gets the longest sinusoidal episode, in minutes.</summary>
    public double LongestSinusoidalEpisodeMinutes { get; init; }

    /// <summary>Gets the total time, in minutes, of deceleration samples in minutes whose deceleration bandwidth is below 5 bpm.</summary>
    public double ReducedDuringDecelerationsMinutes { get; init; }
}
