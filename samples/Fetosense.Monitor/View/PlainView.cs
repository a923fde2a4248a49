using System.Globalization;
using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Session;

namespace Fetosense.Monitor.View;

/// <summary>The view for pipes and logs: one line per event, nothing else (no colours, no redraws).</summary>
/// <param name="output">Where the lines go.</param>
internal sealed class PlainView(TextWriter output) : IMonitorView
{
    /// <inheritdoc/>
    public void Update(LiveStatus status)
    {
    }

    /// <inheritdoc/>
    public void Show(Alert alert, double elapsedSeconds) => output.WriteLine(Format(alert, elapsedSeconds));

    /// <summary>The line for an alert: <c>mm:ss KIND PHASE [category] action: message</c>.</summary>
    public static string Format(Alert alert, double elapsedSeconds)
    {
        var e = alert.Event;
        var category = e.Category is { } c ? " " + c.ToString().ToLowerInvariant() : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Clock(elapsedSeconds)} {e.Kind} {e.Phase}{category} [{alert.ActionText}] {alert.Message}");
    }

    /// <summary>Elapsed time as m:ss.</summary>
    public static string Clock(double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 60):00}:{(int)(seconds % 60):00}");
}
