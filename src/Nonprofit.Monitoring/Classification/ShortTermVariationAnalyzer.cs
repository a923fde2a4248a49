using System;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>
/// Short-term variation (STV) and long-term variation (LTV) of the fetal heart rate in the style of the Dawes-Redman
/// analysis, with the episodes of high and low variation (Dawes, Moulden, Redman 1991 and 1992; Street et al., Am J Obstet
/// Gynecol 165:515-523, 1991; Pardey, Moulden, Redman, Am J Obstet Gynecol 186:1095-1103, 2002). Not the proprietary
/// Sonicaid algorithm: the published definitions as this package reads them, every choice documented.
/// </summary>
/// <remarks>
/// <para>The record is cut into epochs of <see cref="ShortTermVariationOptions.EpochSeconds"/> (3.75 s = 1/16 min, 15
/// samples at 4 Hz; a partial last epoch is dropped). An epoch's pulse interval is the mean of 60000 / FHR (ms) over its
/// reliable samples (finite, not <see cref="FhrSegment.Unreliable"/>); it is NaN when fewer than
/// <see cref="ShortTermVariationOptions.MinimumReliableEpochFraction"/> of its samples are reliable, or when any of its
/// samples is in a deceleration (<see cref="FhrSegment.Deceleration"/>). Sixteen epochs make a minute.</para>
/// <para>Minute STV = mean |PI[k] − PI[k−1]| over the pairs of successive epochs of the minute that both have a pulse
/// interval; minute range = max − min of the minute's pulse intervals (ms) and of its epoch rates 60000 / PI (bpm). A minute
/// is analysed when at least <see cref="ShortTermVariationOptions.MinimumEpochsPerMinute"/> epochs have a pulse interval
/// (and, for STV, one pair is successive). STV is the mean of the minute STVs, LTV the mean of the minute ranges, over the
/// analysed minutes.</para>
/// <para>A minute has high variation when its range is at least <see cref="ShortTermVariationOptions.HighVariationMs"/>
/// (32 ms) and low variation when it is below <see cref="ShortTermVariationOptions.LowVariationMs"/> (30 ms). Every window
/// of 6 consecutive minutes with at least 5 such minutes belongs to an episode; overlapping or touching windows merge, and
/// the merged run is trimmed to its first and last qualifying minute.</para>
/// </remarks>
public sealed class ShortTermVariationAnalyzer
{
    private const int EpochsPerMinute = 16;
    private readonly ShortTermVariationOptions _options;

    /// <summary>Initializes an analyzer with a copy of <paramref name="options"/> (the published defaults when <see langword="null"/>).</summary>
    /// <param name="options">The options, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public ShortTermVariationAnalyzer(ShortTermVariationOptions? options = null)
    {
        options ??= new ShortTermVariationOptions();
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
    }

    /// <summary>Computes STV, LTV and the variation episodes of a fetal heart rate series.</summary>
    /// <param name="fhrBpm">The fetal heart rate in bpm (NaN where lost).</param>
    /// <param name="segments">What each sample belongs to; as long as <paramref name="fhrBpm"/>.</param>
    /// <param name="sampleRateHz">The sample rate in Hz; an epoch must hold at least one sample.</param>
    /// <returns>The per-epoch and per-minute values, STV, LTV and the episodes.</returns>
    /// <exception cref="ArgumentException">The mask's length differs from the series'.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not finite or too low for one sample an epoch.</exception>
    public ShortTermVariationResult Analyze(ReadOnlySpan<float> fhrBpm, ReadOnlySpan<FhrSegment> segments, double sampleRateHz)
    {
        if (segments.Length != fhrBpm.Length)
        {
            throw new ArgumentException("The segment mask must have one entry per sample.", nameof(segments));
        }

        var epochLength = double.IsFinite(sampleRateHz) ? (int)Math.Round(_options.EpochSeconds * sampleRateHz) : 0;
        if (epochLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be finite and give at least one sample per epoch.");
        }

        var epochs = new float[fhrBpm.Length / epochLength];
        for (var e = 0; e < epochs.Length; e++)
        {
            epochs[e] = EpochPulseInterval(fhrBpm.Slice(e * epochLength, epochLength), segments.Slice(e * epochLength, epochLength));
        }

        var minutes = epochs.Length / EpochsPerMinute;
        var stv = new float[minutes];
        var rangeMs = new float[minutes];
        var rangeBpm = new float[minutes];
        double stvSum = 0, rangeSum = 0, bpmSum = 0;
        int stvCount = 0, rangeCount = 0;
        for (var m = 0; m < minutes; m++)
        {
            (stv[m], rangeMs[m], rangeBpm[m]) = Minute(epochs.AsSpan(m * EpochsPerMinute, EpochsPerMinute));
            if (!float.IsNaN(stv[m]))
            {
                stvSum += stv[m];
                stvCount++;
            }

            if (!float.IsNaN(rangeMs[m]))
            {
                rangeSum += rangeMs[m];
                bpmSum += rangeBpm[m];
                rangeCount++;
            }
        }

        var high = Episodes(rangeMs, r => r >= _options.HighVariationMs);
        var low = Episodes(rangeMs, r => r < _options.LowVariationMs);
        return new ShortTermVariationResult(epochs, stv, rangeMs, rangeBpm)
        {
            ShortTermVariationMs = stvCount == 0 ? double.NaN : stvSum / stvCount,
            LongTermVariationMs = rangeCount == 0 ? double.NaN : rangeSum / rangeCount,
            LongTermVariationBpm = rangeCount == 0 ? double.NaN : bpmSum / rangeCount,
            Minutes = minutes,
            AnalysedMinutes = rangeCount,
            HighVariationEpisodes = high,
            LowVariationEpisodes = low,
            HighVariationMinutes = Total(high),
            LowVariationMinutes = Total(low),
        };
    }

