using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// An alert from a <see cref="CtgMonitor"/>: what happened, when (sample index and time), and a short reason that names
/// the rule that fired, never a measured value or anything about the patient.
/// </summary>
/// <remarks>
/// Times are on the recording's timeline: <see cref="CtgMonitor.RecordingStart"/> plus the sample index divided by the
/// sample rate. <see cref="RaisedAt"/> is the monitor's <see cref="TimeProvider"/> clock when the event was raised.
/// </remarks>
public sealed record CtgMonitorEvent
{
    /// <summary>Gets what the event is about.</summary>
    public required CtgMonitorEventKind Kind { get; init; }

    /// <summary>Gets whether the condition started, escalated, ended, or (for a category change) changed.</summary>
    public required CtgMonitorEventPhase Phase { get; init; }

    /// <summary>Gets the index of the sample whose arrival raised the event (for a watchdog event, the index the next sample would have).</summary>
    public required long SampleIndex { get; init; }

    /// <summary>Gets the index of the first sample of the condition.</summary>
    public required long StartIndex { get; init; }

    /// <summary>Gets the index one past the last sample of the condition, on <see cref="CtgMonitorEventPhase.Ended"/> events; otherwise <see langword="null"/>.</summary>
    public long? EndIndex { get; init; }

    /// <summary>Gets when the condition began (<see cref="StartIndex"/> on the recording's timeline).</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets when the condition ended (<see cref="EndIndex"/> on the recording's timeline), on <see cref="CtgMonitorEventPhase.Ended"/> events; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Gets the monitor's clock when the event was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>Gets a short, value-free explanation (the rule and its configured thresholds; for a category change, the names of the FIGO reasons), in English.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the new FIGO 2015 category, on <see cref="CtgMonitorEventKind.CategoryChange"/> events; otherwise <see langword="null"/>.</summary>
    public FigoCategory? Category { get; init; }

    /// <summary>Gets the previous FIGO 2015 category on <see cref="CtgMonitorEventKind.CategoryChange"/> events (<see langword="null"/> for the first category of the recording).</summary>
    public FigoCategory? PreviousCategory { get; init; }
}
