namespace Nonprofit.Monitoring;

/// <summary>The criteria that <see cref="DawesRedmanAnalyzer"/> checks (Dawes-Redman style; see its remarks for the sources).</summary>
public enum DawesRedmanCriterion
{
    /// <summary>At least 10 min analysed.</summary>
    RecordLength,

    /// <summary>Signal loss at most 30% of the analysed time.</summary>
    SignalLoss,

    /// <summary>Basal heart rate from 116 to 160 bpm.</summary>
    BasalHeartRate,

    /// <summary>At least one episode of high variation.</summary>
    HighVariationEpisode,

    /// <summary>Short-term variation at least 3 ms.</summary>
    ShortTermVariation,

    /// <summary>No deceleration above 20 lost beats in a record of up to 30 min, none above 100 lost beats in a longer one.</summary>
    Decelerations,

    /// <summary>At least one acceleration, or (when movements were recorded) at least 20 fetal movements per hour.</summary>
    AccelerationOrMovements,

    /// <summary>No sinusoidal rhythm.</summary>
    NoSinusoidalRhythm,
}
