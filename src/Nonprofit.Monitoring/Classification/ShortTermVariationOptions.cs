namespace Nonprofit.Monitoring;

/// <summary>
/// Options of <see cref="ShortTermVariationAnalyzer"/>. The epoch length, minute structure and the high/low variation
/// thresholds are those of the Dawes-Redman analysis (Dawes, Moulden, Redman, "System 8000: computerized antenatal FHR
/// analysis", J Perinat Med 19:47-51, 1991; Dawes, Moulden, Redman, "Short-term fetal heart rate variation, decelerations,
/// and umbilical flow velocity waveforms before labor", Obstet Gynecol 80:673-678, 1992; Pardey, Moulden, Redman, "A
/// computer system for the numerical analysis of nonstress tests", Am J Obstet Gynecol 186:1095-1103, 2002); the
/// validity fractions are this package's choices.
/// </summary>
public sealed class ShortTermVariationOptions
{
    /// <summary>Gets or sets the epoch length in seconds.</summary>
    /// <value>The default is 3.75 s (1/16 min), Dawes et al.: 15 samples at 4 Hz.</value>
    public double EpochSeconds { get; set; } = 3.75;

    /// <summary>Gets or sets the share (0-1) of an epoch's samples that must be reliable for the epoch to have a pulse interval.</summary>
    /// <value>The default is 0.5 (this package's choice).</value>
    public double MinimumReliableEpochFraction { get; set; } = 0.5;

    /// <summary>Gets or sets how many of a minute's 16 epochs must have a pulse interval for the minute to be analysed.</summary>
    /// <value>The default is 8 (this package's choice: half the minute).</value>
    public int MinimumEpochsPerMinute { get; set; } = 8;

    /// <summary>Gets or sets the minute range, in ms, at or above which a minute has high variation.</summary>
    /// <value>The default is 32 ms (Dawes et al.; Pardey et al. 2002).</value>
    public double HighVariationMs { get; set; } = 32;

    /// <summary>Gets or sets the minute range, in ms, below which a minute has low variation.</summary>
    /// <value>The default is 30 ms (Dawes et al.; Pardey et al. 2002).</value>
    public double LowVariationMs { get; set; } = 30;

    /// <summary>Gets or sets the window, in minutes, in which <see cref="EpisodeMinimumMinutes"/> minutes must qualify to make an episode.</summary>
    /// <value>The default is 6 (an episode is at least 5 of 6 consecutive minutes: Dawes et al.).</value>
    public int EpisodeWindowMinutes { get; set; } = 6;

    /// <summary>Gets or sets how many minutes of an <see cref="EpisodeWindowMinutes"/> window must qualify to make an episode.</summary>
    /// <value>The default is 5.</value>
    public int EpisodeMinimumMinutes { get; set; } = 5;

    /// <summary>Returns the first problem with these options, or <see langword="null"/> when they are valid.</summary>
    /// <returns>A message naming the option, or <see langword="null"/>.</returns>
    public string? Validate() =>
        !double.IsFinite(EpochSeconds) || EpochSeconds <= 0 ? "EpochSeconds must be positive and finite."
        : !double.IsFinite(MinimumReliableEpochFraction) || MinimumReliableEpochFraction <= 0 || MinimumReliableEpochFraction > 1 ? "MinimumReliableEpochFraction must be in (0, 1]."
        : MinimumEpochsPerMinute is < 2 or > 16 ? "MinimumEpochsPerMinute must be from 2 to 16."
        : !double.IsFinite(HighVariationMs) || HighVariationMs <= 0 ? "HighVariationMs must be positive and finite."
        : !double.IsFinite(LowVariationMs) || LowVariationMs <= 0 || LowVariationMs > HighVariationMs ? "LowVariationMs must be positive, finite and at most HighVariationMs."
        : EpisodeWindowMinutes < 1 ? "EpisodeWindowMinutes must be at least 1."
        : EpisodeMinimumMinutes < 1 || EpisodeMinimumMinutes > EpisodeWindowMinutes ? "EpisodeMinimumMinutes must be from 1 to EpisodeWindowMinutes."
        : null;

    internal ShortTermVariationOptions Clone() => (ShortTermVariationOptions)MemberwiseClone();
}
