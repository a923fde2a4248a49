using System;

namespace Nonprofit.Signals;

public static partial class SignalFilters
{
    /// <summary>
    /// Resamples by up/down with the anti-alias filter of <see cref="Resampler"/>: ceil(input.Length · up / down)
    /// outputs, the same as a <see cref="Resampler"/> fed the same samples in any chunks.
    /// </summary>
    /// <param name="input">The samples.</param>
    /// <param name="up">The up-sampling factor, 1 to 1000.</param>
    /// <param name="down">The down-sampling factor, 1 to 1000.</param>
    /// <param name="destination">Receives the outputs.</param>
    /// <returns>The number of outputs written.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A factor is out of range.</exception>
    /// <exception cref="ArgumentException">The destination is shorter than ceil(input.Length · up / down) (after reducing the ratio).</exception>
    public static int Resample(ReadOnlySpan<float> input, int up, int down, Span<float> destination) =>
        new Resampler(up, down).Process(input, destination);

    /// <summary>Decimates by an integer factor with an anti-alias low-pass (see <see cref="Resample"/>).</summary>
    /// <param name="input">The samples.</param>
    /// <param name="factor">The factor, 1 to 1000.</param>
    /// <param name="destination">Receives ceil(input.Length / factor) outputs.</param>
    /// <returns>The number of outputs written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public static int Decimate(ReadOnlySpan<float> input, int factor, Span<float> destination) => Resample(input, 1, factor, destination);
}
