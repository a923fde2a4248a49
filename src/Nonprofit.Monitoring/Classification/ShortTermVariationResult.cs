using System;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>Short- and long-term variation of a record, Dawes-Redman style, from <see cref="ShortTermVariationAnalyzer"/>.</summary>
public sealed class ShortTermVariationResult
{
    private readonly float[] _epochs;
    private readonly float[] _minuteStv;
    private readonly float[] _minuteRangeMs;
    private readonly float[] _minuteRangeBpm;

    internal ShortTermVariationResult(float[] epochs, float[] minuteStv, float[] minuteRangeMs, float[] minuteRangeBpm)
    {
        _epochs = epochs;
        _minuteStv = minuteStv;
        _minuteRangeMs = minuteRangeMs;
        _minuteRangeBpm = minuteRangeBpm;
    }

    /// <summary>Gets the mean pulse interval of each epoch, in ms (the mean of 60000 / bpm over its reliable samples); NaN where the epoch has too little signal or is in a deceleration.</summary>
    public ReadOnlyMemory<float> EpochPulseIntervalMs => _epochs;

    /// <summary>Gets each minute's mean absolute difference between successive epoch pulse intervals, in ms; NaN where not analysed.</summary>
    public ReadOnlyMemory<float> MinuteStvMs => _minuteStv;

    /// <summary>Gets each minute's range (max − min) of epoch pulse intervals, in ms; NaN where not analysed.</summary>
    public ReadOnlyMemory<float> MinuteRangeMs => _minuteRangeMs;

    /// <summary>Gets each minute's range (max − min) of epoch heart rates (60000 / epoch pulse interval), in bpm; NaN where not analysed.</summary>
    public ReadOnlyMemory<float> MinuteRangeBpm => _minuteRangeBpm;

    /// <summary>Gets the short-term variation, in ms: the mean of <see cref="MinuteStvMs"/> over the analysed minutes (NaN when none).</summary>
    public double ShortTermVariationMs { get; init; }

    /// <summary>Gets the long-term variation, in ms: the mean of <see cref="MinuteRangeMs"/> over the analysed minutes (NaN when none).</summary>
    public double LongTermVariationMs { get; init; }

    /// <summary>Gets the long-term variation, in bpm: the mean of <see cref="MinuteRangeBpm"/> over the analysed minutes (NaN when none). The CLI reports it as <c>ltv_bpm</c>.</summary>
    public double LongTermVariationBpm { get; init; }

    /// <summary>Gets the number of whole minutes in the record.</summary>
    public int Minutes { get; init; }

    /// <summary>Gets the number of minutes with enough valid epochs to be analysed.</summary>
    public int AnalysedMinutes { get; init; }

    /// <summary>Gets the episodes of high variation (at least 5 of 6 consecutive minutes with a range of 32 ms or more, by default).</summary>
    public IReadOnlyList<VariationEpisode> HighVariationEpisodes { get; init; } = [];

    /// <summary>Gets the episodes of low variation (at least 5 of 6 consecutive minutes with a range below 30 ms, by default).</summary>
    public IReadOnlyList<VariationEpisode> LowVariationEpisodes { get; init; } = [];

    /// <summary>Gets the total duration of the high-variation episodes, in minutes.</summary>
    public int HighVariationMinutes { get; init; }

    /// <summary>Gets the total duration of the low-variation episodes, in minutes.</summary>
    public int LowVariationMinutes { get; init; }
}
