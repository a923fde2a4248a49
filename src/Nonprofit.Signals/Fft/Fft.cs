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
        var zr = ArrayPool<float>.Shared.Rent(h);
        var zi = ArrayPool<float>.Shared.Rent(h);
        try
        {
            for (var i = 0; i < h; i++)
            {
                zr[i] = input[2 * i];
                zi[i] = input[(2 * i) + 1];
            }

            FftPlan.Get(h).Forward(zr.AsSpan(0, h), zi.AsSpan(0, h));
            var (wr, wi) = s_realTwiddles.GetOrAdd(n, static len => RealTwiddles(len));
            for (var k = 0; k <= h; k++)
            {
                // X[k] = E[k] + w^k O[k], E = (Z[k] + conj Z[h−k]) / 2, O = (Z[k] − conj Z[h−k]) / 2i.
                var a = k % h;
                var b = (h - k) % h;
                float r1 = zr[a], i1 = zi[a], r2 = zr[b], i2 = -zi[b];
                var er = 0.5f * (r1 + r2);
                var ei = 0.5f * (i1 + i2);
                var oddRe = 0.5f * (i1 - i2);
                var oddIm = -0.5f * (r1 - r2);
                real[k] = er + ((wr[k] * oddRe) - (wi[k] * oddIm));
                imaginary[k] = ei + ((wr[k] * oddIm) + (wi[k] * oddRe));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(zr);
            ArrayPool<float>.Shared.Return(zi);
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
            for (var k = 0; k < m; k++)
            {
                r[k] = (r[k] * r[k]) + (i[k] * i[k]);
                i[k] = 0;
            }

            plan.Inverse(r, i);
            var scale = normalize ? (r[0] == 0 ? 0 : 1 / r[0]) : 1;
            for (var k = 0; k < destination.Length; k++)
            {
                destination[k] = r[k] * scale;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(re);
            ArrayPool<float>.Shared.Return(im);
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
