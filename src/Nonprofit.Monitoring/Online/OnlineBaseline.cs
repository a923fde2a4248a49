using System;

namespace Nonprofit.Monitoring;

/// <summary>
/// A sliding-window baseline estimate, updated per sample in O(1) and evaluated in O(bins): a 1-bpm histogram of the
/// valid samples of the window; the baseline is the mean of the samples within <see cref="HalfBandBpm"/> of the histogram's
/// mode (the mode found on the histogram summed over ±<see cref="ModeHalfWidthBpm"/>). The mode picks the level where the
/// heart rate spends most of the window, which is how the FIGO 2015 consensus describes the baseline (the mean level of
/// the most horizontal, least oscillatory segments, excluding accelerations and decelerations).
/// </summary>
internal sealed class OnlineBaseline
{
    internal const int ModeHalfWidthBpm = 5;
    internal const int HalfBandBpm = 8;

    private readonly double _minimumBpm;
    private readonly int[] _counts;
    private readonly double[] _sums;
    private int _valid;

    public OnlineBaseline(double minimumBpm, double maximumBpm)
    {
        _minimumBpm = minimumBpm;
        var bins = (int)Math.Ceiling(maximumBpm - minimumBpm) + 1;
        _counts = new int[bins];
        _sums = new double[bins];
    }

    /// <summary>Gets the number of valid samples in the window.</summary>
    public int Valid => _valid;

    public void Add(float bpm)
    {
        if (!float.IsNaN(bpm))
        {
            var bin = Bin(bpm);
            _counts[bin]++;
            _sums[bin] += bpm;
            _valid++;
        }
    }

    public void Remove(float bpm)
    {
        if (!float.IsNaN(bpm))
        {
            var bin = Bin(bpm);
            _counts[bin]--;
            _sums[bin] -= bpm;
            _valid--;
        }
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_sums);
        _valid = 0;
    }

    /// <summary>Estimates the baseline, or returns NaN when the window has no valid sample.</summary>
    public double Estimate()
    {
        if (_valid == 0)
        {
            return double.NaN;
        }

        var bins = _counts.Length;
        var best = -1;
        var bestCount = -1;
        var window = 0;
        for (var k = -ModeHalfWidthBpm; k < bins; k++)
        {
            var add = k + ModeHalfWidthBpm;
            if (add < bins)
            {
                window += _counts[add];
            }

            var drop = k - ModeHalfWidthBpm - 1;
            if (drop >= 0)
            {
                window -= _counts[drop];
            }

            if (k >= 0 && window > bestCount)
            {
                bestCount = window;
                best = k;
            }
        }

        var count = 0;
        var sum = 0.0;
        for (var k = Math.Max(0, best - HalfBandBpm); k <= Math.Min(bins - 1, best + HalfBandBpm); k++)
        {
            count += _counts[k];
            sum += _sums[k];
        }

        return sum / count;
    }

    private int Bin(float bpm) => Math.Clamp((int)(bpm - _minimumBpm), 0, _counts.Length - 1);
}
