namespace Nonprofit.Monitoring;

/// <summary>
/// Internal knobs of <see cref="CtgAnalyzer"/> that have no clinical definition (smoothing lengths, robust weights,
/// event boundaries), tuned on the FHRMA training recordings only (docs/monitoring.md, "CTG analysis"). Internal so
/// the evaluation harness can sweep them without making them public API.
/// </summary>
internal sealed record CtgAnalyzerTuning
{
    /// <summary>Centred moving mean applied to the FHR before events are searched, in seconds.</summary>
    public double EventSmoothingSeconds { get; init; } = 1;

    /// <summary>Centred moving mean applied to the FHR before the baseline is estimated, in seconds.</summary>
    public double BaselineSmoothingSeconds { get; init; } = 5;

    /// <summary>An event extends while the FHR stays more than this beyond the baseline (bpm); 0 = until it crosses it.</summary>
    public double EventBoundaryBpm { get; init; }

    /// <summary>Dips back across the event boundary shorter than this (seconds) do not end an event.</summary>
    public double EventMergeGapSeconds { get; init; } = 1;

    /// <summary>The minimum duration is measured where the FHR is beyond this fraction of the amplitude threshold (0 = whole event).</summary>
    public double DurationLevelFraction { get; init; }

    /// <summary>Weight of interpolated samples in the baseline.</summary>
    public double InterpolatedWeight { get; init; } = 0.2;

    /// <summary>Weight of samples inside a detected event in the robust baseline.</summary>
    public double EventWeight { get; init; } = 0.3;

    /// <summary>Figo method: the bands (bpm above and below the previous estimate) of the successive exclusion passes.</summary>
    public double[] FigoBands { get; init; } = [20, 15, 10, 7, 5, 4, 3];

    /// <summary>Figo method: the upper band is the lower band times this (accelerations are rarer than decelerations in labour).</summary>
    public double FigoUpperBandFactor { get; init; } = 1;

    /// <summary>Robust method: the scales (bpm) of the Cauchy closeness weight in the successive passes.</summary>
    public double[] RobustScales { get; init; } = [15, 10, 7, 5];

    /// <summary>Robust method: the median's grid step in seconds.</summary>
    public double RobustStepSeconds { get; init; } = 5;

    /// <summary>Robust method: samples below the estimate count as this many times further (decelerations weigh less than accelerations).</summary>
    public double RobustBelowFactor { get; init; } = 1;

    /// <summary>Window, in seconds, of the local standard deviation behind the "least oscillatory" weight.</summary>
    public double OscillationWindowSeconds { get; init; } = 60;

    /// <summary>Standard deviation (bpm) at which a segment's "least oscillatory" weight halves; 0 turns the weight off.</summary>
    public double OscillationScaleBpm { get; init; } = 8;

    /// <summary>Final smoothing of the robust baseline (centred moving mean), in seconds.</summary>
    public double RobustFinalSmoothingSeconds { get; init; } = 60;

    /// <summary>Uterine activity smoothing (centred moving mean), in seconds.</summary>
    public double UaSmoothingSeconds { get; init; } = 8;

    /// <summary>Window, in seconds, of the running low quantile that estimates the resting tone.</summary>
    public double ToneWindowSeconds { get; init; } = 300;

    /// <summary>Quantile of the uterine activity taken as the resting tone.</summary>
    public double ToneQuantile { get; init; } = 0.15;

    /// <summary>A contraction's boundaries: where the activity falls back below this fraction of its peak above the tone.</summary>
    public double ContractionBoundaryFraction { get; init; } = 0.2;

    /// <summary>A deceleration relates to a contraction whose peak lies within this many seconds of the deceleration's interval.</summary>
    public double ContractionSearchSeconds { get; init; } = 60;

    /// <summary>Robust method: the quantile taken (0.5 = weighted median).</summary>
    public double RobustQuantile { get; init; } = 0.5;

    /// <summary>Robust method: the baseline window is this many times <see cref="CtgAnalyzerOptions.BaselineWindowMinutes"/>.</summary>
    public double RobustWindowFactor { get; init; } = 1;

    /// <summary>Figo method: the baseline window is this many times <see cref="CtgAnalyzerOptions.BaselineWindowMinutes"/>.</summary>
    public double FigoWindowFactor { get; init; } = 1;

    /// <summary>Robust method: share (0-1) of the Figo estimate averaged into the final baseline (0 = pure weighted median).</summary>
    public double RobustFigoBlend { get; init; } = 0.4;

    /// <summary>Default tuning.</summary>
    public static CtgAnalyzerTuning Default { get; } = new();
}
