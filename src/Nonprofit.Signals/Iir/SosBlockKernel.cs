using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nonprofit.Signals;

/// <summary>
/// The second-order-section cascade in blocks of <see cref="Block"/> samples, in double precision.
/// </summary>
/// <remarks>
/// <para>
/// A biquad's transposed direct form II is the state-space system s' = A·s + B·x, y = C·s + D·x with
/// s = (w1, w2), A = [[−a1, 1], [−a2, 0]], B = (b1 − a1·b0, b2 − a2·b0), C = (1, 0), D = b0. Sample by sample,
/// every output waits for the previous one through two dependent fused multiply-adds: the loop is bound by
/// the latency of that chain (about 9 cycles a sample), not by arithmetic. Over a block of L samples the same
/// system reads
/// y[j] = C·A^j·s + Σ_{k≤j} h[j−k]·x[k] and s_L = A^L·s + Σ_k A^(L−1−k)·B·x[k]
/// (h is the impulse response): the L outputs are independent of each other and computed as vectors
/// (two <see cref="Vector256{T}"/> of double for L = 8), and only the 2×2 update of s stays serial, once a
/// block instead of once a sample. The loop becomes bound by throughput instead of latency.
/// </para>
/// <para>
/// Blocks are counted from the first sample the filter ever saw, whatever the chunking: a streaming filter
/// keeps the inputs of an unfinished block (<c>phase</c> of them) and computes their outputs with the same
/// operations, in the same order, as the whole block will, with the missing inputs as zeros, which add
/// exactly nothing. So offline and streaming give equal outputs for any chunking. A block that holds a NaN
/// or an infinity is computed with per-lane masks, so a non-finite input never reaches the outputs before it.
/// </para>
/// </remarks>
internal static class SosBlockKernel
{
    /// <summary>Samples per block.</summary>
    internal const int Block = 8;

    /// <summary>Doubles of precomputed coefficients per section.</summary>
    internal const int CoefficientStride = 84;

    /// <summary>Doubles of state per section: w1, w2 at the start of the current block, then its pending inputs.</summary>
    internal const int StateStride = 2 + Block;

    // Offsets into one section's coefficients.
    private const int G1 = 0;   // C·A^j, first component, j = 0..7
    private const int G2 = 8;   // C·A^j, second component
    private const int HLo = 16; // column k = 0..3 of the block's lower-triangular Toeplitz matrix, rows j = 0..3
    private const int HHi = 32; // column k = 0..7, rows j = 4..7
    private const int F1 = 64;  // A^(L−1−k)·B, first component, k = 0..7
    private const int F2 = 72;  // second component
    private const int AL = 80;  // A^L row-major

    /// <summary>Gets whether the block kernel runs on this machine (otherwise the sample-by-sample loop does).</summary>
    internal static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Fills <paramref name="coefficients"/> (<see cref="CoefficientStride"/> per section).</summary>
    internal static void Precompute(ReadOnlySpan<Biquad> sections, Span<double> coefficients)
    {
        Span<double> h = stackalloc double[Block];
        for (var s = 0; s < sections.Length; s++)
        {
            var c = coefficients.Slice(s * CoefficientStride, CoefficientStride);
            c.Clear();
            var q = sections[s];
            double a1 = q.A1, a2 = q.A2, b0 = q.B0;
            double bu = q.B1 - (a1 * b0), bv = q.B2 - (a2 * b0);

            // Rows r_j = C·A^j and the impulse response h[0] = D, h[m] = r_{m−1}·B.
            h[0] = b0;
            double r1 = 1, r2 = 0;
            for (var j = 0; j < Block; j++)
            {
                c[G1 + j] = r1;
                c[G2 + j] = r2;
                if (j + 1 < Block)
                {
                    h[j + 1] = (r1 * bu) + (r2 * bv);
                }

                (r1, r2) = ((-a1 * r1) - (a2 * r2), r1);
            }

            for (var k = 0; k < Block; k++)
            {
                for (var lane = 0; lane < 4; lane++)
                {
                    if (k < 4 && lane >= k)
                    {
                        c[HLo + (4 * k) + lane] = h[lane - k];
                    }

                    var j = 4 + lane;
                    if (j >= k)
                    {
                        c[HHi + (4 * k) + lane] = h[j - k];
                    }
                }
            }

            // Columns A^i·B, i = 0..L−1, stored at k = L−1−i.
            double u1 = bu, u2 = bv;
            for (var i = 0; i < Block; i++)
            {
                c[F1 + (Block - 1 - i)] = u1;
                c[F2 + (Block - 1 - i)] = u2;
                (u1, u2) = ((-a1 * u1) + u2, -a2 * u1);
            }

            // A^L by repeated multiplication.
            double m11 = 1, m12 = 0, m21 = 0, m22 = 1;
            for (var i = 0; i < Block; i++)
            {
                (m11, m12, m21, m22) = ((-a1 * m11) + m21, (-a1 * m12) + m22, -a2 * m11, -a2 * m12);
            }

            c[AL] = m11;
            c[AL + 1] = m12;
            c[AL + 2] = m21;
            c[AL + 3] = m22;
        }
    }

