using System.Globalization;
using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Device;
using Fetosense.Monitor.Scenarios;
using Fetosense.Monitor.Session;
using Fetosense.Monitor.View;
using Nonprofit.Monitoring;

namespace Fetosense.Monitor;

/// <summary><c>--demo</c>: the five scenarios at full speed, one summary line each.</summary>
internal static class Demo
{
    /// <summary>The outcome of one scenario.</summary>
    public sealed record Outcome(Scenario Scenario, SessionResult Result)
    {
        /// <summary>Whether the category and every expected alert came out.</summary>
        public bool AsExpected => Result.Assessment.Figo.Category == Scenario.ExpectedCategory
            && Scenario.ExpectedAlerts.All(Result.StartedKinds.Contains);
    }

    /// <summary>Runs one scenario through the whole chain (simulated audio → FHR → monitor → assessment).</summary>
    public static Task<SessionResult> RunAsync(Scenario scenario, string language, TimeProvider timeProvider, IMonitorView view, double speed, CancellationToken cancellationToken)
    {
        var samples = DopplerToCtg.Convert(SimulatedDevice.Frames(scenario), SimulatedDevice.AudioRateHz);
        return new MonitorSession(language, speed, timeProvider).RunAsync(samples, view, cancellationToken);
    }

    /// <summary>Runs every scenario and writes a line for each.</summary>
    public static async Task<IReadOnlyList<Outcome>> RunAllAsync(string language, TimeProvider timeProvider, TextWriter output, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>();
        foreach (var kind in Enum.GetValues<ScenarioKind>())
        {
            var scenario = ScenarioLibrary.Create(kind);
            var result = await RunAsync(scenario, language, timeProvider, NullView.Instance, 0, cancellationToken).ConfigureAwait(false);
            var outcome = new Outcome(scenario, result);
            outcomes.Add(outcome);
            await output.WriteLineAsync(Line(outcome, language)).ConfigureAwait(false);
        }

        return outcomes;
    }

    /// <summary>The summary line of a scenario.</summary>
    public static string Line(Outcome outcome, string language)
    {
        var r = outcome.Result;
        var alerts = string.Join(",", r.Alerts.Where(a => a.Event.Phase != CtgMonitorEventPhase.Ended)
            .Select(a => a.Event.Kind == CtgMonitorEventKind.CategoryChange ? $"{a.Event.Kind}:{a.Event.Category}" : $"{a.Event.Kind}:{a.Event.Phase}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Scenario.Name,-22} figo={AlertCatalog.CategoryText(r.Assessment.Figo.Category, language),-13} expected={AlertCatalog.CategoryText(outcome.Scenario.ExpectedCategory, language),-13} " +
            $"action={AlertCatalog.ActionText(r.WorstAction, language)} {(outcome.AsExpected ? "ok" : "UNEXPECTED")} baseline={r.Assessment.Analysis.BaselineBpm:0.0} alerts=[{alerts}] " +
            $"reasons=[{string.Join(" | ", r.Assessment.Figo.Reasons.Select(x => x.Code))}]");
    }
}
