using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// Cleans a fetal heart rate series, in this order: channels merged (per sample, the higher valid value), halving and
/// doubling corrected, out-of-range values removed, short runs and runs that jump away on both sides removed, gaps
/// filled by linear interpolation (ends held at the nearest valid value), with every change flagged per sample.
/// </summary>
/// <remarks>
/// Defaults and their sources are on <see cref="CtgPreprocessorOptions"/>. Stateless after construction and thread-safe.
/// The output has the input's length; interpolated samples are flagged <see cref="FhrSampleStatus.Interpolated"/> so an
/// analysis can tell them from measured ones.
/// </remarks>
public sealed class CtgPreprocessor
{
    /// <summary>The flags that mean "not a measured value".</summary>
    internal const FhrSampleStatus Removed = FhrSampleStatus.Missing | FhrSampleStatus.OutOfRange | FhrSampleStatus.ShortRun | FhrSampleStatus.Jump;

    private readonly CtgPreprocessorOptions _options;

    /// <summary>Initializes a preprocessor with a copy of <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of its range; the message names it.</exception>
    public CtgPreprocessor(CtgPreprocessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
    }

    /// <summary>Cleans the fetal heart rate of <paramref name="recording"/> (merged with its second channel when <see cref="CtgPreprocessorOptions.CombineChannels"/>).</summary>
    /// <param name="recording">The recording.</param>
    /// <returns>The cleaned series, its flags and the signal-loss percentage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recording"/> is <see langword="null"/>.</exception>
    public PreprocessedFhr Process(CtgRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var input = recording.FetalHeartRate.Span;
        float[]? merged = null;
        if (_options.CombineChannels && recording.HasSecondFetalHeartRate)
        {
            merged = new float[recording.Length];
            var second = recording.SecondFetalHeartRate.Span;
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i] = Merge(input[i], second[i]);
            }
        }

        var fhr = new float[recording.Length];
        var flags = new FhrSampleStatus[recording.Length];
        var loss = Process(merged ?? input, recording.SampleRateHz, fhr, flags);
        return new PreprocessedFhr(fhr, flags, recording.SampleRateHz, loss);
    }

    /// <summary>Cleans one fetal heart rate channel into caller-supplied buffers (no allocation).</summary>
    /// <param name="fhrBpm">The fetal heart rate in bpm; NaN or 0 where the signal was lost.</param>
    /// <param name="sampleRateHz">The sample rate in Hz.</param>
    /// <param name="destination">Receives the cleaned series; as long as <paramref name="fhrBpm"/>; may be the same memory.</param>
    /// <param name="status">Receives what was done to each sample; as long as <paramref name="fhrBpm"/>.</param>
    /// <returns>The percentage (0-100) of samples with no valid measured value before interpolation (0 for an empty input).</returns>
    /// <exception cref="ArgumentException">A destination's length differs from the input's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not positive and finite.</exception>
    public double Process(ReadOnlySpan<float> fhrBpm, double sampleRateHz, Span<float> destination, Span<FhrSampleStatus> status)
    {
        if (destination.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The destination must be as long as the input.", nameof(destination));
        }

        if (status.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The status span must be as long as the input.", nameof(status));
        }

        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be a positive finite number of hertz.");
        }

        fhrBpm.CopyTo(destination);
        var flags = status;
        flags.Clear();
        CorrectAndRange(destination, flags, sampleRateHz);
        RejectRuns(destination, flags, sampleRateHz);
        var lost = 0;
        foreach (var flag in flags)
        {
            lost += (flag & Removed) != 0 ? 1 : 0;
        }

        Interpolate(destination, flags, (int)Math.Min(int.MaxValue, Math.Floor(_options.MaximumInterpolationGapSeconds * sampleRateHz)));
        return fhrBpm.Length == 0 ? 0 : 100.0 * lost / fhrBpm.Length;
    }

    /// <summary>Per sample, the higher valid value of two channels (NaN when neither is valid).</summary>
    internal static float Merge(float a, float b) =>
        !IsValue(a) ? (IsValue(b) ? b : float.NaN) : !IsValue(b) ? a : Math.Max(a, b);

    private static bool IsValue(float x) => float.IsFinite(x) && x != 0;

    /// <summary>
    /// Marks missing samples, corrects halving and doubling against the previous kept sample, and removes out-of-range
    /// values. Two guards keep a correction episode from locking onto half (or twice) the rate, which chaining on the
    /// previous (corrected) sample alone allows, e.g. after a deep deceleration next to a gap: a correction is made only
    /// when the corrected value is closer than the uncorrected one to a longer-term level (a 1-min exponential mean of
    /// the uncorrected kept samples), and one episode of consecutive corrections lasts at most
    /// <see cref="MaximumCorrectionEpisodeSeconds"/>.
    /// </summary>
    private void CorrectAndRange(Span<float> fhr, Span<FhrSampleStatus> flags, double sampleRateHz)
    {
        var lookback = _options.HalvingDoublingLookbackSeconds * sampleRateHz;
        var tolerance = _options.HalvingDoublingToleranceBpm;
        var maximumEpisode = MaximumCorrectionEpisodeSeconds * sampleRateHz;
        var alpha = 1 / Math.Max(1, LevelTimeConstantSeconds * sampleRateHz);
        var previous = -1;
        var level = double.NaN;
        var episodeStart = -1;
        for (var i = 0; i < fhr.Length; i++)
        {
            var x = fhr[i];
            if (!IsValue(x))
            {
                fhr[i] = float.NaN;
                flags[i] = FhrSampleStatus.Missing;
                continue;
            }

            var raw = x;
            if (_options.CorrectHalvingDoubling && previous >= 0 && i - previous <= lookback
                && (episodeStart < 0 || i - episodeStart < maximumEpisode))
            {
                var reference = fhr[previous];
                if (Math.Abs(x - reference) > _options.JumpBpm)
                {
                    if (Math.Abs((2 * x) - reference) <= tolerance && CloserToLevel(2 * x, x, level))
                    {
                        x *= 2;
                        flags[i] = FhrSampleStatus.HalvingCorrected;
                    }
                    else if (Math.Abs((x / 2) - reference) <= tolerance && CloserToLevel(x / 2, x, level))
                    {
                        x /= 2;
                        flags[i] = FhrSampleStatus.DoublingCorrected;
                    }
                }
            }

            if (x < _options.MinimumBpm || x > _options.MaximumBpm)
            {
                fhr[i] = float.NaN;
                flags[i] |= FhrSampleStatus.OutOfRange;
                continue;
            }

            fhr[i] = x;
            previous = i;
            if (x != raw)
            {
                episodeStart = episodeStart < 0 ? i : episodeStart;
            }
            else
            {
                episodeStart = -1;
                level = double.IsNaN(level) ? x : level + (alpha * (x - level));
            }
        }
    }

    /// <summary>The longest episode of consecutive halving/doubling corrections, in seconds (longer than the generator's and FHRMA's halving runs).</summary>
    internal const double MaximumCorrectionEpisodeSeconds = 30;

    /// <summary>The time constant, in seconds, of the longer-term level a correction must move the value towards.</summary>
    internal const double LevelTimeConstantSeconds = 60;

    private static bool CloserToLevel(float corrected, float raw, double level) =>
        double.IsNaN(level) || Math.Abs(corrected - level) < Math.Abs(raw - level);

    /// <summary>Removes runs shorter than the minimum, then short runs that jump away from the kept signal on both sides.</summary>
    private void RejectRuns(Span<float> fhr, Span<FhrSampleStatus> flags, double sampleRateHz)
    {
        var minimumRun = _options.MinimumRunSeconds * sampleRateHz;
        for (var start = NextValid(fhr, 0); start < fhr.Length;)
        {
            var end = RunEnd(fhr, start);
            if (end - start < minimumRun)
            {
                Remove(fhr, flags, start, end, FhrSampleStatus.ShortRun);
            }

            start = NextValid(fhr, end);
        }

        // Neighbours are judged on the signal left after short-run removal, before any jump removal.
        var maximumJumpRun = _options.JumpRunMaximumSeconds * sampleRateHz;
        var previousEnd = -1;
        var jumps = new System.Collections.Generic.List<(int Start, int End)>();
        for (var start = NextValid(fhr, 0); start < fhr.Length;)
        {
            var end = RunEnd(fhr, start);
            var next = NextValid(fhr, end);
            if (end - start < maximumJumpRun && previousEnd >= 0 && next < fhr.Length
                && Math.Abs(fhr[start] - fhr[previousEnd]) > _options.JumpBpm
                && Math.Abs(fhr[end - 1] - fhr[next]) > _options.JumpBpm)
            {
                jumps.Add((start, end));
            }

            previousEnd = end - 1;
            start = next;
        }

        foreach (var (start, end) in jumps)
        {
            Remove(fhr, flags, start, end, FhrSampleStatus.Jump);
        }
    }

    private static void Interpolate(Span<float> fhr, Span<FhrSampleStatus> flags, int maximumGap)
    {
        for (var start = 0; start < fhr.Length;)
        {
            if (!float.IsNaN(fhr[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < fhr.Length && float.IsNaN(fhr[end]))
            {
                end++;
            }

            var hasLeft = start > 0;
            var hasRight = end < fhr.Length;
            if (end - start <= maximumGap && (hasLeft || hasRight))
            {
                var left = hasLeft ? fhr[start - 1] : fhr[end];
                var right = hasRight ? fhr[end] : left;
                var span = end - start + 1;
                for (var i = start; i < end; i++)
                {
                    fhr[i] = left + ((right - left) * (i - start + 1) / span);
                    flags[i] |= FhrSampleStatus.Interpolated;
                }
            }

            start = end;
        }
    }

    private static void Remove(Span<float> fhr, Span<FhrSampleStatus> flags, int start, int end, FhrSampleStatus reason)
    {
        for (var i = start; i < end; i++)
        {
            fhr[i] = float.NaN;
            flags[i] |= reason;
        }
    }

    internal static int NextValid(ReadOnlySpan<float> fhr, int from)
    {
        var i = from;
        while (i < fhr.Length && float.IsNaN(fhr[i]))
        {
            i++;
        }

        return i;
    }

    internal static int RunEnd(ReadOnlySpan<float> fhr, int start)
    {
        var i = start;
        while (i < fhr.Length && !float.IsNaN(fhr[i]))
        {
            i++;
        }

        return i;
    }
}
