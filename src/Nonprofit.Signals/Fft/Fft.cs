using System;
using System.Buffers;
using System.Collections.Concurrent;

namespace Nonprofit.Signals;

/// <summary>Real-input transforms and FFT-based correlation on top of <see cref="FftPlan"/>.</summary>
public static class Fft
{
    private static readonly ConcurrentDictionary<int, (float[] Re, float[] Im)> s_realTwiddles = new();

    /// <summary>
    /// The forward transform of real samples: the N/2 + 1 non-redundant bins X[0 … N/2]
    /// (X[N − k] = conj(X[k]) gives the rest). Even lengths transform N/2 complex points and untangle them.
    /// </summary>
    /// <param name="input">N real samples, N ≥ 1.</param>
    /// <param name="real">Receives N/2 + 1 real parts.</param>
    /// <param name="imaginary">Receives N/2 + 1 imaginary parts.</param>
    /// <exception cref="ArgumentException">The input is empty or a destination is shorter than N/2 + 1.</exception>
    public static void ForwardReal(ReadOnlySpan<float> input, Span<float> real, Span<float> imaginary)
    {
        var n = input.Length;
        if (n == 0)
        {
            throw new ArgumentException("The input must have at least one sample.", nameof(input));
        }

        var bins = (n / 2) + 1;
        if (real.Length < bins || imaginary.Length < bins)
        {
            throw new ArgumentException($"Both destinations need {bins} elements for {n} samples.", nameof(real));
        }

        if (n % 2 == 1 || n == 2)
        {
            ForwardRealByComplex(input, real[..bins], imaginary[..bins]);
            return;
        }

        var h = n / 2;
        var z = ArrayPool<float>.Shared.Rent(2 * h);
        try
        {
            var zr = z.AsSpan(0, h);
            var zi = z.AsSpan(h, h);
            RealFftKernels.Deinterleave(input, zr, zi);
            FftPlan.Get(h).Forward(zr, zi);
            var (wr, wi) = s_realTwiddles.GetOrAdd(n, static len => RealTwiddles(len));
            RealFftKernels.Untangle(zr, zi, wr, wi, real[..bins], imaginary[..bins]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(z);
        }
    }

    /// <summary>
    /// Autocorrelation r[k] = Σ_n x[n] · x[n + k] for k = 0 … destination.Length − 1, through an FFT of at
    /// least 2N − 1 points (no circular wrap). With <paramref name="normalize"/>, r[k] / r[0] (all zeros when
    /// r[0] = 0).
    /// </summary>
    /// <param name="input">The samples.</param>
    /// <param name="destination">Receives the lags, at most input.Length of them.</param>
    /// <param name="normalize">Whether to divide by the zero-lag value.</param>
    /// <exception cref="ArgumentException">The destination is longer than the input.</exception>
    public static void AutoCorrelation(ReadOnlySpan<float> input, Span<float> destination, bool normalize = false)
    {
        if (destination.Length > input.Length)
        {
            throw new ArgumentException($"At most {input.Length} lags exist for {input.Length} samples.", nameof(destination));
        }

        if (input.IsEmpty)
        {
            return;
        }

        var m = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((2 * input.Length) - 1));
        var re = ArrayPool<float>.Shared.Rent(m);
        var im = ArrayPool<float>.Shared.Rent(m);
        try
        {
            var r = re.AsSpan(0, m);
            var i = im.AsSpan(0, m);
            r.Clear();
            i.Clear();
            input.CopyTo(r);
            var plan = FftPlan.Get(m);
            plan.Forward(r, i);
            System.Numerics.Tensors.TensorPrimitives.Multiply(r, r, r);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(i, i, r, r);   // |X[k]|²
            i.Clear();
            plan.Inverse(r, i);
            var scale = normalize ? (r[0] == 0 ? 0 : 1 / r[0]) : 1;
            System.Numerics.Tensors.TensorPrimitives.Multiply(r[..destination.Length], scale, destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(re);
            ArrayPool<float>.Shared.Return(im);
        }
    }

    /// <summary>
    /// Cross-correlation c[k] = Σ_n a[n + k] · b[n] for lags k = −(b.Length − 1) … a.Length − 1, written to
    /// <paramref name="destination"/> in that order (index 0 is lag −(b.Length − 1)), through one FFT of at least
    /// a.Length + b.Length − 1 points. With <paramref name="normalize"/>, divided by √(Σa² · Σb²) so that a
    /// perfect match is 1.
    /// </summary>
    /// <param name="a">The first signal.</param>
    /// <param name="b">The second signal.</param>
    /// <param name="destination">Receives a.Length + b.Length − 1 values.</param>
    /// <param name="normalize">Whether to normalise by the energies.</param>
    /// <exception cref="ArgumentException">A signal is empty or the destination is shorter than a.Length + b.Length − 1.</exception>
    public static void CrossCorrelation(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, bool normalize = false)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            throw new ArgumentException("Both signals need at least one sample.", a.IsEmpty ? nameof(a) : nameof(b));
        }

        var total = a.Length + b.Length - 1;
        if (destination.Length < total)
        {
            throw new ArgumentException($"The destination needs {total} elements (a.Length + b.Length − 1).", nameof(destination));
        }

