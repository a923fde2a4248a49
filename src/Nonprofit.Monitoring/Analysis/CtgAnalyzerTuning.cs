namespace Nonprofit.Monitoring;

/// <summary>
/// Internal knobs of <see cref="CtgAnalyzer"/> that have no clinical definition (smoothing lengths, robust weights,
/// event boundaries), tuned on the FHRMA training recordings only (docs/monitoring.md, "CTG analysis"). Internal so
/// the evaluation harness can sweep them without making them public API.
/// </summary>
internal sealed record CtgAnalyzerTuning
{
    /// <summary>Centred moving mean applied to the FHR before events are searched, in seconds (2 samples at 4 Hz: the 15 bpm amplitude is judged on nearly the recorded FHR, as the reference methods do).</summary>
    public double EventSmoothingSeconds { get; init; } = 0.5;

    /// <summary>Centred moving mean applied to the FHR before the baseline is estimated, in seconds.</summary>
    public double BaselineSmoothingSeconds { get; init; } = 5;

    /// <summary>An event extends while the FHR stays more than this beyond the baseline (bpm); 0 = until it crosses it.</summary>
    public double EventBoundaryBpm { get; init; }

    /// <summary>Dips back across the event boundary shorter than this (seconds) do not end an event, in the events the robust baseline passes weigh down.</summary>
    public double EventMergeGapSeconds { get; init; } = 2.5;

    /// <summary>
    /// Dips back across the baseline shorter than this (seconds) do not end a reported acceleration: one acceleration
    /// whose FHR touches the baseline for a few beats is one event, not two (FIGO 2015 defines an acceleration by its
    /// rise and duration, not by its shape). Chosen on the FHRMA training files (docs/monitoring.md).
    /// </summary>
    public double AccelerationMergeGapSeconds { get; init; } = 4.5;

    /// <summary>
    /// Dips back across the baseline shorter than this (seconds) do not end a reported deceleration. Longer bridges
    /// join successive decelerations into one prolonged one (without <see cref="MergeResumeFraction"/>, synthetic type
    /// accuracy fell from 0.72 at 4 s to 0.60 at 6 s). Chosen on the FHRMA training files (docs/monitoring.md).
    /// </summary>
    public double DecelerationMergeGapSeconds { get; init; } = 4;


    /// <summary>
    /// After a return to the baseline, the event goes on only if, within the merge gap from its last counted sample, the
    /// FHR is again beyond the baseline by this fraction of the amplitude threshold (a third: 5 bpm for 15 bpm, the
    /// half-width of FIGO 2015's minimal normal variability band); shallower wobbles are bridged but do not extend it.
    /// Without it (0) an event ran on as long as the FHR wobbled around the baseline (a flat trace with ±2 bpm noise gave
    /// one 37-minute deceleration). Acceleration F against FHRMA's A on the training files is 0.711-0.715 for 0.2-0.5.
    /// </summary>
    public double MergeResumeFraction { get; init; } = 0.33;

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
    public double RobustBelowFactor { get; init; } = 1.2;

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

    /// <summary>How far (bpm) the baseline estimate must be below its 10-min closing to count as part of a dip (<c>ShortDrops</c>).</summary>
    public double DropEdgeBpm { get; init; } = 0.5;

    /// <summary>The depth, as a fraction of the deceleration amplitude, a dip of the estimate below its closing must reach to be judged (<c>ShortDrops</c>).</summary>
    public double DropDepthFraction { get; init; } = 0.5;

    /// <summary>The share of a drop's stretch (first to last sample an amplitude below the bridging level) that must be that low for <c>ShortDrops</c> to judge it.</summary>
    public double DropHeldFraction { get; init; } = 0.9;

    /// <summary>Whether <c>ShortDrops</c> runs (evaluation: the figures without it).</summary>
    public bool ShortDrops { get; init; } = true;

    /// <summary>Robust method: share (0-1) of the histogram-mode estimate (<c>ModeBaseline</c>) averaged into the final baseline (0.2: chosen on the training files, docs/monitoring.md).</summary>
    public double ModeBlend { get; init; } = 0.2;

    /// <summary>Histogram-mode estimate: the grid step of its 10-min windows, in seconds (linear between grid points).</summary>
    public double ModeStepSeconds { get; init; } = 60;

    /// <summary>Default tuning.</summary>
    public static CtgAnalyzerTuning Default { get; } = new();
}