    private float EpochPulseInterval(ReadOnlySpan<float> fhr, ReadOnlySpan<FhrSegment> segments)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < fhr.Length; i++)
        {
            if ((segments[i] & FhrSegment.Deceleration) != 0)
            {
                return float.NaN;
            }

            if ((segments[i] & FhrSegment.Unreliable) == 0 && float.IsFinite(fhr[i]) && fhr[i] > 0)
            {
                sum += 60000.0 / fhr[i];
                count++;
            }
        }

        return count > 0 && count >= _options.MinimumReliableEpochFraction * fhr.Length ? (float)(sum / count) : float.NaN;
    }

    private (float Stv, float RangeMs, float RangeBpm) Minute(ReadOnlySpan<float> epochs)
    {
        double differences = 0;
        int pairs = 0, valid = 0;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var k = 0; k < epochs.Length; k++)
        {
            if (float.IsNaN(epochs[k]))
            {
                continue;
            }

            valid++;
            min = Math.Min(min, epochs[k]);
            max = Math.Max(max, epochs[k]);
            if (k > 0 && !float.IsNaN(epochs[k - 1]))
            {
                differences += Math.Abs(epochs[k] - (double)epochs[k - 1]);
                pairs++;
            }
        }

        if (valid < _options.MinimumEpochsPerMinute)
        {
            return (float.NaN, float.NaN, float.NaN);
        }

        // The fastest rate has the shortest interval: bpm range = 60000/min − 60000/max.
        var bpmRange = (float)((60000.0 / min) - (60000.0 / max));
        return (pairs == 0 ? float.NaN : (float)(differences / pairs), max - min, bpmRange);
    }

    private List<VariationEpisode> Episodes(float[] rangeMs, Func<float, bool> qualifies)
    {
        var window = _options.EpisodeWindowMinutes;
        var inEpisode = new bool[rangeMs.Length];
        for (var w = 0; w + window <= rangeMs.Length; w++)
        {
            var count = 0;
            for (var m = w; m < w + window; m++)
            {
                count += !float.IsNaN(rangeMs[m]) && qualifies(rangeMs[m]) ? 1 : 0;
            }

            if (count >= _options.EpisodeMinimumMinutes)
            {
                inEpisode.AsSpan(w, window).Fill(true);
            }
        }

        var episodes = new List<VariationEpisode>();
        for (var m = 0; m < inEpisode.Length;)
        {
            if (!inEpisode[m])
            {
                m++;
                continue;
            }

            var runEnd = m;
            while (runEnd < inEpisode.Length && inEpisode[runEnd])
            {
                runEnd++;
            }

            // A window's non-qualifying minute at either edge of the run is not part of the episode.
            bool Qualifies(int i) => !float.IsNaN(rangeMs[i]) && qualifies(rangeMs[i]);
            var start = m;
            var end = runEnd;
            while (!Qualifies(start))
            {
                start++;
            }

            while (!Qualifies(end - 1))
            {
                end--;
            }

            double sum = 0;
            var count = 0;
            for (var i = start; i < end; i++)
            {
                if (!float.IsNaN(rangeMs[i]))
                {
                    sum += rangeMs[i];
                    count++;
                }
            }

            episodes.Add(new VariationEpisode(start, end, count == 0 ? double.NaN : sum / count));
            m = runEnd;
        }

        return episodes;
    }

    private static int Total(List<VariationEpisode> episodes)
    {
        var total = 0;
        foreach (var e in episodes)
        {
            total += e.DurationMinutes;
        }

        return total;
    }
}
