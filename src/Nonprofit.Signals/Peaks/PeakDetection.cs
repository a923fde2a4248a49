using System;
using System.Collections.Generic;

namespace Nonprofit.Signals;

/// <summary>A local maximum found by <see cref="PeakDetection"/>.</summary>
/// <param name="Index">The sample index (the first sample of a flat top).</param>
/// <param name="Value">The sample value.</param>
/// <param name="Prominence">How far it rises above the higher of the two lowest points that separate it from a higher peak (or the signal's end) on each side.</param>
public readonly record struct Peak(int Index, float Value, float Prominence);

/// <summary>Peak picking with a minimum height, prominence and distance (the scipy <c>find_peaks</c> rules).</summary>
public static class PeakDetection
{
    /// <summary>Finds the local maxima that satisfy the constraints, in index order.</summary>
    /// <param name="signal">The samples; NaN samples are never peaks and break prominence bases.</param>
    /// <param name="minHeight">The minimum value (use <see cref="float.NegativeInfinity"/> for none).</param>
    /// <param name="minProminence">The minimum prominence, ≥ 0.</param>
    /// <param name="minDistance">The minimum distance in samples between kept peaks, ≥ 1; when two are closer the higher one is kept.</param>
    /// <returns>The peaks.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minProminence"/> is negative or <paramref name="minDistance"/> below 1.</exception>
    public static IReadOnlyList<Peak> Find(ReadOnlySpan<float> signal, float minHeight = float.NegativeInfinity, float minProminence = 0, int minDistance = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minProminence);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDistance, 1);

        var candidates = new List<Peak>();
        var i = 1;
        while (i < signal.Length - 1)
        {
            if (signal[i] > signal[i - 1])
            {
                // Walk over a flat top.
                var j = i;
                while (j + 1 < signal.Length && signal[j + 1] == signal[i])
                {
                    j++;
                }

                if (j + 1 < signal.Length && signal[j + 1] < signal[i] && signal[i] >= minHeight)
                {
                    var prominence = Prominence(signal, i);
                    if (prominence >= minProminence)
                    {
                        candidates.Add(new Peak(i, signal[i], prominence));
                    }
                }

                i = j + 1;
            }
            else
            {
                i++;
            }
        }

        if (minDistance <= 1 || candidates.Count < 2)
        {
            return candidates;
        }

        // Keep the highest peaks first; drop any within minDistance of one already kept.
        var order = new List<int>(candidates.Count);
        for (var k = 0; k < candidates.Count; k++)
        {
            order.Add(k);
        }

        order.Sort((a, b) => candidates[b].Value.CompareTo(candidates[a].Value) is var c && c != 0 ? c : a.CompareTo(b));
        var keep = new bool[candidates.Count];
        var removed = new bool[candidates.Count];
        foreach (var k in order)
        {
            if (removed[k])
            {
                continue;
            }

            keep[k] = true;
            for (var m = k - 1; m >= 0 && candidates[k].Index - candidates[m].Index < minDistance; m--)
            {
                removed[m] = true;
            }

            for (var m = k + 1; m < candidates.Count && candidates[m].Index - candidates[k].Index < minDistance; m++)
            {
                removed[m] = true;
            }
        }

        var result = new List<Peak>();
        for (var k = 0; k < candidates.Count; k++)
        {
            if (keep[k])
            {
                result.Add(candidates[k]);
            }
        }

        return result;
    }

    private static float Prominence(ReadOnlySpan<float> x, int peak)
    {
        var value = x[peak];
        var leftMin = value;
        for (var k = peak - 1; k >= 0 && !(x[k] > value); k--)
        {
            leftMin = MathF.Min(leftMin, x[k]);
        }

        var rightMin = value;
        for (var k = peak + 1; k < x.Length && !(x[k] > value); k++)
        {
            rightMin = MathF.Min(rightMin, x[k]);
        }

        return value - MathF.Max(leftMin, rightMin);
    }
}
