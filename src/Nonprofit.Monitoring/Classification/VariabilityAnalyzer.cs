using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// Measures fetal heart rate variability as the FIGO 2015 consensus defines it (Ayres-de-Campos et al., Int J Gynecol
/// Obstet 131:13-24, 2015): the amplitude bandwidth, peak to trough, of the signal around the baseline in 1-minute
/// segments, judged in baseline segments (accelerations, decelerations and unreliable samples excluded) and separately
/// during decelerations; and detects the sinusoidal pattern by spectral concentration and regularity.
/// </summary>
/// <remarks>
/// <para>Per minute <c>m</c> (samples <c>[m·60·fs, (m+1)·60·fs)</c>): the bandwidth is max − min of FHR − baseline over the
/// minute's samples whose mask is <see cref="FhrSegment.Baseline"/> and whose FHR and baseline are finite, when there are at
/// least <see cref="VariabilityOptions.MinimumValidFraction"/> of a minute of them; otherwise NaN. During decelerations
/// the baseline does not describe the signal, so the deceleration bandwidth is max − min of FHR minus its local trend (a
/// least-squares quadratic over the centred <see cref="VariabilityOptions.DecelerationTrendSeconds"/> window of reliable samples) over the minute's reliable
/// deceleration samples, when there are at least <see cref="VariabilityOptions.MinimumDecelerationSeconds"/> of them.</para>
/// <para>Sinusoidal minute: in the 2 minutes centred on the minute (at least 90% reliable, no acceleration sample, as FIGO
/// requires "absent accelerations"), FHR − baseline with its linear trend removed has a peak-to-trough amplitude within
/// 5-15 bpm, its Hann-windowed power spectrum (Nonprofit.Signals <c>Fft.ForwardReal</c>) peaks at 3-5 cycles/min with at
/// least <see cref="VariabilityOptions.SinusoidalMinimumSpectralConcentration"/> of the power above 1 cycle/min within
/// the band (widened by the window's main lobe, 1 cycle/min), and its normalised autocorrelation (<c>Fft.AutoCorrelation</c>)
/// at the dominant period is at least <see cref="VariabilityOptions.SinusoidalMinimumAutocorrelation"/>.</para>
/// <para>Thread-safe; allocates the per-minute arrays and scratch once per call.</para>
/// </remarks>
public sealed class VariabilityAnalyzer
{
    private readonly VariabilityOptions _options;

    /// <summary>Initializes an analyzer with a copy of <paramref name="options"/> (the FIGO 2015 defaults when <see langword="null"/>).</summary>
    /// <param name="options">The thresholds, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public VariabilityAnalyzer(VariabilityOptions? options = null)
    {
        options ??= new VariabilityOptions();
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
    }

    /// <summary>Measures the variability of a fetal heart rate series.</summary>
    /// <param name="fhrBpm">The fetal heart rate in bpm (NaN where lost).</param>
    /// <param name="baselineBpm">The baseline in bpm, one value per sample (NaN where unknown).</param>
    /// <param name="segments">What each sample belongs to; as long as <paramref name="fhrBpm"/>.</param>
    /// <param name="sampleRateHz">The sample rate in Hz (at least 1 Hz: the sinusoidal band must lie below the Nyquist frequency).</param>
    /// <returns>The per-minute bandwidths, the class and the minutes in each class.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="fhrBpm"/>'s.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not finite or below 1 Hz.</exception>
    public VariabilityResult Analyze(ReadOnlySpan<float> fhrBpm, ReadOnlySpan<float> baselineBpm, ReadOnlySpan<FhrSegment> segments, double sampleRateHz)
    {
        if (baselineBpm.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The baseline must have one value per sample.", nameof(baselineBpm));
        }

        if (segments.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The segment mask must have one entry per sample.", nameof(segments));
        }

        if (!double.IsFinite(sampleRateHz) || sampleRateHz < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be finite and at least 1 Hz.");
        }

        var o = _options;
        var perMinute = (int)Math.Round(60 * sampleRateHz);
        var minutes = (fhrBpm.Length + perMinute - 1) / perMinute;
        var bandwidth = new float[minutes];
        var decelerationBandwidth = new float[minutes];
        var decelerationMinutes = new double[minutes];
        var sinusoidal = new bool?[minutes];
        var trend = DecelerationTrend(fhrBpm, segments, sampleRateHz);
        var detector = new SinusoidalDetector(o, sampleRateHz);
        for (var m = 0; m < minutes; m++)
        {
            var start = m * perMinute;
            var end = Math.Min(fhrBpm.Length, start + perMinute);
            bandwidth[m] = BaselineBandwidth(fhrBpm, baselineBpm, segments, start, end, o.MinimumValidFraction * perMinute);
            (decelerationBandwidth[m], decelerationMinutes[m]) = DecelerationBandwidth(fhrBpm, trend, segments, start, end, o.MinimumDecelerationSeconds * sampleRateHz, perMinute);
            var centre = (start + end) / 2;
            sinusoidal[m] = detector.Detect(fhrBpm, baselineBpm, segments, centre - perMinute, centre + perMinute);
        }

        return Summarise(bandwidth, decelerationBandwidth, decelerationMinutes, sinusoidal);
    }

