using System;
using System.IO;

namespace Nonprofit.Monitoring;

/// <summary>
/// Estimates the fetal heart rate from Doppler ultrasound audio by the envelope autocorrelation method of fetal monitors:
/// one rate and a confidence every 0.25 s (4 Hz, the CTG rate).
/// </summary>
/// <remarks>
/// <para>Method (after Jezewski et al., "Comparison of Doppler ultrasound and direct electrocardiography acquisition
/// techniques for quantification of fetal heart rate variability", IEEE Trans Biomed Eng 53(5):855-864, 2006, and the
/// published descriptions of Sonicaid/Fetosense-type monitors):</para>
/// <list type="number">
/// <item>Band-pass the audio to the fetal heart's Doppler shifts (Butterworth, 4th-order prototype,
/// <see cref="DopplerHeartRateOptions.BandLowHz"/>-<see cref="DopplerHeartRateOptions.BandHighHz"/>), which removes maternal
/// vessel flow and movement below the band.</item>
/// <item>Envelope: full-wave rectification and a 2nd-order Butterworth low-pass
/// (<see cref="DopplerHeartRateOptions.EnvelopeCutoffHz"/>), then decimation to about
/// <see cref="DopplerHeartRateOptions.EnvelopeRateHz"/>.</item>
/// <item>Every 0.25 s, the mean-removed envelope over <see cref="DopplerHeartRateOptions.WindowSeconds"/> centred on the
/// sample is autocorrelated (FFT), normalised by lag 0 and made unbiased (each lag divided by its overlap).</item>
/// <item>Peaks in the lag range of <see cref="DopplerHeartRateOptions.MaximumBpm"/>-<see cref="DopplerHeartRateOptions.MinimumBpm"/>
/// that rise at least <see cref="DopplerHeartRateOptions.MinimumPeakHeight"/> above the lowest value at shorter lags are
/// candidates. Halving check: the shortest-lag candidate within <see cref="DopplerHeartRateOptions.FundamentalRatio"/> of the
/// highest is the fundamental (the peak at twice the period is as high in an unbiased autocorrelation). Doubling check
/// and continuity: when that candidate jumps more than 12 % away from the estimate of the last 2 s and a candidate within
/// 12 % of that estimate reaches 0.6 of the highest, the continuing one is kept (a strong second burst per beat puts a
/// peak at part of the period; a real rate does not jump by a factor of two within 0.25 s).</item>
/// <item>Parabolic interpolation of the chosen peak gives the lag and height; rate = 60 × envelope rate / lag.</item>
/// <item>Confidence = the interpolated peak height (clamped to [0, 1]), lowered by up to half for a jump of more than
/// 10 bpm from the previous estimate. Below <see cref="DopplerHeartRateOptions.MinimumPeakHeight"/> (noise, a probe off
/// the heart, a movement artefact) the sample is NaN with confidence 0, and so are samples whose window the start or end of
/// the audio cuts below two periods of the slowest rate.</item>
/// </list>
/// <para>Sample k is the rate over the window centred on k × 0.25 s, so online output lags by half a window
/// (<see cref="StreamingDopplerHeartRateEstimator.LatencySeconds"/>); the filter delays (a few milliseconds) are not compensated.
/// Stateless after construction and thread-safe; <see cref="CreateStreaming"/> gives the online form, whose output equals
/// the offline call for any chunking.</para>
/// </remarks>
public sealed class DopplerHeartRateEstimator
{
    private readonly DopplerHeartRateOptions _options;

    /// <summary>Initializes an estimator with the default options.</summary>
    public DopplerHeartRateEstimator()
        : this(new DopplerHeartRateOptions())
    {
    }

    /// <summary>Initializes an estimator with a copy of <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public DopplerHeartRateEstimator(DopplerHeartRateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
    }

    /// <summary>Creates an online estimator for audio at <paramref name="sampleRateHz"/>.</summary>
    /// <param name="sampleRateHz">The audio sample rate, at least <see cref="WavReader.MinimumSampleRateHz"/> hertz.</param>
    /// <returns>A new stream at sample 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not finite, below 1 kHz, above 1 MHz, or too low for the options' band.</exception>
    public StreamingDopplerHeartRateEstimator CreateStreaming(double sampleRateHz)
    {
        if (!double.IsFinite(sampleRateHz) || sampleRateHz < WavReader.MinimumSampleRateHz || sampleRateHz > 1e6)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be between 1 kHz and 1 MHz.");
        }

        return new StreamingDopplerHeartRateEstimator(_options, sampleRateHz);
    }

    /// <summary>Estimates the heart rate of a whole recording.</summary>
    /// <param name="audio">The audio samples (finite, any scale).</param>
    /// <param name="sampleRateHz">The sample rate, at least 1 kHz.</param>
    /// <returns>One rate and confidence per 0.25 s of audio (floor(duration × 4) samples).</returns>
    /// <exception cref="ArgumentException">A sample is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate is out of range.</exception>
    public DopplerHeartRate Estimate(ReadOnlySpan<float> audio, double sampleRateHz)
    {
        var stream = CreateStreaming(sampleRateHz);
        var bpm = new float[stream.MaxOutputLength(audio.Length)];
        var confidence = new float[bpm.Length];
        var written = stream.Process(audio, bpm, confidence);
        written += stream.Complete(bpm.AsSpan(written), confidence.AsSpan(written));
        System.Diagnostics.Debug.Assert(written == bpm.Length, "Every sample is written once.");
        return new DopplerHeartRate(bpm, confidence);
    }

    /// <summary>Estimates the heart rate of WAV audio.</summary>
    /// <param name="audio">The audio.</param>
    /// <returns>One rate and confidence per 0.25 s of audio.</returns>
    public DopplerHeartRate Estimate(WavAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Estimate(audio.Samples.Span, audio.SampleRateHz);
    }

    /// <summary>Reads a WAV stream (see <see cref="WavReader"/>) and estimates its heart rate.</summary>
    /// <param name="wav">The WAV input, read to its end.</param>
    /// <returns>One rate and confidence per 0.25 s of audio.</returns>
    /// <exception cref="CtgFormatException">The input is not a supported WAV file.</exception>
    public DopplerHeartRate Estimate(Stream wav) => Estimate(WavReader.Read(wav));

    /// <summary>Reads a WAV file (see <see cref="WavReader"/>) and estimates its heart rate.</summary>
    /// <param name="path">The WAV file.</param>
    /// <returns>One rate and confidence per 0.25 s of audio.</returns>
    /// <exception cref="CtgFormatException">The file is not a supported WAV file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public DopplerHeartRate Estimate(string path) => Estimate(WavReader.Read(path));
}
