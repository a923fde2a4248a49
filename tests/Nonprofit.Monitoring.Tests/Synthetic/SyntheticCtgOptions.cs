namespace Nonprofit.Monitoring.Tests.Synthetic;

/// <summary>
/// What <see cref="SyntheticCtgGenerator"/> draws. Event shapes follow the FIGO 2015 intrapartum CTG definitions
/// (accelerations &gt; 15 bpm for &gt; 15 s; early decelerations shallow and coincident with the contraction; late ones
/// gradual with the nadir after the contraction's peak; variable ones abrupt, under 30 s onset to nadir; prolonged ones
/// over 3 min).
/// </summary>
internal sealed record SyntheticCtgOptions
{
    public int Seed { get; init; }

    public double DurationMinutes { get; init; } = 30;

    public double SampleRateHz { get; init; } = CtgRecording.StandardSampleRateHz;

    public double BaselineBpm { get; init; } = 140;

    /// <summary>Peak deviation of the slow baseline wander.</summary>
    public double BaselineWanderBpm { get; init; } = 4;

    /// <summary>Variability amplitude (peak to trough within a minute); the AR(1) noise has a quarter of it as SD.</summary>
    public double VariabilityBpm { get; init; } = 10;

    public double ContractionIntervalMinutes { get; init; } = 3;

    /// <summary>Chance that a contraction brings a deceleration (early, late or variable, equally likely).</summary>
    public double DecelerationProbability { get; init; } = 0.5;

    public double AccelerationsPerHour { get; init; } = 6;

    public double ProlongedDecelerationsPerHour { get; init; }

    /// <summary>SD of white measurement noise added before 0.25 bpm quantisation.</summary>
    public double NoiseBpm { get; init; } = 0.5;

    /// <summary>Target fraction of samples lost, in segments of 2 to 30 s.</summary>
    public double SignalLossFraction { get; init; } = 0.05;

    /// <summary>Episodes per hour, 5 to 20 s each, where the monitor reports half the heart rate.</summary>
    public double HalvingEpisodesPerHour { get; init; }
}
