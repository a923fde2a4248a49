using Fetosense.Monitor.Alerts;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Session;

/// <summary>A finished monitoring session: the recording, every alert, and the whole-trace assessment.</summary>
/// <param name="Recording">The 4 Hz recording the phone built.</param>
/// <param name="Alerts">Every alert, in order.</param>
/// <param name="Assessment">The offline assessment of the whole recording (the report's figures).</param>
internal sealed record SessionResult(CtgRecording Recording, IReadOnlyList<Alert> Alerts, CtgAssessment Assessment)
{
    /// <summary>The kinds of the events that started (or changed category) during the session.</summary>
    public IReadOnlyList<CtgMonitorEventKind> StartedKinds =>
        Alerts.Where(a => a.Event.Phase is CtgMonitorEventPhase.Started or CtgMonitorEventPhase.Changed).Select(a => a.Event.Kind).Distinct().ToList();

    /// <summary>The most urgent action recommended during the session.</summary>
    public RecommendedAction WorstAction => Alerts.Count == 0 ? RecommendedAction.Continue : Alerts.Max(a => a.Action);
}
