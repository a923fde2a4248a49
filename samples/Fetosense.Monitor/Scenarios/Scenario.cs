using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Scenarios;

/// <summary>
/// A scripted recording for the simulator: the heart rate the probe hears, the uterine activity, the mother's pulse
/// (4 Hz each), when the probe is off, and what a clinician would expect from it.
/// </summary>
/// <param name="Kind">The scenario.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="ProbeHeartRateBpm">The rate of the pulsations under the probe (the fetal heart, or the mother's artery when the probe slipped onto it).</param>
/// <param name="UterineActivity">TOCO, 0-100.</param>
/// <param name="MaternalHeartRateBpm">The mother's pulse (fingertip sensor).</param>
/// <param name="ProbeOff">Intervals (seconds) when the probe is off the abdomen.</param>
/// <param name="ExpectedCategory">The FIGO category a clinician expects from the whole trace.</param>
/// <param name="ExpectedAlerts">The monitor events that must start during the scenario.</param>
internal sealed record Scenario(
    ScenarioKind Kind,
    double DurationSeconds,
    float[] ProbeHeartRateBpm,
    float[] UterineActivity,
    float[] MaternalHeartRateBpm,
    IReadOnlyList<(double Start, double End)> ProbeOff,
    FigoCategory ExpectedCategory,
    IReadOnlyList<CtgMonitorEventKind> ExpectedAlerts)
{
    /// <summary>The command-line name of a scenario (kebab case).</summary>
    public static string NameOf(ScenarioKind kind) => kind switch
    {
        ScenarioKind.Reassuring => "reassuring",
        ScenarioKind.LateDecelerations => "late-decelerations",
        ScenarioKind.ProlongedBradycardia => "prolonged-bradycardia",
        ScenarioKind.MaternalPulse => "maternal-pulse",
        _ => "probe-slipping",
    };

    /// <summary>Parses a command-line scenario name.</summary>
    public static ScenarioKind? Parse(string name) =>
        Enum.GetValues<ScenarioKind>().Cast<ScenarioKind?>().FirstOrDefault(k => NameOf(k!.Value) == name);

    /// <summary>The command-line name of this scenario.</summary>
    public string Name => NameOf(Kind);
}
