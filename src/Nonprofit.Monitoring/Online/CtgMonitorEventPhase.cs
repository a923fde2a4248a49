namespace Nonprofit.Monitoring;

/// <summary>Where in its life a condition is when a <see cref="CtgMonitorEvent"/> reports it.</summary>
public enum CtgMonitorEventPhase
{
    /// <summary>The condition began (its start time is when it began, which can be before the event was raised).</summary>
    Started,

    /// <summary>The condition became more severe (a prolonged deceleration past 5 minutes).</summary>
    Escalated,

    /// <summary>The condition ended; the event's end time is set.</summary>
    Ended,

    /// <summary>A point event with no duration (a category change).</summary>
    Changed,
}
