using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Scenarios;
using Fetosense.Monitor.View;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Tests;

/// <summary>Each scenario, through the whole chain (audio → Doppler FHR → monitor → assessment), gives the clinically expected result.</summary>
public sealed class ScenarioTests
{
    [Theory]
    [InlineData("reassuring", FigoCategory.Normal, "Continue")]
    [InlineData("late-decelerations", FigoCategory.Pathological, "ReferUrgently")]
    [InlineData("prolonged-bradycardia", FigoCategory.Pathological, "ReferUrgently")]
    [InlineData("maternal-pulse", FigoCategory.Suspicious, "RepositionProbe")]
    [InlineData("probe-slipping", FigoCategory.Normal, "RepositionProbe")]
    public async Task Scenario_GivesExpectedCategoryAlertsAndAction(string name, FigoCategory category, string actionName)
    {
        var scenario = ScenarioLibrary.Create(Scenario.Parse(name)!.Value);
        var action = Enum.Parse<RecommendedAction>(actionName);
        var result = await Demo.RunAsync(scenario, "en", new FakeTimeProvider(), NullView.Instance, 0, CancellationToken.None);

        Assert.Equal(category, scenario.ExpectedCategory);
        Assert.Equal(category, result.Assessment.Figo.Category);
        Assert.Equal(action, result.WorstAction);
        foreach (var expected in scenario.ExpectedAlerts)
        {
            Assert.Contains(expected, result.StartedKinds);
        }

        // The recording is the whole scenario at 4 Hz.
        Assert.Equal((int)(scenario.DurationSeconds * 4), result.Recording.Length);
    }

    [Fact]
    public async Task Reassuring_RaisesNoWarning()
    {
        var result = await Demo.RunAsync(ScenarioLibrary.Create(ScenarioKind.Reassuring), "en", new FakeTimeProvider(), NullView.Instance, 0, CancellationToken.None);
        Assert.All(result.Alerts, a => Assert.Equal(CtgMonitorEventKind.CategoryChange, a.Event.Kind));
        Assert.All(result.Alerts, a => Assert.Equal(FigoCategory.Normal, a.Event.Category));
    }

    [Fact]
    public async Task ProlongedBradycardia_StartsThenEscalates()
    {
        var result = await Demo.RunAsync(ScenarioLibrary.Create(ScenarioKind.ProlongedBradycardia), "en", new FakeTimeProvider(), NullView.Instance, 0, CancellationToken.None);
        var prolonged = result.Alerts.Where(a => a.Event.Kind == CtgMonitorEventKind.ProlongedDeceleration).Select(a => a.Event.Phase).ToList();
        Assert.Equal(CtgMonitorEventPhase.Started, prolonged[0]);
        Assert.Contains(CtgMonitorEventPhase.Escalated, prolonged);

        // Raised between 3 and 4 minutes after the fall began at 12:00.
        var started = result.Alerts.First(a => a.Event.Kind == CtgMonitorEventKind.ProlongedDeceleration).Event.SampleIndex / 4.0;
        Assert.InRange(started, 720 + 180, 720 + 240);
    }

    [Fact]
    public async Task SevenMinuteBradycardia_IsPathologicalOffline()
    {
        var scenario = ScenarioLibrary.ProlongedBradycardia(1, lowSeconds: 420);
        var result = await Demo.RunAsync(scenario, "en", new FakeTimeProvider(), NullView.Instance, 0, CancellationToken.None);
        Assert.Contains(CtgMonitorEventPhase.Escalated, result.Alerts.Where(a => a.Event.Kind == CtgMonitorEventKind.ProlongedDeceleration).Select(a => a.Event.Phase));
        Assert.Equal(FigoCategory.Pathological, result.Assessment.Figo.Category);
    }

    [Fact]
    public void Scenarios_AreSeeded()
    {
        var a = ScenarioLibrary.Create(ScenarioKind.LateDecelerations);
        var b = ScenarioLibrary.Create(ScenarioKind.LateDecelerations);
        Assert.Equal(a.ProbeHeartRateBpm, b.ProbeHeartRateBpm);
        Assert.Equal(a.UterineActivity, b.UterineActivity);
        Assert.NotEqual(a.ProbeHeartRateBpm, ScenarioLibrary.Create(ScenarioKind.LateDecelerations, seed: 2).ProbeHeartRateBpm);
    }
}
