using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Session;

namespace Fetosense.Monitor.View;

/// <summary>Shows nothing (the demo prints a summary per scenario instead).</summary>
internal sealed class NullView : IMonitorView
{
    /// <summary>The instance.</summary>
    public static readonly NullView Instance = new();

    /// <inheritdoc/>
    public void Update(LiveStatus status)
    {
    }

    /// <inheritdoc/>
    public void Show(Alert alert, double elapsedSeconds)
    {
    }
}
