using System;
using System.Collections.Generic;

namespace Nonprofit.Monitoring;

/// <summary>Builds an <see cref="FhrSegment"/> mask from preprocessing flags and event intervals.</summary>
public static class FhrSegmentMask
{
    /// <summary>Marks every sample that <see cref="CtgPreprocessor"/> removed or interpolated as <see cref="FhrSegment.Unreliable"/>.</summary>
    /// <param name="status">The preprocessing status per sample.</param>
    /// <param name="mask">The mask to update; as long as <paramref name="status"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void MarkUnreliable(ReadOnlySpan<FhrSampleStatus> status, Span<FhrSegment> mask)
    {
        if (mask.Length != status.Length)
        {
            throw new ArgumentException("The mask must be as long as the status span.", nameof(mask));
        }

        for (var i = 0; i < status.Length; i++)
        {
            if ((status[i] & (CtgPreprocessor.Removed | FhrSampleStatus.Interpolated)) != 0)
            {
                mask[i] |= FhrSegment.Unreliable;
            }
        }
    }

    /// <summary>Adds <paramref name="kind"/> to the samples of each range (clamped to the mask).</summary>
    /// <param name="ranges">The ranges, in seconds.</param>
    /// <param name="kind">The flag to add.</param>
    /// <param name="sampleRateHz">The sample rate of the mask, in Hz.</param>
    /// <param name="mask">The mask to update.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not positive and finite.</exception>
    public static void Mark(IEnumerable<CtgTimeRange> ranges, FhrSegment kind, double sampleRateHz, Span<FhrSegment> mask)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be a positive finite number of hertz.");
        }

        foreach (var range in ranges)
        {
            var (start, end) = range.ToSamples(sampleRateHz, mask.Length);
            for (var i = start; i < end; i++)
            {
                mask[i] |= kind;
            }
        }
    }
}
