using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Alerts;

/// <summary>A monitor event as the health worker sees it.</summary>
/// <param name="Event">The monitor's event.</param>
/// <param name="Action">The recommended action.</param>
/// <param name="Message">The message in the chosen language (no patient data).</param>
/// <param name="ActionText">The action in the chosen language.</param>
internal sealed record Alert(CtgMonitorEvent Event, RecommendedAction Action, string Message, string ActionText)
{
    /// <summary>Seconds from the start of the recording to the sample that raised the event.</summary>
    public double ElapsedSeconds(double sampleRateHz) => Event.SampleIndex / sampleRateHz;
}
