namespace Nonprofit.Monitoring;

/// <summary>A point event on the chart (e.g. an alert): a vertical line across both panels and its text.</summary>
/// <param name="Seconds">When, in seconds from the start of the recording.</param>
/// <param name="Text">The text drawn beside the line; must not contain patient data.</param>
public sealed record CtgChartEvent(double Seconds, string Text);
