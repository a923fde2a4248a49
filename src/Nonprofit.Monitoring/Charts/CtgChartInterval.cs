namespace Nonprofit.Monitoring;

/// <summary>A marked stretch of the chart: what it is, when, and an optional short label (e.g. "late").</summary>
/// <param name="Kind">What the interval marks.</param>
/// <param name="Time">When, in seconds from the start of the recording.</param>
/// <param name="Label">A short label drawn at the top of the mark, or <see langword="null"/>; must not contain patient data.</param>
public sealed record CtgChartInterval(CtgChartIntervalKind Kind, CtgTimeRange Time, string? Label = null);
