namespace Nonprofit.Monitoring;

/// <summary>
/// Limits of <see cref="DawesRedmanAnalyzer"/>. Defaults follow the published description of the Dawes-Redman criteria
/// (Pardey, Moulden, Redman, Am J Obstet Gynecol 186:1095-1103, 2002; Dawes, Moulden, Redman 1991, 1992) where it gives a
/// number; where it does not (signal loss, sinusoidal duration), the value is this package's choice, said on the property.
/// </summary>
public sealed class DawesRedmanOptions
{
    /// <summary>Gets or sets the shortest analysis, in minutes.</summary>
    /// <value>The default is 10 min (Pardey 2002).</value>
    public int MinimumMinutes { get; set; } = 10;

    /// <summary>Gets or sets the longest analysis, in minutes.</summary>
    /// <value>The default is 60 min (Pardey 2002).</value>
    public int MaximumMinutes { get; set; } = 60;

    /// <summary>Gets or sets the step, in minutes, between analyses from <see cref="MinimumMinutes"/> to <see cref="MaximumMinutes"/>.</summary>
    /// <value>The default is 2 min (Pardey 2002).</value>
    public int StepMinutes { get; set; } = 2;

    /// <summary>Gets or sets the lowest normal basal heart rate, in bpm.</summary>
    /// <value>The default is 116 bpm.</value>
    public double BasalMinimumBpm { get; set; } = 116;

    /// <summary>Gets or sets the highest normal basal heart rate, in bpm.</summary>
    /// <value>The default is 160 bpm.</value>
    public double BasalMaximumBpm { get; set; } = 160;

    /// <summary>Gets or sets the lowest short-term variation, in ms, that meets the criterion on its own.</summary>
    /// <value>The default is 3 ms.</value>
    public double MinimumStvMs { get; set; } = 3;

    /// <summary>Gets or sets the lowest short-term variation, in ms, that meets the criterion when the record also has an acceleration and a high-variation episode; equal to <see cref="MinimumStvMs"/> to switch the borderline rule off.</summary>
    /// <value>The default is 3 ms: off. Some descriptions of later Sonicaid versions accept 2.5-3 ms with further conditions; set 2.5 to use this package's version of that rule.</value>
    public double BorderlineStvMs { get; set; } = 3;

    /// <summary>Gets or sets the record length, in minutes, up to which a deceleration of more than <see cref="ShortRecordMaximumLostBeats"/> fails.</summary>
    /// <value>The default is 30 min.</value>
    public double ShortRecordMinutes { get; set; } = 30;

    /// <summary>Gets or sets the largest deceleration, in lost beats, allowed in a record of up to <see cref="ShortRecordMinutes"/>.</summary>
    /// <value>The default is 20 lost beats.</value>
    public double ShortRecordMaximumLostBeats { get; set; } = 20;

    /// <summary>Gets or sets the largest deceleration, in lost beats, allowed in a longer record.</summary>
    /// <value>The default is 100 lost beats.</value>
    public double MaximumLostBeats { get; set; } = 100;

    /// <summary>Gets or sets the largest signal loss, in percent of the analysed time.</summary>
    /// <value>The default is 30% (this package's choice).</value>
    public double MaximumSignalLossPercent { get; set; } = 30;

    /// <summary>Gets or sets the fetal movement rate per hour that stands in for an acceleration.</summary>
    /// <value>The default is 20 per hour.</value>
    public double MinimumFetalMovementsPerHour { get; set; } = 20;

    /// <summary>Gets or sets the sinusoidal episode, in minutes, at which the rhythm counts as sinusoidal.</summary>
    /// <value>The default is 10 min (this package's choice; detected as <see cref="VariabilityAnalyzer"/> does).</value>
    public double SinusoidalMinutes { get; set; } = 10;

    /// <summary>Returns the first problem with these options, or <see langword="null"/> when they are valid.</summary>
    /// <returns>A message naming the option, or <see langword="null"/>.</returns>
    public string? Validate()
    {
        static bool Positive(double x) => double.IsFinite(x) && x > 0;
        return MinimumMinutes < 1 ? "MinimumMinutes must be at least 1."
            : MaximumMinutes < MinimumMinutes ? "MaximumMinutes must be at least MinimumMinutes."
            : StepMinutes < 1 ? "StepMinutes must be at least 1."
            : !Positive(BasalMinimumBpm) ? "BasalMinimumBpm must be positive and finite."
            : !double.IsFinite(BasalMaximumBpm) || BasalMaximumBpm < BasalMinimumBpm ? "BasalMaximumBpm must be finite and at least BasalMinimumBpm."
            : !Positive(MinimumStvMs) ? "MinimumStvMs must be positive and finite."
            : !Positive(BorderlineStvMs) || BorderlineStvMs > MinimumStvMs ? "BorderlineStvMs must be positive and at most MinimumStvMs."
            : !Positive(ShortRecordMinutes) ? "ShortRecordMinutes must be positive and finite."
            : !Positive(ShortRecordMaximumLostBeats) ? "ShortRecordMaximumLostBeats must be positive and finite."
            : !double.IsFinite(MaximumLostBeats) || MaximumLostBeats < ShortRecordMaximumLostBeats ? "MaximumLostBeats must be finite and at least ShortRecordMaximumLostBeats."
            : !double.IsFinite(MaximumSignalLossPercent) || MaximumSignalLossPercent is < 0 or > 100 ? "MaximumSignalLossPercent must be from 0 to 100."
            : !double.IsFinite(MinimumFetalMovementsPerHour) || MinimumFetalMovementsPerHour < 0 ? "MinimumFetalMovementsPerHour must be finite and not negative."
            : !Positive(SinusoidalMinutes) ? "SinusoidalMinutes must be positive and finite."
            : null;
    }

    internal DawesRedmanOptions Clone() => (DawesRedmanOptions)MemberwiseClone();
}
