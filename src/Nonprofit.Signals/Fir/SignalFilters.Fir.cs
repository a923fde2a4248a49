using System;
using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nonprofit.Signals;

public static partial class SignalFilters
{
    /// <summary>
    /// Direct-form FIR filtering with zero initial state:
    /// <c>destination[n] = Σ_k taps[k] · input[n − k]</c> for k = 0 … taps.Length − 1, with input[&lt; 0] = 0.
    /// Vectorised with the widest of Vector512, Vector256 and Vector128 the machine accelerates (eight accumulators,
    /// fused multiply-add); every output sums its
    /// terms in the same order with fused multiply-adds, so <see cref="FirFilter"/> gives bit-identical output
    /// for any chunking.
    /// </summary>
    /// <param name="input">The samples.</param>
    /// <param name="taps">The impulse response, at least one finite tap.</param>
    /// <param name="destination">Receives input.Length samples; must not overlap <paramref name="input"/>.</param>
    /// <exception cref="ArgumentException">No taps, a tap is not finite, the destination is too short or overlaps the input.</exception>
    /// <remarks>A NaN in the input makes the next taps.Length outputs NaN.</remarks>
    public static void Fir(ReadOnlySpan<float> input, ReadOnlySpan<float> taps, Span<float> destination)
    {
        ValidateFirArguments(input, taps, destination);

        // Zero history in front of the input, so every output runs the same kernel.
        var history = taps.Length - 1;
        var padded = ArrayPool<float>.Shared.Rent(input.Length + history);
        try
        {
            var p = padded.AsSpan(0, input.Length + history);
            p[..history].Clear();
            input.CopyTo(p[history..]);
            FirCore(p, taps, destination[..input.Length]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(padded);
        }
    }

    private static void ValidateFirArguments(ReadOnlySpan<float> input, ReadOnlySpan<float> taps, Span<float> destination)
    {
        ValidateTaps(taps);
        if (destination.Length < input.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but the input has {input.Length}.", nameof(destination));
        }

        if (input.Overlaps(destination))
        {
            throw new ArgumentException("The destination overlaps the input; FIR filtering needs a separate destination.", nameof(destination));
        }
    }

    internal static void ValidateTaps(ReadOnlySpan<float> taps)
    {
        if (taps.IsEmpty)
        {
            throw new ArgumentException("A FIR filter needs at least one tap.", nameof(taps));
        }

        foreach (var t in taps)
        {
            if (!float.IsFinite(t))
            {
                throw new ArgumentException("FIR taps must be finite numbers.", nameof(taps));
            }
        }
    }

    /// <summary>
    /// y[n] = Σ_k taps[k] · padded[n + T − 1 − k], k ascending, with fused multiply-adds. padded has
    /// y.Length + T − 1 samples (history first). Runs on the widest vectors the machine accelerates
    /// (512, 256 or 128 bits), the rest sample by sample; every path sums each output's terms in the same order
    /// with fused multiply-adds, so the result is the same, bit for bit, whichever runs.
    /// </summary>
    internal static void FirCore(ReadOnlySpan<float> padded, ReadOnlySpan<float> taps, Span<float> y)
    {
        var n = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            n = FirVectors<Simd512, Vector512<float>>(padded, taps, y);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            n = FirVectors<Simd256, Vector256<float>>(padded, taps, y);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            n = FirVectors<Simd128, Vector128<float>>(padded, taps, y);
        }

        FirScalar(padded, taps, y, n);
    }

    /// <summary>The outputs from <paramref name="start"/> on, one at a time.</summary>
    internal static void FirScalar(ReadOnlySpan<float> padded, ReadOnlySpan<float> taps, Span<float> y, int start)
    {
        var t = taps.Length;
        for (var n = start; n < y.Length; n++)
        {
            var a = 0f;
            for (var k = 0; k < t; k++)
            {
                a = MathF.FusedMultiplyAdd(taps[k], padded[n + t - 1 - k], a);
            }

            y[n] = a;
        }
    }

    /// <summary>
    /// The outputs that fill whole vectors of <typeparamref name="TSimd"/>'s width; returns how many it wrote
    /// (the rest is for <see cref="FirScalar"/>).
    /// </summary>
    internal static int FirVectors<TSimd, TVector>(ReadOnlySpan<float> padded, ReadOnlySpan<float> taps, Span<float> y)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        var t = taps.Length;
        var w = TSimd.Count;
        ref var x0 = ref MemoryMarshal.GetReference(padded);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        var n = 0;

        // Eight independent accumulators: enough fused multiply-adds in flight to cover their latency on two
        // FMA units (four accumulators cap the kernel at half of the FMA peak). Each output still sums its terms
        // in ascending k with fused multiply-adds.
        for (; n <= y.Length - (8 * w); n += 8 * w)
        {
            TVector a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            for (var k = 0; k < t; k++)
            {
                var c = TSimd.Create(taps[k]);
                ref var xs = ref Unsafe.Add(ref x0, n + t - 1 - k);
                a0 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, 0), a0);
                a1 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, (nuint)w), a1);
                a2 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, (nuint)(2 * w)), a2);
                a3 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, (nuint)(3 * w)), a3);
                a4 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, (nuint)(4 * w)), a4);
                a5 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, (nuint)(5 * w)), a5);
                a6 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, (nuint)(6 * w)), a6);
                a7 = TSimd.FusedMultiplyAdd(c, TSimd.Load(ref xs, (nuint)(7 * w)), a7);
            }

            TSimd.Store(a0, ref y0, (nuint)n);
            TSimd.Store(a1, ref y0, (nuint)(n + w));
            TSimd.Store(a2, ref y0, (nuint)(n + (2 * w)));
            TSimd.Store(a3, ref y0, (nuint)(n + (3 * w)));
            TSimd.Store(a4, ref y0, (nuint)(n + (4 * w)));
            TSimd.Store(a5, ref y0, (nuint)(n + (5 * w)));
            TSimd.Store(a6, ref y0, (nuint)(n + (6 * w)));
            TSimd.Store(a7, ref y0, (nuint)(n + (7 * w)));
        }

        for (; n <= y.Length - w; n += w)
        {
            TVector a = default;
            for (var k = 0; k < t; k++)
            {
                a = TSimd.FusedMultiplyAdd(TSimd.Create(taps[k]), TSimd.Load(ref x0, (nuint)(n + t - 1 - k)), a);
            }

            TSimd.Store(a, ref y0, (nuint)n);
        }

        return n;
    }
}
