using System.Globalization;
using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Session;
using Nonprofit.Monitoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Fetosense.Monitor.View;

/// <summary>
/// The terminal view (Spectre.Console): current FHR, baseline, variability, signal quality, contraction, elapsed time and
/// category, with the latest events colour-coded by the action they call for. Redraws at most four times a second.
/// </summary>
/// <param name="timeProvider">The clock of the redraw throttle.</param>
/// <param name="language">"en" or "fr".</param>
internal sealed class LiveView(TimeProvider timeProvider, string language) : IMonitorView
{
    private readonly List<(Alert Alert, double Seconds)> _events = [];
    private LiveDisplayContext? _context;
    private LiveStatus? _status;
    private long _lastDraw;

    /// <summary>Attaches the live display the view redraws.</summary>
    public void Attach(LiveDisplayContext context) => _context = context;

    /// <inheritdoc/>
    public void Update(LiveStatus status)
    {
        _status = status;
        if (timeProvider.GetElapsedTime(_lastDraw) >= TimeSpan.FromMilliseconds(250))
        {
            Redraw();
        }
    }

    /// <inheritdoc/>
    public void Show(Alert alert, double elapsedSeconds)
    {
        _events.Add((alert, elapsedSeconds));
        Redraw();
    }

    /// <summary>Draws the final state.</summary>
    public void Redraw()
    {
        _lastDraw = timeProvider.GetTimestamp();
        _context?.UpdateTarget(Build());
        _context?.Refresh();
    }

    /// <summary>The current screen.</summary>
    public IRenderable Build()
    {
        var fr = language == "fr";
        var s = _status;
        var grid = new Grid().AddColumn().AddColumn().AddColumn().AddColumn();
        var fhr = s is null || !float.IsFinite(s.FetalHeartRate) ? "[red]---[/]"
            : $"[{FhrColour(s.FetalHeartRate)} bold]{s.FetalHeartRate.ToString("0", CultureInfo.InvariantCulture)}[/] bpm";
        grid.AddRow(fr ? "RCF" : "FHR", fhr, fr ? "Temps" : "Elapsed", s is null ? "00:00" : PlainView.Clock(s.ElapsedSeconds));
        grid.AddRow(fr ? "Ligne de base" : "Baseline", Number(s?.BaselineBpm, "0", " bpm"), fr ? "Variabilité" : "Variability", Number(s?.VariabilityBpm, "0", " bpm"));
        grid.AddRow(fr ? "Signal" : "Signal", s is null ? "-" : $"[{(s.SignalPercent >= 80 ? "green" : s.SignalPercent >= 50 ? "yellow" : "red")}]{s.SignalPercent.ToString("0", CultureInfo.InvariantCulture)} %[/]",
            "TOCO", s is null || !float.IsFinite(s.UterineActivity) ? "-" : s.UterineActivity.ToString("0", CultureInfo.InvariantCulture) + (s.Contraction ? (fr ? " [blue]contraction[/]" : " [blue]contraction[/]") : ""));
        grid.AddRow("FIGO", s?.Category is { } c ? $"[{CategoryColour(c)}]{AlertCatalog.CategoryText(c, language)}[/]" : "-", "", "");
        var events = new Table().Border(TableBorder.Simple).AddColumn(fr ? "Temps" : "Time").AddColumn(fr ? "Événement" : "Event").AddColumn("Action").AddColumn("Message");
        foreach (var (alert, seconds) in _events.TakeLast(8))
        {
            var colour = alert.Action switch
            {
                RecommendedAction.ReferUrgently => "red",
                RecommendedAction.RepositionProbe => "yellow",
                _ => "green",
            };
            events.AddRow(
                new Markup(PlainView.Clock(seconds)),
                new Markup($"[{colour}]{Markup.Escape($"{alert.Event.Kind} {alert.Event.Phase}")}[/]"),
                new Markup($"[{colour} bold]{Markup.Escape(alert.ActionText)}[/]"),
                new Markup(Markup.Escape(alert.Message)));
        }

        return new Rows(new Panel(grid).Header("Fetosense.Monitor").Border(BoxBorder.Rounded), events);
    }

    private static string FhrColour(float bpm) => bpm is >= 110 and <= 160 ? "green" : bpm is >= 100 and <= 180 ? "yellow" : "red";

    private static string CategoryColour(FigoCategory category) => category switch
    {
        FigoCategory.Normal => "green",
        FigoCategory.Suspicious => "yellow",
        _ => "red",
    };

    private static string Number(double? value, string format, string unit) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "-";
}
