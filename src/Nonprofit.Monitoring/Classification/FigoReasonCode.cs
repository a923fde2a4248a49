namespace Nonprofit.Monitoring;

/// <summary>Why <see cref="FigoClassifier"/> gave its category; each code names one rule of the FIGO 2015 consensus (or an informational note).</summary>
public enum FigoReasonCode
{
    /// <summary>Pathological: baseline below 100 bpm.</summary>
    BaselineBelow100,

    /// <summary>Suspicious: baseline from 100 to below 110 bpm (bradycardia that is not pathological).</summary>
    BaselineLow,

    /// <summary>Suspicious: baseline above 160 bpm (tachycardia).</summary>
    BaselineHigh,

    /// <summary>Suspicious: no baseline could be determined, so normality cannot be shown.</summary>
    BaselineUnknown,

    /// <summary>Pathological: bandwidth below 5 bpm for more than 50 min in baseline segments.</summary>
    ReducedVariability,

    /// <summary>Pathological: bandwidth below 5 bpm for more than 3 min during decelerations.</summary>
    ReducedVariabilityDuringDecelerations,

    /// <summary>Pathological: bandwidth above 25 bpm for more than 30 min (saltatory pattern).</summary>
    IncreasedVariability,

    /// <summary>Pathological: sinusoidal pattern for more than 30 min.</summary>
    SinusoidalPattern,

    /// <summary>Suspicious: the typical bandwidth is outside 5-25 bpm (or unknown) without reaching a pathological duration.</summary>
    VariabilityNotNormal,

    /// <summary>Pathological: repetitive late or prolonged decelerations for more than 30 min (20 min with reduced variability).</summary>
    RepetitiveLateOrProlongedDecelerations,

    /// <summary>Pathological: one prolonged deceleration lasting more than 5 min.</summary>
    ProlongedDecelerationOver5Minutes,

    /// <summary>Suspicious: repetitive decelerations (with more than 50% of contractions) without a pathological pattern.</summary>
    RepetitiveDecelerations,

    /// <summary>Information: a large share of the signal is lost; the classification rests on less data.</summary>
    SignalLoss,

    /// <summary>Information: tachysystole (more than 5 contractions in 10 min, averaged over 30 min) was reported; FIGO treats it apart from the CTG category.</summary>
    Tachysystole,

    /// <summary>Information: the record is shorter than the durations some rules need (e.g. 50 min of reduced variability), so those rules could not fire.</summary>
    ShortRecord,

    /// <summary>
    /// Pathological: the baseline stayed below 110 bpm for 10 minutes or more (a bradycardia episode) although the
    /// recording's mean baseline is normal; a fall from a normal baseline lasting that long is also more than the 5-minute
    /// prolonged deceleration FIGO 2015 calls pathological.
    /// </summary>
    BradycardiaEpisode,

    /// <summary>Suspicious: the baseline stayed above 160 bpm for 10 minutes or more (a tachycardia episode) although the recording's mean baseline is normal.</summary>
    TachycardiaEpisode,
}
