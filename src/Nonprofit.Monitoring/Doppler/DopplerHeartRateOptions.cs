namespace Nonprofit.Monitoring;

/// <summary>
/// Options of <see cref="DopplerHeartRateEstimator"/>. Window and hop follow the autocorrelation method of fetal monitors
/// (Jezewski et al., "Comparison of Doppler ultrasound and direct electrocardiography acquisition techniques for
/// quantification of fetal heart rate variability", IEEE Trans Biomed Eng 53(5):855-864, 2006: envelope autocorrelation
/// over a few seconds, a new rate every 0.25 s); the thresholds were tuned on synthetic audio
/// (<see cref="Simulation.SyntheticDopplerGenerator"/>, seeds kept apart from the evaluation's; see docs/monitoring.md).
/// </summary>
public sealed class DopplerHeartRateOptions
{
    /// <summary>Gets or sets the low edge of the Doppler band-pass, in hertz.</summary>
    /// <value>The default is 200 Hz: below it lie most of the maternal vessel flow and movement artefacts (tuned on synthetic audio: 100 and 150 Hz let a maternal pulse at half the fetal rate win more often).</value>
    public double BandLowHz { get; set; } = 200;

    /// <summary>Gets or sets the high edge of the Doppler band-pass, in hertz (lowered to 0.45 × the sample rate when the audio rate is too low for it).</summary>
    /// <value>The default is 600 Hz: fetal heart-wall and valve Doppler shifts at 2 MHz lie in roughly 100-600 Hz.</value>
    public double BandHighHz { get; set; } = 600;

    /// <summary>Gets or sets the cut-off of the envelope low-pass (after full-wave rectification), in hertz.</summary>
    /// <value>The default is 30 Hz: keeps the 40-80 ms burst shapes, removes the carrier of the Doppler shifts.</value>
    public double EnvelopeCutoffHz { get; set; } = 30;

    /// <summary>Gets or sets the rate the envelope is decimated to before autocorrelation, in hertz (the actual rate is the audio rate divided by the nearest integer).</summary>
    /// <value>The default is 250 Hz (4 ms lag steps, refined by parabolic interpolation).</value>
    public double EnvelopeRateHz { get; set; } = 250;

    /// <summary>Gets or sets the autocorrelation window in seconds, centred on each output sample.</summary>
    /// <value>The default is 3.75 s, as in the Jezewski et al. description of the autocorrelation method.</value>
    public double WindowSeconds { get; set; } = 3.75;

    /// <summary>Gets or sets the lowest heart rate searched, in bpm.</summary>
    /// <value>The default is 50 bpm.</value>
    public double MinimumBpm { get; set; } = 50;

    /// <summary>Gets or sets the highest heart rate searched, in bpm.</summary>
    /// <value>The default is 240 bpm.</value>
    public double MaximumBpm { get; set; } = 240;

    /// <summary>Gets or sets the lowest normalised (unbiased) autocorrelation peak that yields a rate; below it the sample is NaN.</summary>
    /// <value>The default is 0.3.</value>
    public double MinimumPeakHeight { get; set; } = 0.3;

    /// <summary>Gets or sets the share of the highest peak that a shorter-lag peak needs to be preferred as the fundamental (the halving check).</summary>
    /// <value>The default is 0.6 (tuned: 0.7 and 0.8 halved the rate more often when a maternal pulse ran at half the fetal rate).</value>
    public double FundamentalRatio { get; set; } = 0.6;

    /// <summary>Returns the first problem with these options, naming the property, or <see langword="null"/>.</summary>
    internal string? Validate()
    {
        if (!Positive(BandLowHz) || !Positive(BandHighHz) || BandHighHz <= BandLowHz)
        {
            return $"{nameof(BandLowHz)} and {nameof(BandHighHz)} must be positive with {nameof(BandHighHz)} above {nameof(BandLowHz)}.";
        }

        if (!Positive(EnvelopeRateHz) || !Positive(EnvelopeCutoffHz) || EnvelopeCutoffHz >= EnvelopeRateHz / 2)
        {
            return $"{nameof(EnvelopeCutoffHz)} must be positive and below half of {nameof(EnvelopeRateHz)}.";
        }

        if (!Positive(MinimumBpm) || !Positive(MaximumBpm) || MaximumBpm <= MinimumBpm)
        {
            return $"{nameof(MinimumBpm)} must be positive and {nameof(MaximumBpm)} above it.";
        }

        if (!Positive(WindowSeconds) || WindowSeconds < 2 * 60 / MinimumBpm || WindowSeconds > 30)
        {
            return $"{nameof(WindowSeconds)} must cover two periods of {nameof(MinimumBpm)} and be at most 30 s.";
        }

        if (!(MinimumPeakHeight > 0 && MinimumPeakHeight < 1))
        {
            return $"{nameof(MinimumPeakHeight)} must be between 0 and 1.";
        }

        return !(FundamentalRatio > 0 && FundamentalRatio <= 1) ? $"{nameof(FundamentalRatio)} must be above 0 and at most 1." : null;
    }

    internal DopplerHeartRateOptions Clone() => (DopplerHeartRateOptions)MemberwiseClone();

    private static bool Positive(double value) => double.IsFinite(value) && value > 0;
}
