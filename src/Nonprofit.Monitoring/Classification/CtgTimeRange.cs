using System;

namespace Nonprofit.Monitoring;

/// <summary>A stretch of a recording, in seconds from its start: <see cref="StartSeconds"/> inclusive to <see cref="EndSeconds"/> exclusive.</summary>
/// <param name="StartSeconds">The start, in seconds from the start of the recording.</param>
/// <param name="EndSeconds">The end, in seconds from the start of the recording; not before <paramref name="StartSeconds"/>.</param>
public readonly record struct CtgTimeRange(double StartSeconds, double EndSeconds)
{
    /// <summary>Gets the duration in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>Creates a range from sample indices at <paramref name="sampleRateHz"/>.</summary>
    /// <param name="startSample">The first sample.</param>
    /// <param name="endSample">The sample after the last one.</param>
    /// <param name="sampleRateHz">The sample rate in Hz.</param>
    /// <returns>The range in seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not positive and finite, or the end is before the start.</exception>
    public static CtgTimeRange FromSamples(int startSample, int endSample, double sampleRateHz)
    {
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be a positive finite number of hertz.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(endSample, startSample);
        return new CtgTimeRange(startSample / sampleRateHz, endSample / sampleRateHz);
    }

    /// <summary>Gets a value indicating whether the two ranges share some time.</summary>
    /// <param name="other">The other range.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(CtgTimeRange other) => StartSeconds < other.EndSeconds && other.StartSeconds < EndSeconds;

    internal (int Start, int End) ToSamples(double sampleRateHz, int length)
    {
        var start = (int)Math.Clamp(Math.Floor((StartSeconds * sampleRateHz) + 1e-9), 0, length);
        var end = (int)Math.Clamp(Math.Ceiling((EndSeconds * sampleRateHz) - 1e-9), start, length);
        return (start, end);
    }
}