    /// <summary>
    /// Runs the cascade from <paramref name="input"/> into <paramref name="y"/> (the same memory or apart), a tile at a
    /// time in double precision. <paramref name="phase"/> is the number of inputs of the
    /// current block seen before this call (0 offline) and is advanced.
    /// </summary>
    internal static void Cascade<T>(ReadOnlySpan<T> input, Span<T> y, ReadOnlySpan<double> coefficients, int sectionCount, Span<double> state, ref int phase)
        where T : unmanaged
    {
        const int Tile = 256;
        Span<double> tile = stackalloc double[Tile];
        for (var start = 0; start < y.Length; start += Tile)
        {
            var part = y.Slice(start, Math.Min(Tile, y.Length - start));
            var t = tile[..part.Length];
            Load(input.Slice(start, part.Length), t);
            for (var s = 0; s < sectionCount; s++)
            {
                Section(t, coefficients.Slice(s * CoefficientStride, CoefficientStride), state.Slice(s * StateStride, StateStride), phase);
            }

            Store(t, part);
            phase = (phase + part.Length) % Block;
        }
    }

    private static void Section(Span<double> d, ReadOnlySpan<double> c, Span<double> st, int phase)
    {
        var i = 0;
        Span<double> block = stackalloc double[Block];
        if (phase > 0)
        {
            // Finish (or extend) the block left open by the previous call.
            var take = Math.Min(Block - phase, d.Length);
            block.Clear();
            st.Slice(2, phase).CopyTo(block);
            d[..take].CopyTo(block[phase..]);
            if (phase + take == Block)
            {
                ProcessBlock(block, c, ref st[0], ref st[1], updateState: true);
            }
            else
            {
                d[..take].CopyTo(st[(2 + phase)..]);
                ProcessBlock(block, c, ref st[0], ref st[1], updateState: false);
            }

            block.Slice(phase, take).CopyTo(d);
            i = take;
        }

        ref var w1 = ref st[0];
        ref var w2 = ref st[1];
        var blocks = (d.Length - i) / Block;
        FullBlocks(d.Slice(i, blocks * Block), c, ref w1, ref w2);
        i += blocks * Block;

        var rest = d.Length - i;
        if (rest > 0)
        {
            // Open a block: keep its inputs, give the outputs it has so far.
            d[i..].CopyTo(st[2..]);
            block.Clear();
            d[i..].CopyTo(block);
            ProcessBlock(block, c, ref w1, ref w2, updateState: false);
            block[..rest].CopyTo(d[i..]);
        }
    }

