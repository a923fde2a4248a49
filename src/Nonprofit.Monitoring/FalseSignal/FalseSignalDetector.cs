using System;
using System.Buffers;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>
/// Estimates, per sample, the probability that the fetal heart rate of a CTG recording is a false signal: most often the
/// maternal heart rate picked up by the Doppler probe (or a doubled/halved rate), which a clinician may mistake for a
/// reassuring fetal trace.
/// </summary>
/// <remarks>
/// <para>
/// Method (the task and data set of Boudet et al., "Use of deep learning to detect the maternal heart rate and false
/// signals on fetal heart rate recordings", Biosensors 12(9):691, 2022, doi:10.3390/bios12090691; this is not their FSDop
/// network but a small tree model): 36 signal features per sample, computed in O(1) each from prefix sums over centred
/// 15 s, 60 s, 300 s and 600 s windows and over the sample's segment (a stretch of fetal signal between losses longer than
/// 4 s and sample-to-sample jumps above 25 bpm). With a maternal channel: the fraction of samples where fetal and maternal
/// rates are within 5 bpm, their mean distance and correlation (shared accelerations and trends), the distance to the
/// local maternal level, and the level relative to samples that are surely fetal (over 20 bpm from the maternal rate).
/// Always: the rate level and its distance to the recording's median, to the 5-minute mean and to the highest and lowest
/// 1-minute means within 10 minutes, short-term variability, correlation with uterine activity, the jumps into and out
/// of the segment, the segment's length and level, the position in the recording and the signal-loss density. Where the
/// maternal channel is lost: the rate level relative to the maternal rate last seen before the loss and first seen after
/// it (within 10 minutes), the time to it, and the distance to twice or half of it; and, for recordings without any
/// maternal channel, the level relative to the recording's 10th and 90th percentiles, the segment's short-term
/// variability relative to the recording's, and the segment's level relative to the surrounding 10 minutes.
/// Pass 1, gradient-boosted depth-2 trees, gives a first probability per sample. Pass 2 (auto-context) adds 8 features
/// of those probabilities (local means, and the level relative to the samples pass 1 finds surely fetal or surely false
/// within 10 minutes and over the recording) and gives a logit; a logistic stage combines it with its means over the
/// segment and over 60 s and 300 s windows, which smooths the decision over the stretches a monitor stays locked on the
/// wrong source.
/// </para>
/// <para>
/// The model's constants are in the source; they were fitted on the FHRMA false-signal data set, FSdataset/DopMHR/Train
/// (Boudet et al. 2022, GPL-3.0 data: only the fitted numbers ship, no data), by the training command
/// <c>dotnet run -c Release --project benchmarks/Nonprofit.Evaluation -- ctg-fs-train</c>, which prints them.
/// The model expects 4 Hz (windows are in seconds, so other rates run, but were not evaluated), and Doppler recordings:
/// on scalp-ECG recordings its precision is low (see docs/monitoring.md).
/// </para>
/// <para>
/// Where the fetal heart rate is lost (NaN or not positive) the probability is 0: there is no signal to be false.
/// Everything else is in [0, 1]. The analysis is offline: centred windows up to 10 minutes, whole segments, and the
/// recording's median and length; an online monitor would run it on a sliding buffer (docs/monitoring.md). Stateless
/// after construction and thread-safe.
/// </para>
/// </remarks>
public sealed class FalseSignalDetector
{
    private readonly FalseSignalDetectorOptions _options;
    private readonly FalseSignalModel _model;

    /// <summary>Initializes a detector with a copy of <paramref name="options"/>.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">An option is out of its range; the message names it.</exception>
    public FalseSignalDetector(FalseSignalDetectorOptions? options = null)
        : this(options, FalseSignalModel.Default)
    {
    }

    /// <summary>Initializes a detector with another model (the training command).</summary>
    internal FalseSignalDetector(FalseSignalDetectorOptions? options, FalseSignalModel model)
    {
        options ??= new FalseSignalDetectorOptions();
        var problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
        _model = model;
    }

    /// <summary>Gets the probability at or above which a sample counts as false signal (<see cref="FalseSignalDetectorOptions.Threshold"/>).</summary>
    public double Threshold => _options.Threshold;

