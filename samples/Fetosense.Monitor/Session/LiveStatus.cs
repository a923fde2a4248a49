using Nonprofit.Monitoring;

namespace Fetosense.Monitor.Session;

/// <summary>What the live view shows after a sample.</summary>
/// <param name="ElapsedSeconds">Time since the start of the recording.</param>
/// <param name="FetalHeartRate">The newest fetal heart rate (NaN when lost).</param>
/// <param name="BaselineBpm">The monitor's online baseline (NaN before 10 minutes of signal).</param>
/// <param name="VariabilityBpm">Max − min of the valid heart rate over the last minute (NaN with less than half a minute of signal).</param>
/// <param name="SignalPercent">The share of the last minute with a heart rate.</param>
/// <param name="UterineActivity">The newest TOCO value (NaN without TOCO).</param>
/// <param name="Contraction">Whether the uterus is contracting (TOCO ≥ 15 above its resting tone).</param>
/// <param name="Category">The latest FIGO category from the monitor, if any yet.</param>
internal sealed record LiveStatus(
    double ElapsedSeconds,
    float FetalHeartRate,
    double BaselineBpm,
    double VariabilityBpm,
    double SignalPercent,
    float UterineActivity,
    bool Contraction,
    FigoCategory? Category);