    private VariabilityResult Summarise(float[] bandwidth, float[] decelerationBandwidth, double[] decelerationMinutes, bool?[] sinusoidal)
    {
        var o = _options;
        double normal = 0, reduced = 0, increased = 0, unmeasured = 0, reducedInDecelerations = 0;
        var reducedRun = new EpisodeCounter();
        var increasedRun = new EpisodeCounter();
        var sinusoidalRun = new EpisodeCounter();
        var measured = new float[bandwidth.Length];
        var measuredCount = 0;
        for (var m = 0; m < bandwidth.Length; m++)
        {
            var b = bandwidth[m];
            bool? isReduced = null, isIncreased = null;
            if (float.IsNaN(b))
            {
                unmeasured++;
            }
            else
            {
                measured[measuredCount++] = b;
                isReduced = b < o.ReducedBelowBpm;
                isIncreased = b > o.IncreasedAboveBpm;
                reduced += isReduced.Value ? 1 : 0;
                increased += isIncreased.Value ? 1 : 0;
                normal += !isReduced.Value && !isIncreased.Value ? 1 : 0;
            }

            reducedRun.Add(isReduced);
            increasedRun.Add(isIncreased);
            sinusoidalRun.Add(sinusoidal[m]);
            if (decelerationBandwidth[m] < o.ReducedBelowBpm)
            {
                reducedInDecelerations += decelerationMinutes[m];
            }
        }

        var median = Median(measured.AsSpan(0, measuredCount));
        var sinusoidalFlags = Array.ConvertAll(sinusoidal, s => s == true);
        var sinusoidalMinutes = Array.FindAll(sinusoidalFlags, s => s).Length;
        var cls = sinusoidalRun.Longest > o.SinusoidalMinutes ? VariabilityClass.Sinusoidal
            : reducedRun.Longest > o.ReducedBaselineMinutes || reducedInDecelerations > o.ReducedDuringDecelerationsMinutes ? VariabilityClass.Reduced
            : increasedRun.Longest > o.IncreasedMinutes ? VariabilityClass.Increased
            : measuredCount > 0 ? VariabilityClass.Normal
            : VariabilityClass.Undetermined;
        return new VariabilityResult(bandwidth, decelerationBandwidth, sinusoidalFlags)
        {
            Class = cls,
            MedianBandwidthBpm = median,
            NormalMinutes = normal,
            ReducedMinutes = reduced,
            IncreasedMinutes = increased,
            UnmeasuredMinutes = unmeasured,
            SinusoidalMinutes = sinusoidalMinutes,
            LongestReducedEpisodeMinutes = reducedRun.Longest,
            LongestIncreasedEpisodeMinutes = increasedRun.Longest,
            LongestSinusoidalEpisodeMinutes = sinusoidalRun.Longest,
            ReducedDuringDecelerationsMinutes = reducedInDecelerations,
        };
    }

    internal static double Median(Span<float> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var half = values.Length / 2;
        return values.Length % 2 == 1 ? values[half] : (values[half - 1] + (double)values[half]) / 2;
    }

