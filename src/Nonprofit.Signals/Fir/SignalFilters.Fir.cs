using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nonprofit.Signals;

public static partial class SignalFilters
{
    /// <summary>
    /// Direct-form FIR filtering with zero initial state:
    /// <c>destination[n] = Σ_k taps[k] · input[n − k]</c> for k = 0 … taps.Length − 1, with input[&lt; 0] = 0.
    /// Vectorised with <see cref="Vector{T}"/> (eight accumulators, fused multiply-add); every output sums its
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
    /// y.Length + T − 1 samples (history first).
    /// </summary>
    internal static void FirCore(ReadOnlySpan<float> padded, ReadOnlySpan<float> taps, Span<float> y)
    {
        var t = taps.Length;
        var w = Vector<float>.Count;
        ref var x0 = ref MemoryMarshal.GetReference(padded);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        var n = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Eight independent accumulators: enough fused multiply-adds in flight to cover their latency on two
            // FMA units (four accumulators cap the kernel at half of the FMA peak). Each output still sums its terms
            // in ascending k with fused multiply-adds, so the result is the same, bit for bit, as the loops below.
            for (; n <= y.Length - (8 * w); n += 8 * w)
            {
                Vector<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
                for (var k = 0; k < t; k++)
                {
                    var c = new Vector<float>(taps[k]);
                    ref var xs = ref Unsafe.Add(ref x0, n + t - 1 - k);
                    a0 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs), a0);
                    a1 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs, (nuint)w), a1);
                    a2 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs, (nuint)(2 * w)), a2);
                    a3 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs, (nuint)(3 * w)), a3);
                    a4 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs, (nuint)(4 * w)), a4);
                    a5 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs, (nuint)(5 * w)), a5);
                    a6 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs, (nuint)(6 * w)), a6);
                    a7 = Vector.FusedMultiplyAdd(c, Vector.LoadUnsafe(ref xs, (nuint)(7 * w)), a7);
                }

                a0.StoreUnsafe(ref y0, (nuint)n);
                a1.StoreUnsafe(ref y0, (nuint)(n + w));
                a2.StoreUnsafe(ref y0, (nuint)(n + (2 * w)));
                a3.StoreUnsafe(ref y0, (nuint)(n + (3 * w)));
                a4.StoreUnsafe(ref y0, (nuint)(n + (4 * w)));
                a5.StoreUnsafe(ref y0, (nuint)(n + (5 * w)));
                a6.StoreUnsafe(ref y0, (nuint)(n + (6 * w)));
                a7.StoreUnsafe(ref y0, (nuint)(n + (7 * w)));
            }

            for (; n <= y.Length - w; n += w)
            {
                Vector<float> a = default;
                for (var k = 0; k < t; k++)
                {
                    a = Vector.FusedMultiplyAdd(new Vector<float>(taps[k]), Vector.LoadUnsafe(ref x0, (nuint)(n + t - 1 - k)), a);
                }

                a.StoreUnsafe(ref y0, (nuint)n);
            }
        }

        for (; n < y.Length; n++)
        {
            var a = 0f;
            for (var k = 0; k < t; k++)
            {
                a = MathF.FusedMultiplyAdd(taps[k], padded[n + t - 1 - k], a);
            }

            y[n] = a;
        }
    }
}
