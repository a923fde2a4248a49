namespace Nonprofit.Monitoring;

/// <summary>
/// Thresholds of <see cref="VariabilityAnalyzer"/>. The bandwidth and duration defaults are the FIGO 2015 consensus
/// definitions (Ayres-de-Campos, Spong, Chandraharan, "FIGO consensus guidelines on intrapartum fetal monitoring:
/// Cardiotocography", Int J Gynecol Obstet 131:13-24, 2015); the minimum-signal and spectral defaults are this package's
/// choices, documented on each property.
/// </summary>
public sealed class VariabilityOptions
{
    /// <summary>Gets or sets the bandwidth, in bpm, below which a minute's variability is reduced.</summary>
    /// <value>The default is 5 bpm (FIGO 2015).</value>
    public double ReducedBelowBpm { get; set; } = 5;

    /// <summary>Gets or sets the bandwidth, in bpm, above which a minute's variability is increased.</summary>
    /// <value>The default is 25 bpm (FIGO 2015).</value>
    public double IncreasedAboveBpm { get; set; } = 25;

    /// <summary>Gets or sets how long, in minutes, reduced variability must last in baseline segments to classify the record as reduced (strictly more than this).</summary>
    /// <value>The default is 50 min (FIGO 2015).</value>
    public double ReducedBaselineMinutes { get; set; } = 50;

    /// <summary>Gets or sets how long, in minutes, reduced variability must last during decelerations to classify the record as reduced (strictly more than this).</summary>
    /// <value>The default is 3 min (FIGO 2015).</value>
    public double ReducedDuringDecelerationsMinutes { get; set; } = 3;

    /// <summary>Gets or sets how long, in minutes, increased variability must last to classify the record as increased (strictly more than this).</summary>
    /// <value>The default is 30 min (FIGO 2015).</value>
    public double IncreasedMinutes { get; set; } = 30;

    /// <summary>Gets or sets how long, in minutes, a sinusoidal pattern must last to classify the record as sinusoidal (strictly more than this).</summary>
    /// <value>The default is 30 min (FIGO 2015).</value>
    public double SinusoidalMinutes { get; set; } = 30;

    /// <summary>Gets or sets the smallest sinusoidal peak-to-trough amplitude, in bpm.</summary>
    /// <value>The default is 5 bpm (FIGO 2015).</value>
    public double SinusoidalMinimumAmplitudeBpm { get; set; } = 5;

    /// <summary>Gets or sets the largest sinusoidal peak-to-trough amplitude, in bpm.</summary>
    /// <value>The default is 15 bpm (FIGO 2015).</value>
    public double SinusoidalMaximumAmplitudeBpm { get; set; } = 15;

    /// <summary>Gets or sets the lowest sinusoidal frequency, in cycles per minute.</summary>
    /// <value>The default is 3 cycles/min (FIGO 2015).</value>
    public double SinusoidalMinimumCyclesPerMinute { get; set; } = 3;

    /// <summary>Gets or sets the highest sinusoidal frequency, in cycles per minute.</summary>
    /// <value>The default is 5 cycles/min (FIGO 2015).</value>
    public double SinusoidalMaximumCyclesPerMinute { get; set; } = 5;

    /// <summary>Gets or sets the share (0-1) of the spectral power above 1 cycle/min that must lie in the sinusoidal band for a minute to look sinusoidal.</summary>
    /// <value>The default is 0.7 (this package's choice: a pure sine with noise of a third of its amplitude passes, normal variability does not).</value>
    public double SinusoidalMinimumSpectralConcentration { get; set; } = 0.7;

    /// <summary>Gets or sets the smallest normalised autocorrelation at the dominant period for a minute to look sinusoidal (the "regular" of FIGO's definition).</summary>
    /// <value>The default is 0.5 (this package's choice).</value>
    public double SinusoidalMinimumAutocorrelation { get; set; } = 0.5;

    /// <summary>Gets or sets the share (0-1) of a minute's samples that must be reliable baseline samples for its bandwidth to be measured.</summary>
    /// <value>The default is 0.5 (this package's choice: at least 30 s of a minute).</value>
    public double MinimumValidFraction { get; set; } = 0.5;

    /// <summary>Gets or sets the shortest stretch, in seconds, of reliable deceleration samples in a minute for the bandwidth during the deceleration to be measured.</summary>
    /// <value>The default is 15 s (this package's choice; FIGO's shortest deceleration lasts 15 s).</value>
    public double MinimumDecelerationSeconds { get; set; } = 15;

    /// <summary>Gets or sets the length, in seconds, of the centred window of the local quadratic fit that stands for the baseline during decelerations (the bandwidth there is measured around it).</summary>
    /// <value>The default is 30 s (this package's choice: the fit follows a deceleration's slope and curve, while oscillations faster than about 3 cycles/min stay in the residual).</value>
    public double DecelerationTrendSeconds { get; set; } = 30;

    /// <summary>Returns the first problem with these options, or <see langword="null"/> when they are valid.</summary>
    /// <returns>A message naming the option, or <see langword="null"/>.</returns>
    public string? Validate()
    {
        static bool Positive(double x) => double.IsFinite(x) && x > 0;
        static bool Fraction(double x) => double.IsFinite(x) && x > 0 && x <= 1;
        return !Positive(ReducedBelowBpm) ? "ReducedBelowBpm must be positive and finite."
            : !Positive(IncreasedAboveBpm) || IncreasedAboveBpm <= ReducedBelowBpm ? "IncreasedAboveBpm must be finite and above ReducedBelowBpm."
            : !Positive(ReducedBaselineMinutes) ? "ReducedBaselineMinutes must be positive and finite."
            : !Positive(ReducedDuringDecelerationsMinutes) ? "ReducedDuringDecelerationsMinutes must be positive and finite."
            : !Positive(IncreasedMinutes) ? "IncreasedMinutes must be positive and finite."
            : !Positive(SinusoidalMinutes) ? "SinusoidalMinutes must be positive and finite."
            : !Positive(SinusoidalMinimumAmplitudeBpm) ? "SinusoidalMinimumAmplitudeBpm must be positive and finite."
            : !double.IsFinite(SinusoidalMaximumAmplitudeBpm) || SinusoidalMaximumAmplitudeBpm < SinusoidalMinimumAmplitudeBpm ? "SinusoidalMaximumAmplitudeBpm must be finite and at least SinusoidalMinimumAmplitudeBpm."
            : !Positive(SinusoidalMinimumCyclesPerMinute) || SinusoidalMinimumCyclesPerMinute <= 1 ? "SinusoidalMinimumCyclesPerMinute must be finite and above 1."
            : !double.IsFinite(SinusoidalMaximumCyclesPerMinute) || SinusoidalMaximumCyclesPerMinute < SinusoidalMinimumCyclesPerMinute ? "SinusoidalMaximumCyclesPerMinute must be finite and at least SinusoidalMinimumCyclesPerMinute."
            : !Fraction(SinusoidalMinimumSpectralConcentration) ? "SinusoidalMinimumSpectralConcentration must be in (0, 1]."
            : !Fraction(SinusoidalMinimumAutocorrelation) ? "SinusoidalMinimumAutocorrelation must be in (0, 1]."
            : !Fraction(MinimumValidFraction) ? "MinimumValidFraction must be in (0, 1]."
            : !Positive(MinimumDecelerationSeconds) ? "MinimumDecelerationSeconds must be positive and finite."
            : !Positive(DecelerationTrendSeconds) ? "DecelerationTrendSeconds must be positive and finite."
            : null;
    }

    internal VariabilityOptions Clone() => (VariabilityOptions)MemberwiseClone();
}
