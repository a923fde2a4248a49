using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Session;
using Fetosense.Monitor.View;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Monitoring;
using Spectre.Console;

namespace Fetosense.Monitor.Tests;

public sealed class LiveViewTests
{
    private static string Render(LiveView view)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 160;
        console.Write(view.Build());
        return text.ToString();
    }

    [Fact]
    public void Build_ShowsEveryFigureAndTheEvents()
    {
        var view = new LiveView(new FakeTimeProvider(), "en");
        view.Update(new LiveStatus(754, 92, 141.2, 7.4, 88, 55, true, FigoCategory.Suspicious));
        var e = new CtgMonitorEvent { Kind = CtgMonitorEventKind.ProlongedDeceleration, Phase = CtgMonitorEventPhase.Started, SampleIndex = 2880, StartIndex = 2160, StartTime = default, RaisedAt = default, Reason = "" };
        view.Show(AlertCatalog.For(e, "en"), 720);

        var screen = Render(view);

        Assert.Contains("FHR", screen, StringComparison.Ordinal);
        Assert.Contains("92 bpm", screen, StringComparison.Ordinal);
        Assert.Contains("12:34", screen, StringComparison.Ordinal);
        Assert.Contains("141 bpm", screen, StringComparison.Ordinal);
        Assert.Contains("7 bpm", screen, StringComparison.Ordinal);
        Assert.Contains("88 %", screen, StringComparison.Ordinal);
        Assert.Contains("55 contraction", screen, StringComparison.Ordinal);
        Assert.Contains("suspicious", screen, StringComparison.Ordinal);
        Assert.Contains("12:00", screen, StringComparison.Ordinal);
        Assert.Contains("ProlongedDeceleration Started", screen, StringComparison.Ordinal);
        Assert.Contains("refer urgently", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LostSignal_ShowsDashes_French()
    {
        var view = new LiveView(new FakeTimeProvider(), "fr");
        view.Update(new LiveStatus(30, float.NaN, double.NaN, double.NaN, 10, float.NaN, false, null));
        var screen = Render(view);
        Assert.Contains("RCF", screen, StringComparison.Ordinal);
        Assert.Contains("---", screen, StringComparison.Ordinal);
        Assert.Contains("10 %", screen, StringComparison.Ordinal);
    }
}