    /// <summary>Estimates the false-signal probability of every sample of <paramref name="recording"/>.</summary>
    /// <param name="recording">The recording; its maternal channel and second fetal channel are used as the options say.</param>
    /// <returns>One probability per sample, in [0, 1]; 0 where the fetal heart rate is lost.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    public float[] Detect(CtgRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var result = new float[recording.Length];
        Detect(recording, result);
        return result;
    }

    /// <summary>Estimates the false-signal probability of every sample of <paramref name="recording"/> into <paramref name="destination"/>.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="destination">Receives one probability per sample; as long as the recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not as long as the recording.</exception>
    /// <remarks>Work buffers come from <see cref="ArrayPool{T}.Shared"/>: no allocation once the pool is warm.</remarks>
    public void Detect(CtgRecording recording, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (destination.Length != recording.Length)
        {
            throw new ArgumentException("The destination must be as long as the recording.", nameof(destination));
        }

        var maternal = _options.UseMaternalHeartRate && recording.HasMaternalHeartRate ? recording.MaternalHeartRate.Span : default;
        var ua = recording.UterineActivity.Span;
        if (!_options.CombineChannels || !recording.HasSecondFetalHeartRate)
        {
            Run(recording.FetalHeartRate.Span, maternal, ua, recording.SampleRateHz, destination);
            return;
        }

        var merged = ArrayPool<float>.Shared.Rent(recording.Length);
        try
        {
            MergeChannels(recording.FetalHeartRate.Span, recording.SecondFetalHeartRate.Span, merged.AsSpan(0, recording.Length));
            Run(merged.AsSpan(0, recording.Length), maternal, ua, recording.SampleRateHz, destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(merged);
        }
    }

    /// <summary>Estimates the false-signal probability of every sample of a fetal heart rate series (no allocation once the pool is warm).</summary>
    /// <param name="fhrBpm">The fetal heart rate in bpm; NaN or 0 where lost.</param>
    /// <param name="mhrBpm">The maternal heart rate in bpm, as long as <paramref name="fhrBpm"/> (NaN or 0 where lost), or empty when there is none.</param>
    /// <param name="uterineActivity">The uterine activity (TOCO), as long as <paramref name="fhrBpm"/>, or empty when there is none.</param>
    /// <param name="sampleRateHz">The sample rate in Hz (the model was fitted at 4 Hz).</param>
    /// <param name="destination">Receives one probability per sample, in [0, 1], 0 where the fetal heart rate is lost; as long as <paramref name="fhrBpm"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException"><paramref name="mhrBpm"/> or <paramref name="uterineActivity"/> is neither empty nor as long as <paramref name="fhrBpm"/>, or <paramref name="destination"/> is not as long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not positive and finite.</exception>
    /// <remarks>Work memory, from <see cref="ArrayPool{T}.Shared"/>: about 230 bytes per sample (prefix sums in double precision), returned before the call ends.</remarks>
    public void Detect(ReadOnlySpan<float> fhrBpm, ReadOnlySpan<float> mhrBpm, ReadOnlySpan<float> uterineActivity, double sampleRateHz, Span<float> destination)
    {
        if (!mhrBpm.IsEmpty && mhrBpm.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The maternal heart rate must be empty or as long as the fetal heart rate.", nameof(mhrBpm));
        }

        if (!uterineActivity.IsEmpty && uterineActivity.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The uterine activity must be empty or as long as the fetal heart rate.", nameof(uterineActivity));
        }

        if (destination.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The destination must be as long as the input.", nameof(destination));
        }

        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be a positive finite number of hertz.");
        }

        Run(fhrBpm, _options.UseMaternalHeartRate ? mhrBpm : default, uterineActivity, sampleRateHz, destination);
    }

    /// <summary>Groups samples at or above <see cref="Threshold"/> into episodes, bridging dips (and losses) up to <see cref="FalseSignalDetectorOptions.EpisodeGapSeconds"/> and dropping episodes shorter than <see cref="FalseSignalDetectorOptions.MinimumEpisodeSeconds"/>.</summary>
    /// <param name="probabilities">The output of <c>Detect</c>.</param>
    /// <param name="sampleRateHz">The sample rate in Hz.</param>
    /// <returns>The episodes, in time order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not positive and finite.</exception>
    public IReadOnlyList<FalseSignalEpisode> FindEpisodes(ReadOnlySpan<float> probabilities, double sampleRateHz)
    {
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be a positive finite number of hertz.");
        }

        var gap = (int)Math.Floor(_options.EpisodeGapSeconds * sampleRateHz);
        var minimum = _options.MinimumEpisodeSeconds * sampleRateHz;
        var episodes = new List<FalseSignalEpisode>();
        var start = -1;
        var last = -1;
        double sum = 0;
        var count = 0;
        for (var i = 0; i <= probabilities.Length; i++)
        {
            var above = i < probabilities.Length && probabilities[i] >= _options.Threshold;
            if (start >= 0 && (i == probabilities.Length || (!above && i - last > gap)))
            {
                if (last - start + 1 >= minimum)
                {
                    episodes.Add(new FalseSignalEpisode(start, last - start + 1, (float)(sum / count)));
                }

                start = -1;
            }

            if (above)
            {
                if (start < 0)
                {
                    start = i;
                    sum = 0;
                    count = 0;
                }

                last = i;
                sum += probabilities[i];
                count++;
            }
        }

        return episodes;
    }

    private void Run(ReadOnlySpan<float> fhr, ReadOnlySpan<float> mhr, ReadOnlySpan<float> ua, double sampleRateHz, Span<float> destination)
    {
        using var features = new FalseSignalFeatures(fhr, mhr, ua, sampleRateHz);
        Span<float> f = stackalloc float[FalseSignalFeatures.AllCount];
        var signal = f[..FalseSignalFeatures.Count];
        for (var i = 0; i < fhr.Length; i++)
        {
            if (features.SegmentOf(i) < 0)
            {
                destination[i] = 0;
                continue;
            }

            features.Fill(i, signal);
            destination[i] = FalseSignalModel.Sigmoid(_model.First.Score(signal));
        }

        features.SetContext(destination);
        for (var i = 0; i < fhr.Length; i++)
        {
            if (features.SegmentOf(i) >= 0)
            {
                features.Fill(i, signal);
                features.FillContext(i, f[FalseSignalFeatures.Count..]);
                destination[i] = _model.Second.Score(f);
            }
        }

        features.SetScores(destination);
        for (var i = 0; i < fhr.Length; i++)
        {
            if (features.SegmentOf(i) >= 0)
            {
                var (segment, window60, window300) = features.Smoothed(i);
                destination[i] = _model.Combine(destination[i], segment, window60, window300);
            }
        }
    }

    private static void MergeChannels(ReadOnlySpan<float> first, ReadOnlySpan<float> second, Span<float> merged)
    {
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = CtgPreprocessor.Merge(first[i], second[i]);
        }
    }
}
