using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Scenarios;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_AllOptions()
    {
        var o = CommandLine.Parse(["--scenario", "maternal-pulse", "--speed", "30", "--lang", "fr", "--sync-url", "http://clinic.example/visits", "--data", "d", "--follow-up"]);
        Assert.Equal(ScenarioKind.MaternalPulse, o.Scenario);
        Assert.Equal(30, o.Speed);
        Assert.Equal("fr", o.Language);
        Assert.Equal("http://clinic.example/visits", o.SyncUrl!.ToString());
        Assert.Equal("d", o.DataDirectory);
        Assert.True(o.FollowUp);
    }

    [Theory]
    [InlineData("--scenario", "twins")]
    [InlineData("--speed", "-1")]
    [InlineData("--lang", "de")]
    [InlineData("--sync-url", "ftp://x")]
    [InlineData("--bogus", "1")]
    [InlineData("--sync", "--plain")]
    public void Parse_BadArguments_Throw(string option, string value) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse([option, value]));

    [Fact]
    public async Task BadArguments_ExitTwoWithUsage()
    {
        var error = new StringWriter();
        Assert.Equal(2, await App.RunAsync(["--speed"], new StringWriter(), error, TimeProvider.System, null, CancellationToken.None));
        Assert.Contains("Fetosense.Monitor --demo", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEvent_HasAnActionAndDistinctEnglishAndFrenchMessages()
    {
        foreach (var kind in Enum.GetValues<CtgMonitorEventKind>())
        {
            foreach (var phase in Enum.GetValues<CtgMonitorEventPhase>())
            {
                var e = new CtgMonitorEvent { Kind = kind, Phase = phase, SampleIndex = 0, StartIndex = 0, StartTime = default, RaisedAt = default, Reason = "", Category = FigoCategory.Suspicious };
                var en = AlertCatalog.For(e, "en");
                var fr = AlertCatalog.For(e, "fr");
                Assert.Equal(en.Action, fr.Action);
                Assert.NotEqual(en.Message, fr.Message);
                Assert.NotEqual(en.ActionText, fr.ActionText);
            }
        }
    }

    [Theory]
    [InlineData(CtgMonitorEventKind.SignalLoss, CtgMonitorEventPhase.Started, "RepositionProbe")]
    [InlineData(CtgMonitorEventKind.SuspectedFalseSignal, CtgMonitorEventPhase.Started, "RepositionProbe")]
    [InlineData(CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Started, "ReferUrgently")]
    [InlineData(CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Escalated, "ReferUrgently")]
    [InlineData(CtgMonitorEventKind.Bradycardia, CtgMonitorEventPhase.Started, "ReferUrgently")]
    [InlineData(CtgMonitorEventKind.SignalLoss, CtgMonitorEventPhase.Ended, "Continue")]
    public void Alert_Action(CtgMonitorEventKind kind, CtgMonitorEventPhase phase, string action)
    {
        var e = new CtgMonitorEvent { Kind = kind, Phase = phase, SampleIndex = 0, StartIndex = 0, StartTime = default, RaisedAt = default, Reason = "" };
        Assert.Equal(Enum.Parse<RecommendedAction>(action), AlertCatalog.For(e, "en").Action);
    }

    [Theory]
    [InlineData(FigoCategory.Normal, "Continue")]
    [InlineData(FigoCategory.Suspicious, "Continue")]
    [InlineData(FigoCategory.Pathological, "ReferUrgently")]
    public void CategoryChange_Action(FigoCategory category, string action)
    {
        var e = new CtgMonitorEvent { Kind = CtgMonitorEventKind.CategoryChange, Phase = CtgMonitorEventPhase.Changed, SampleIndex = 0, StartIndex = 0, StartTime = default, RaisedAt = default, Reason = "", Category = category };
        Assert.Equal(Enum.Parse<RecommendedAction>(action), AlertCatalog.For(e, "en").Action);
    }

    [Theory]
    [InlineData(CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Started)]
    [InlineData(CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Escalated)]
    [InlineData(CtgMonitorEventKind.Bradycardia, CtgMonitorEventPhase.Started)]
    public void LowRate_WhileFalseSignalSuspected_CheckMaternalPulseFirst(CtgMonitorEventKind kind, CtgMonitorEventPhase phase)
    {
        var e = new CtgMonitorEvent { Kind = kind, Phase = phase, SampleIndex = 0, StartIndex = 0, StartTime = default, RaisedAt = default, Reason = "" };
        var alert = AlertCatalog.For(e, "en", falseSignalSuspected: true);
        Assert.Equal(RecommendedAction.RepositionProbe, alert.Action);
        Assert.Contains("mother's pulse", alert.Message, StringComparison.Ordinal);
        Assert.Contains("refer urgently", alert.Message, StringComparison.Ordinal);
        Assert.Equal(RecommendedAction.ReferUrgently, AlertCatalog.For(e, "en", falseSignalSuspected: false).Action);
    }
}
