namespace Nonprofit.Monitoring;

/// <summary>Options of <see cref="FalseSignalDetector"/>.</summary>
/// <remarks>
/// None of these options changes the features or the fitted model: the model's constants are fixed in the source (see
/// <see cref="FalseSignalDetector"/>). They choose the inputs and how probabilities become episodes.
/// </remarks>
public sealed class FalseSignalDetectorOptions
{
    /// <summary>Gets or sets a value indicating whether the maternal heart rate channel is used when the recording has one.</summary>
    /// <value>The default is <see langword="true"/>. When <see langword="false"/>, the detector judges the fetal heart rate alone, as for a recording without a maternal channel.</value>
    public bool UseMaternalHeartRate { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the second fetal heart rate channel is merged in (per sample, the higher valid value), as <see cref="CtgPreprocessorOptions.CombineChannels"/> does.</summary>
    /// <value>The default is <see langword="true"/>: FHRMA scalp-ECG files record the fetal heart rate in the second channel.</value>
    public bool CombineChannels { get; set; } = true;

    /// <summary>Gets or sets the probability at or above which a sample counts as false signal in <see cref="FalseSignalDetector.FindEpisodes"/>.</summary>
    /// <value>The default is 0.5, the operating point of the FHRMA evaluation (Boudet et al., Biosensors 12(9):691, 2022).</value>
    public double Threshold { get; set; } = 0.5;

    /// <summary>Gets or sets the shortest episode, in seconds, that <see cref="FalseSignalDetector.FindEpisodes"/> reports.</summary>
    /// <value>The default is 10 s.</value>
    public double MinimumEpisodeSeconds { get; set; } = 10;

    /// <summary>Gets or sets the longest run of lost samples, in seconds, that does not end an episode in <see cref="FalseSignalDetector.FindEpisodes"/>.</summary>
    /// <value>The default is 5 s.</value>
    public double EpisodeGapSeconds { get; set; } = 5;

    /// <summary>Returns the first problem with these options, naming the property, or <see langword="null"/> when they are valid.</summary>
    internal string? Validate()
    {
        if (!double.IsFinite(Threshold) || Threshold <= 0 || Threshold > 1)
        {
            return $"{nameof(Threshold)} must be above 0 and at most 1.";
        }

        if (!double.IsFinite(MinimumEpisodeSeconds) || MinimumEpisodeSeconds < 0)
        {
            return $"{nameof(MinimumEpisodeSeconds)} must be zero or a positive finite number of seconds.";
        }

        return !double.IsFinite(EpisodeGapSeconds) || EpisodeGapSeconds < 0
            ? $"{nameof(EpisodeGapSeconds)} must be zero or a positive finite number of seconds."
            : null;
    }

    internal FalseSignalDetectorOptions Clone() => (FalseSignalDetectorOptions)MemberwiseClone();
}
