namespace Nonprofit.Monitoring;

/// <summary>What a <see cref="CtgMonitorEvent"/> is about.</summary>
public enum CtgMonitorEventKind
{
    /// <summary>
    /// The fetal heart rate is lost: too many lost samples in the sliding window
    /// (<see cref="CtgMonitorOptions.SignalLossWindowSeconds"/>), or no samples arrived for
    /// <see cref="CtgMonitorOptions.WatchdogTimeout"/>.
    /// </summary>
    SignalLoss,

    /// <summary>Baseline above 160 bpm for at least 10 minutes (FIGO 2015, Ayres-de-Campos et al., Int J Gynecol Obstet 131:13-24).</summary>
    Tachycardia,

    /// <summary>Baseline below 110 bpm for at least 10 minutes (FIGO 2015).</summary>
    Bradycardia,

    /// <summary>
    /// A deceleration (at least 15 bpm below the baseline, or under 100 bpm) lasting more than 3 minutes (FIGO 2015);
    /// escalated (<see cref="CtgMonitorEventPhase.Escalated"/>) when it lasts more than 5 minutes.
    /// </summary>
    ProlongedDeceleration,

    /// <summary>
    /// The FIGO 2015 category (normal, suspicious, pathological) of the sliding analysis window changed; the first category
    /// of a recording is reported too (with no previous category). Every <see cref="CtgMonitorOptions.EvaluationIntervalSeconds"/>
    /// of samples, <see cref="CtgAssessor"/> re-runs on the last <see cref="CtgMonitorOptions.CategoryWindowMinutes"/>
    /// (from <see cref="CtgMonitorOptions.MinimumCategoryMinutes"/> on).
    /// </summary>
    CategoryChange,

    /// <summary>
    /// The fetal heart rate is probably the maternal heart rate (a false signal): at each evaluation,
    /// <see cref="FalseSignalDetector"/> runs over the sliding window and the share of the newest interval's measured samples
    /// with a probability of at least 0.5 is compared with <see cref="CtgMonitorOptions.FalseSignalStartPercent"/> and
    /// <see cref="CtgMonitorOptions.FalseSignalEndPercent"/>.
    /// </summary>
    SuspectedFalseSignal,
}