    /// <summary>
    /// The hot loop over whole blocks, unrolled by hand, state in registers; a block holding a non-finite input
    /// goes through <see cref="ProcessBlock"/>, whose lanes give the same values.
    /// </summary>
    private static void FullBlocks(Span<double> d, ReadOnlySpan<double> c, ref double state1, ref double state2)
    {
        ref var cr = ref MemoryMarshal.GetReference(c);
        ref var x = ref MemoryMarshal.GetReference(d);
        var g1Lo = Vector256.LoadUnsafe(ref cr, G1);
        var g1Hi = Vector256.LoadUnsafe(ref cr, G1 + 4);
        var g2Lo = Vector256.LoadUnsafe(ref cr, G2);
        var g2Hi = Vector256.LoadUnsafe(ref cr, G2 + 4);
        var f1Lo = Vector256.LoadUnsafe(ref cr, F1);
        var f1Hi = Vector256.LoadUnsafe(ref cr, F1 + 4);
        var f2Lo = Vector256.LoadUnsafe(ref cr, F2);
        var f2Hi = Vector256.LoadUnsafe(ref cr, F2 + 4);
        double a11 = Unsafe.Add(ref cr, AL), a12 = Unsafe.Add(ref cr, AL + 1), a21 = Unsafe.Add(ref cr, AL + 2), a22 = Unsafe.Add(ref cr, AL + 3);
        double w1 = state1, w2 = state2;
        for (var i = 0; i < d.Length; i += Block)
        {
            ref var xr = ref Unsafe.Add(ref x, i);
            var xLo = Vector256.LoadUnsafe(ref xr);
            var xHi = Vector256.LoadUnsafe(ref xr, 4);
            if (!Vector256.EqualsAll((xLo - xLo) + (xHi - xHi), Vector256<double>.Zero))
            {
                ProcessBlock(d.Slice(i, Block), c, ref w1, ref w2, updateState: true);
                continue;
            }

            var bw1 = Vector256.Create(w1);
            var bw2 = Vector256.Create(w2);
            var yLo = Vector256.FusedMultiplyAdd(g2Lo, bw2, g1Lo * bw1);
            var yHi = Vector256.FusedMultiplyAdd(g2Hi, bw2, g1Hi * bw1);
            var x0 = Vector256.Create(xr);
            yLo = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref cr, HLo), yLo);
            yHi = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref cr, HHi), yHi);
            var x1 = Vector256.Create(Unsafe.Add(ref xr, 1));
            yLo = Vector256.FusedMultiplyAdd(x1, Vector256.LoadUnsafe(ref cr, HLo + 4), yLo);
            yHi = Vector256.FusedMultiplyAdd(x1, Vector256.LoadUnsafe(ref cr, HHi + 4), yHi);
            var x2 = Vector256.Create(Unsafe.Add(ref xr, 2));
            yLo = Vector256.FusedMultiplyAdd(x2, Vector256.LoadUnsafe(ref cr, HLo + 8), yLo);
            yHi = Vector256.FusedMultiplyAdd(x2, Vector256.LoadUnsafe(ref cr, HHi + 8), yHi);
            var x3 = Vector256.Create(Unsafe.Add(ref xr, 3));
            yLo = Vector256.FusedMultiplyAdd(x3, Vector256.LoadUnsafe(ref cr, HLo + 12), yLo);
            yHi = Vector256.FusedMultiplyAdd(x3, Vector256.LoadUnsafe(ref cr, HHi + 12), yHi);
            yHi = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, 4)), Vector256.LoadUnsafe(ref cr, HHi + 16), yHi);
            yHi = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, 5)), Vector256.LoadUnsafe(ref cr, HHi + 20), yHi);
            yHi = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, 6)), Vector256.LoadUnsafe(ref cr, HHi + 24), yHi);
            yHi = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, 7)), Vector256.LoadUnsafe(ref cr, HHi + 28), yHi);

            var s1 = Vector256.Sum(Vector256.FusedMultiplyAdd(f1Hi, xHi, f1Lo * xLo));
            var s2 = Vector256.Sum(Vector256.FusedMultiplyAdd(f2Hi, xHi, f2Lo * xLo));
            var old1 = w1;
            w1 = Math.FusedMultiplyAdd(a11, old1, Math.FusedMultiplyAdd(a12, w2, s1));
            w2 = Math.FusedMultiplyAdd(a21, old1, Math.FusedMultiplyAdd(a22, w2, s2));
            yLo.StoreUnsafe(ref xr);
            yHi.StoreUnsafe(ref xr, 4);
        }

        state1 = w1;
        state2 = w2;
    }

    /// <summary>Replaces the eight inputs in <paramref name="x"/> by the outputs; updates the state when the block is complete.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ProcessBlock(Span<double> x, ReadOnlySpan<double> c, ref double w1, ref double w2, bool updateState)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var cr = ref MemoryMarshal.GetReference(c);
        var xLo = Vector256.LoadUnsafe(ref xr);
        var xHi = Vector256.LoadUnsafe(ref xr, 4);
        var bw1 = Vector256.Create(w1);
        var bw2 = Vector256.Create(w2);
        var yLo = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref cr, G2), bw2, Vector256.LoadUnsafe(ref cr, G1) * bw1);
        var yHi = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref cr, G2 + 4), bw2, Vector256.LoadUnsafe(ref cr, G1 + 4) * bw1);

        // x − x is 0 for every finite x and NaN otherwise.
        var finite = Vector256.EqualsAll((xLo - xLo) + (xHi - xHi), Vector256<double>.Zero);
        if (finite)
        {
            for (var k = 0; k < 4; k++)
            {
                var xk = Vector256.Create(Unsafe.Add(ref xr, k));
                yLo = Vector256.FusedMultiplyAdd(xk, Vector256.LoadUnsafe(ref cr, (nuint)(HLo + (4 * k))), yLo);
                yHi = Vector256.FusedMultiplyAdd(xk, Vector256.LoadUnsafe(ref cr, (nuint)(HHi + (4 * k))), yHi);
            }

            for (var k = 4; k < Block; k++)
            {
                var xk = Vector256.Create(Unsafe.Add(ref xr, k));
                yHi = Vector256.FusedMultiplyAdd(xk, Vector256.LoadUnsafe(ref cr, (nuint)(HHi + (4 * k))), yHi);
            }
        }
        else
        {
            // Lane j takes input k only when k ≤ j, so a NaN or infinity never reaches earlier outputs.
            var laneLo = Vector256.Create(0.0, 1, 2, 3);
            var laneHi = Vector256.Create(4.0, 5, 6, 7);
            for (var k = 0; k < Block; k++)
            {
                var xk = Vector256.Create(Unsafe.Add(ref xr, k));
                var kk = Vector256.Create((double)k);
                if (k < 4)
                {
                    var lo = Vector256.FusedMultiplyAdd(xk, Vector256.LoadUnsafe(ref cr, (nuint)(HLo + (4 * k))), yLo);
                    yLo = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(laneLo, kk), lo, yLo);
                }

                var hi = Vector256.FusedMultiplyAdd(xk, Vector256.LoadUnsafe(ref cr, (nuint)(HHi + (4 * k))), yHi);
                yHi = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(laneHi, kk), hi, yHi);
            }
        }

        if (updateState)
        {
            var p1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref cr, F1 + 4), xHi, Vector256.LoadUnsafe(ref cr, F1) * xLo);
            var p2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref cr, F2 + 4), xHi, Vector256.LoadUnsafe(ref cr, F2) * xLo);
            var s1 = Vector256.Sum(p1);
            var s2 = Vector256.Sum(p2);
            var old1 = w1;
            var old2 = w2;
            w1 = Math.FusedMultiplyAdd(Unsafe.Add(ref cr, AL), old1, Math.FusedMultiplyAdd(Unsafe.Add(ref cr, AL + 1), old2, s1));
            w2 = Math.FusedMultiplyAdd(Unsafe.Add(ref cr, AL + 2), old1, Math.FusedMultiplyAdd(Unsafe.Add(ref cr, AL + 3), old2, s2));
        }

        yLo.StoreUnsafe(ref xr);
        yHi.StoreUnsafe(ref xr, 4);
    }

    private static void Load<T>(ReadOnlySpan<T> source, Span<double> destination)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            MemoryMarshal.Cast<T, double>(source).CopyTo(destination);
        }
        else
        {
            Widen(MemoryMarshal.Cast<T, float>(source), destination);
        }
    }

    private static void Store<T>(ReadOnlySpan<double> source, Span<T> destination)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            source.CopyTo(MemoryMarshal.Cast<T, double>(destination));
        }
        else
        {
            Narrow(source, MemoryMarshal.Cast<T, float>(destination));
        }
    }

    private static void Widen(ReadOnlySpan<float> source, Span<double> destination)
    {
        var i = 0;
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var d = ref MemoryMarshal.GetReference(destination);
        for (; i <= source.Length - 8; i += 8)
        {
            var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref s, (nuint)i));
            lower.StoreUnsafe(ref d, (nuint)i);
            upper.StoreUnsafe(ref d, (nuint)(i + 4));
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    private static void Narrow(ReadOnlySpan<double> source, Span<float> destination)
    {
        var i = 0;
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var d = ref MemoryMarshal.GetReference(destination);
        for (; i <= source.Length - 8; i += 8)
        {
            Vector256.Narrow(Vector256.LoadUnsafe(ref s, (nuint)i), Vector256.LoadUnsafe(ref s, (nuint)(i + 4))).StoreUnsafe(ref d, (nuint)i);
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (float)source[i];
        }
    }
}
