using Fetosense.Monitor.Alerts;

namespace Fetosense.Monitor.Session;

/// <summary>Where a monitoring session shows what happens.</summary>
internal interface IMonitorView
{
    /// <summary>After each sample (a view may refresh less often).</summary>
    void Update(LiveStatus status);

    /// <summary>When the monitor raises an event.</summary>
    void Show(Alert alert, double elapsedSeconds);
}