        var m = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)total);
        var ar = ArrayPool<float>.Shared.Rent(m);
        var ai = ArrayPool<float>.Shared.Rent(m);
        var br = ArrayPool<float>.Shared.Rent(m);
        var bi = ArrayPool<float>.Shared.Rent(m);
        try
        {
            Span<float> xr = ar.AsSpan(0, m), xi = ai.AsSpan(0, m), yr = br.AsSpan(0, m), yi = bi.AsSpan(0, m);
            xr.Clear();
            xi.Clear();
            yr.Clear();
            yi.Clear();
            a.CopyTo(xr);
            b.CopyTo(yr);
            var plan = FftPlan.Get(m);
            plan.Forward(xr, xi);
            plan.Forward(yr, yi);
            for (var k = 0; k < m; k++)
            {
                // A · conj(B)
                var r = (xr[k] * yr[k]) + (xi[k] * yi[k]);
                var i = (xi[k] * yr[k]) - (xr[k] * yi[k]);
                xr[k] = r;
                xi[k] = i;
            }

            plan.Inverse(xr, xi);
            var scale = 1.0;
            if (normalize)
            {
                var energy = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(a) * (double)System.Numerics.Tensors.TensorPrimitives.SumOfSquares(b));
                scale = energy == 0 ? 0 : 1 / energy;
            }

            // Negative lags wrap to the end of the circular result.
            for (var k = 0; k < total; k++)
            {
                var lag = k - (b.Length - 1);
                destination[k] = (float)(xr[lag >= 0 ? lag : m + lag] * scale);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(ar);
            ArrayPool<float>.Shared.Return(ai);
            ArrayPool<float>.Shared.Return(br);
            ArrayPool<float>.Shared.Return(bi);
        }
    }

    /// <summary>
    /// Welch's power spectral density: the signal cut into segments (with overlap), each windowed and
    /// transformed, the periodograms averaged, one-sided, scaled to power per hertz (scipy's
    /// <c>scaling='density'</c>, <c>detrend=False</c>; note that <see cref="Windows"/> are symmetric where scipy's default
    /// Hann is periodic). The frequency of bin k is k · sampleRate / segmentLength.
    /// </summary>
    /// <param name="input">The samples, at least <paramref name="segmentLength"/> of them.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <param name="segmentLength">The segment (FFT) length, at least 2.</param>
    /// <param name="overlap">The samples shared by consecutive segments, 0 to segmentLength − 1.</param>
    /// <param name="window">The window applied to each segment.</param>
    /// <param name="destination">Receives segmentLength / 2 + 1 densities.</param>
    /// <exception cref="ArgumentException">The input is shorter than a segment or the destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length, the overlap or the sample rate is out of range.</exception>
    public static void WelchPsd(ReadOnlySpan<float> input, double sampleRateHz, int segmentLength, int overlap, WindowKind window, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentLength, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlap, segmentLength);
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be a positive finite number.");
        }

        if (input.Length < segmentLength)
        {
            throw new ArgumentException($"The input has {input.Length} samples, fewer than one segment of {segmentLength}.", nameof(input));
        }

        var bins = (segmentLength / 2) + 1;
        if (destination.Length < bins)
        {
            throw new ArgumentException($"The destination needs {bins} elements.", nameof(destination));
        }

        var w = ArrayPool<float>.Shared.Rent(segmentLength);
        var seg = ArrayPool<float>.Shared.Rent(segmentLength);
        var re = ArrayPool<float>.Shared.Rent(bins);
        var im = ArrayPool<float>.Shared.Rent(bins);
        var acc = ArrayPool<double>.Shared.Rent(bins);
        try
        {
            var win = w.AsSpan(0, segmentLength);
            Windows.Fill(window, win);
            var windowPower = System.Numerics.Tensors.TensorPrimitives.SumOfSquares(win);
            var sum = acc.AsSpan(0, bins);
            sum.Clear();
            var step = segmentLength - overlap;
            var segments = 0;
            for (var start = 0; start + segmentLength <= input.Length; start += step)
            {
                var s = seg.AsSpan(0, segmentLength);
                System.Numerics.Tensors.TensorPrimitives.Multiply(input.Slice(start, segmentLength), win, s);
                ForwardReal(s, re.AsSpan(0, bins), im.AsSpan(0, bins));
                for (var k = 0; k < bins; k++)
                {
                    sum[k] += ((double)re[k] * re[k]) + ((double)im[k] * im[k]);
                }

                segments++;
            }

            var scale = 1.0 / (sampleRateHz * windowPower * segments);
            for (var k = 0; k < bins; k++)
            {
                // One-sided: double every bin but DC and (for even lengths) Nyquist.
                var oneSided = k == 0 || (segmentLength % 2 == 0 && k == bins - 1) ? 1 : 2;
                destination[k] = (float)(sum[k] * scale * oneSided);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(w);
            ArrayPool<float>.Shared.Return(seg);
            ArrayPool<float>.Shared.Return(re);
            ArrayPool<float>.Shared.Return(im);
            ArrayPool<double>.Shared.Return(acc);
        }
    }

    private static void ForwardRealByComplex(ReadOnlySpan<float> input, Span<float> real, Span<float> imaginary)
    {
        var n = input.Length;
        var re = ArrayPool<float>.Shared.Rent(n);
        var im = ArrayPool<float>.Shared.Rent(n);
        try
        {
            input.CopyTo(re);
            Array.Clear(im, 0, n);
            FftPlan.Get(n).Forward(re.AsSpan(0, n), im.AsSpan(0, n));
            re.AsSpan(0, real.Length).CopyTo(real);
            im.AsSpan(0, imaginary.Length).CopyTo(imaginary);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(re);
            ArrayPool<float>.Shared.Return(im);
        }
    }

    private static (float[] Re, float[] Im) RealTwiddles(int n)
    {
        var re = new float[(n / 2) + 1];
        var im = new float[(n / 2) + 1];
        for (var k = 0; k <= n / 2; k++)
        {
            var angle = -2 * Math.PI * k / n;
            re[k] = (float)Math.Cos(angle);
            im[k] = (float)Math.Sin(angle);
        }

        return (re, im);
    }
}
