namespace Nonprofit.Monitoring;

/// <summary>What a <see cref="CtgChartInterval"/> marks; each kind has its own colour.</summary>
public enum CtgChartIntervalKind
{
    /// <summary>An acceleration (FHR panel).</summary>
    Acceleration,

    /// <summary>A deceleration (FHR panel; the label can give its type).</summary>
    Deceleration,

    /// <summary>A uterine contraction (TOCO panel).</summary>
    Contraction,

    /// <summary>A false-signal period, e.g. the maternal heart rate recorded as fetal (FHR panel).</summary>
    FalseSignal,

    /// <summary>Signal loss (FHR panel).</summary>
    SignalLoss,
}