    private static float BaselineBandwidth(ReadOnlySpan<float> fhr, ReadOnlySpan<float> baseline, ReadOnlySpan<FhrSegment> segments, int start, int end, double minimumCount)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var count = 0;
        for (var i = start; i < end; i++)
        {
            var d = fhr[i] - baseline[i];
            if (segments[i] != FhrSegment.Baseline || !float.IsFinite(d))
            {
                continue;
            }

            count++;
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        }

        return count >= minimumCount && count > 0 ? max - min : float.NaN;
    }

    private static (float Bandwidth, double Minutes) DecelerationBandwidth(ReadOnlySpan<float> fhr, double[] trend, ReadOnlySpan<FhrSegment> segments, int start, int end, double minimumCount, int perMinute)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var count = 0;
        for (var i = start; i < end; i++)
        {
            if ((segments[i] & (FhrSegment.Deceleration | FhrSegment.Unreliable)) != FhrSegment.Deceleration || !float.IsFinite(fhr[i]) || double.IsNaN(trend[i]))
            {
                continue;
            }

            var d = fhr[i] - trend[i];
            count++;
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        }

        return count >= minimumCount && count > 0 ? ((float)(max - min), (double)count / perMinute) : (float.NaN, 0);
    }

    /// <summary>
    /// The local trend at every reliable deceleration sample: the value at the centre of a least-squares quadratic through the
    /// reliable samples of the centred window (a quadratic follows a deceleration's curve, which a moving mean cuts across).
    /// O(window) per deceleration sample; NaN elsewhere.
    /// </summary>
    private double[] DecelerationTrend(ReadOnlySpan<float> fhr, ReadOnlySpan<FhrSegment> segments, double sampleRateHz)
    {
        var n = fhr.Length;
        var half = Math.Max(2, (int)Math.Round(_options.DecelerationTrendSeconds * sampleRateHz / 2));
        var trend = new double[n];
        for (var i = 0; i < n; i++)
        {
            trend[i] = double.NaN;
            if ((segments[i] & (FhrSegment.Deceleration | FhrSegment.Unreliable)) != FhrSegment.Deceleration || !float.IsFinite(fhr[i]))
            {
                continue;
            }

            // Normal equations of y = c0 + c1 u + c2 u², u = (j − i) / half, over the reliable samples j of the window.
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, y0 = 0, y1 = 0, y2 = 0;
            for (var j = Math.Max(0, i - half); j <= Math.Min(n - 1, i + half); j++)
            {
                if (!float.IsFinite(fhr[j]) || (segments[j] & FhrSegment.Unreliable) != 0)
                {
                    continue;
                }

                var u = (double)(j - i) / half;
                var u2 = u * u;
                s0++;
                s1 += u;
                s2 += u2;
                s3 += u2 * u;
                s4 += u2 * u2;
                y0 += fhr[j];
                y1 += u * fhr[j];
                y2 += u2 * fhr[j];
            }

            // c0 by Cramer's rule; fall back to the mean when the window is too sparse for a quadratic.
            var det = (s0 * ((s2 * s4) - (s3 * s3))) - (s1 * ((s1 * s4) - (s3 * s2))) + (s2 * ((s1 * s3) - (s2 * s2)));
            trend[i] = Math.Abs(det) < 1e-9 * Math.Max(1, s0 * s0 * s0)
                ? y0 / s0
                : ((y0 * ((s2 * s4) - (s3 * s3))) - (s1 * ((y1 * s4) - (s3 * y2))) + (s2 * ((y1 * s3) - (s2 * y2)))) / det;
        }

        return trend;
    }

    /// <summary>Tracks the longest run of <see langword="true"/>; <see langword="null"/> (unmeasured) neither breaks nor lengthens a run.</summary>
    private struct EpisodeCounter
    {
        private double _current;

        public double Longest { get; private set; }

        public void Add(bool? inClass)
        {
            if (inClass is null)
            {
                return;
            }

            _current = inClass.Value ? _current + 1 : 0;
            Longest = Math.Max(Longest, _current);
        }
    }
}
