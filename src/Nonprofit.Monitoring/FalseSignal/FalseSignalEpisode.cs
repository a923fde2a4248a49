namespace Nonprofit.Monitoring;

/// <summary>A stretch of a recording that <see cref="FalseSignalDetector"/> judges to be false signal (usually the maternal heart rate recorded as fetal).</summary>
/// <param name="Start">The index of the first sample.</param>
/// <param name="Length">The number of samples, from the first to the last sample at or above the threshold.</param>
/// <param name="MeanProbability">The mean false-signal probability over the episode's samples at or above the threshold.</param>
public readonly record struct FalseSignalEpisode(int Start, int Length, float MeanProbability);
