using System;

namespace Nonprofit.Signals;

/// <summary>
/// Trailing-window statistics over spans: destination[n] summarises input[max(0, n − w + 1) … n] (a growing
/// window at the start). Mean and variance cost O(1) per sample, the median O(log w).
/// </summary>
public static class MovingStatistics
{
    /// <summary>The moving median (see <see cref="MovingMedian"/>; the offline call gives the same values).</summary>
    /// <param name="input">The samples.</param>
    /// <param name="window">The window length, at least 1.</param>
    /// <param name="destination">Receives input.Length medians (in place allowed).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static void Median(ReadOnlySpan<float> input, int window, Span<float> destination) =>
        new MovingMedian(window).Process(input, destination);

    /// <summary>The moving mean, with a running sum in double precision.</summary>
    /// <param name="input">The samples.</param>
    /// <param name="window">The window length, at least 1.</param>
    /// <param name="destination">Receives input.Length means; must not overlap the input.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <remarks>A NaN stays in the running sum: every later output is NaN.</remarks>
    public static void Mean(ReadOnlySpan<float> input, int window, Span<float> destination)
    {
        Check(input, window, destination);
        double sum = 0;
        for (var n = 0; n < input.Length; n++)
        {
            var leaving = n >= window ? input[n - window] : 0f;
            sum += input[n];
            if (n >= window)
            {
                sum -= leaving;
            }

            destination[n] = (float)(sum / Math.Min(n + 1, window));
        }
    }

    /// <summary>The moving population variance, updated with a sliding Welford step in double precision.</summary>
    /// <param name="input">The samples.</param>
    /// <param name="window">The window length, at least 1.</param>
    /// <param name="destination">Receives input.Length variances; must not overlap the input.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static void Variance(ReadOnlySpan<float> input, int window, Span<float> destination)
    {
        Check(input, window, destination);
        double mean = 0, m2 = 0;
        for (var n = 0; n < input.Length; n++)
        {
            double x = input[n];
            if (n < window)
            {
                var count = n + 1;
                var delta = x - mean;
                mean += delta / count;
                m2 += delta * (x - mean);
                destination[n] = (float)Math.Max(0, m2 / count);
            }
            else
            {
                double old = input[n - window];
                var newMean = mean + ((x - old) / window);
                m2 += (x - old) * (x - newMean + old - mean);
                mean = newMean;
                destination[n] = (float)Math.Max(0, m2 / window);
            }
        }
    }

    private static void Check(ReadOnlySpan<float> input, int window, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (destination.Length < input.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but the input has {input.Length}.", nameof(destination));
        }

        // The sample leaving the window is read back from the input, so the output needs its own memory.
        if (input.Overlaps(destination))
        {
            throw new ArgumentException("The destination overlaps the input; moving statistics need a separate destination.", nameof(destination));
        }
    }
}
