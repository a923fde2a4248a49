namespace Nonprofit.Monitoring;

/// <summary>
/// Options of <see cref="CtgPreprocessor"/>. The defaults reproduce the preprocessing of the FHRMA toolbox
/// (<c>preprocess.m</c>, Boudet et al., "Fetal heart rate signal dataset for training morphological analysis methods and
/// evaluating them against an expert consensus", 2019, doi:10.20944/preprints201907.0039.v1), the reference the FHRMA data
/// set's published results were computed with, plus a halving/doubling correction that the toolbox does not have.
/// </summary>
public sealed class CtgPreprocessorOptions
{
    /// <summary>Gets or sets the lowest plausible fetal heart rate, in bpm; lower values are removed.</summary>
    /// <value>The default is 50 bpm: FHRMA <c>preprocess.m</c>. 50 bpm is also the bottom of the CTG paper scale (50-210 bpm) that the FIGO 2015 consensus guidelines on intrapartum fetal monitoring recommend.</value>
    public double MinimumBpm { get; set; } = 50;

    /// <summary>Gets or sets the highest plausible fetal heart rate, in bpm; higher values are removed.</summary>
    /// <value>The default is 220 bpm: FHRMA <c>preprocess.m</c>. The FIGO 2015 paper scale stops at 210 bpm; set 210 to match it (fetal tachyarrhythmias above 210 bpm exist, which is why the default keeps them).</value>
    public double MaximumBpm { get; set; } = 220;

    /// <summary>Gets or sets the shortest run of consecutive valid samples that is kept, in seconds.</summary>
    /// <value>The default is 5 s: FHRMA <c>preprocess.m</c> (shorter runs between losses are mostly Doppler artefacts).</value>
    public double MinimumRunSeconds { get; set; } = 5;

    /// <summary>Gets or sets the longest run, in seconds, that is removed when it jumps by more than <see cref="JumpBpm"/> on both sides.</summary>
    /// <value>The default is 30 s: FHRMA <c>preprocess.m</c>.</value>
    public double JumpRunMaximumSeconds { get; set; } = 30;

    /// <summary>Gets or sets the jump, in bpm, between a short run and the signal on each side of it that marks the run as an artefact.</summary>
    /// <value>The default is 25 bpm: FHRMA <c>preprocess.m</c>.</value>
    public double JumpBpm { get; set; } = 25;

    /// <summary>Gets or sets a value indicating whether halved and doubled values (the monitor counting every other beat, or each beat twice) are corrected.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    /// <remarks>
    /// A value is corrected only when it jumps by more than <see cref="JumpBpm"/> from the previous valid sample (within
    /// <see cref="HalvingDoublingLookbackSeconds"/>) and twice, or half, the value lies within
    /// <see cref="HalvingDoublingToleranceBpm"/> of it. A true deceleration never moves that far between two samples at
    /// 4 Hz (FIGO 2015 calls a drop "abrupt" when it takes under 30 s to the nadir), so decelerations are not "corrected".
    /// There is no published consensus for these two thresholds; they are this package's choice and tested on synthetic data.
    /// </remarks>
    public bool CorrectHalvingDoubling { get; set; } = true;

    /// <summary>Gets or sets how close, in bpm, twice (or half) a value must be to the previous valid sample to count as halving (doubling).</summary>
    /// <value>The default is 12 bpm (this package's choice; see <see cref="CorrectHalvingDoubling"/>).</value>
    public double HalvingDoublingToleranceBpm { get; set; } = 12;

    /// <summary>Gets or sets how far back, in seconds, the previous valid sample may be for a halving/doubling correction.</summary>
    /// <value>The default is 5 s (this package's choice; see <see cref="CorrectHalvingDoubling"/>).</value>
    public double HalvingDoublingLookbackSeconds { get; set; } = 5;

    /// <summary>Gets or sets the longest gap, in seconds, that is interpolated; longer gaps stay <see cref="float.NaN"/>.</summary>
    /// <value>The default is <see cref="double.PositiveInfinity"/>: every gap is filled, as FHRMA <c>preprocess.m</c> does (the flags keep them visible).</value>
    public double MaximumInterpolationGapSeconds { get; set; } = double.PositiveInfinity;

    /// <summary>Gets or sets a value indicating whether a second fetal heart rate channel is merged in (per sample, the higher valid value).</summary>
    /// <value>The default is <see langword="true"/>: FHRMA <c>preprocess.m</c> takes max(FHR1, FHR2), which also picks the scalp channel of files that record it in FHR2.</value>
    public bool CombineChannels { get; set; } = true;

    /// <summary>Returns the first problem with these options, naming the property, or <see langword="null"/> when they are valid.</summary>
    internal string? Validate()
    {
        if (!IsPositive(MinimumBpm) || !double.IsFinite(MaximumBpm) || MaximumBpm <= MinimumBpm)
        {
            return $"{nameof(MinimumBpm)} must be positive and {nameof(MaximumBpm)} finite and above it.";
        }

        if (!double.IsFinite(MinimumRunSeconds) || MinimumRunSeconds < 0)
        {
            return $"{nameof(MinimumRunSeconds)} must be zero or a positive finite number of seconds.";
        }

        if (!double.IsFinite(JumpRunMaximumSeconds) || JumpRunMaximumSeconds < 0)
        {
            return $"{nameof(JumpRunMaximumSeconds)} must be zero or a positive finite number of seconds.";
        }

        if (!IsPositive(JumpBpm))
        {
            return $"{nameof(JumpBpm)} must be a positive finite number of bpm.";
        }

        if (!IsPositive(HalvingDoublingToleranceBpm) || HalvingDoublingToleranceBpm >= JumpBpm)
        {
            return $"{nameof(HalvingDoublingToleranceBpm)} must be positive and below {nameof(JumpBpm)}.";
        }

        if (!IsPositive(HalvingDoublingLookbackSeconds))
        {
            return $"{nameof(HalvingDoublingLookbackSeconds)} must be a positive finite number of seconds.";
        }

        return double.IsNaN(MaximumInterpolationGapSeconds) || MaximumInterpolationGapSeconds < 0
            ? $"{nameof(MaximumInterpolationGapSeconds)} must be zero, positive or infinite."
            : null;
    }

    internal CtgPreprocessorOptions Clone() => (CtgPreprocessorOptions)MemberwiseClone();

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;
}
