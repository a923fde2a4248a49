using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Nonprofit.Signals;

/// <summary>
/// The passes of a radix-4 Stockham (self-sorting, decimation-in-frequency) FFT on split real/imaginary arrays.
/// A pass of length n = 4m and stride s (n · s = N) reads x and writes y:
/// y[q + s(4p + t)] = w^(tp) · Σ_j x[q + s(p + jm)] · (−i)^(jt), w = e^(−2πi/n), p &lt; m, q &lt; s, t, j &lt; 4.
/// In the linear index L = p·s + q (0 ≤ L &lt; N/4) the inputs are always x[L + j·N/4].
/// </summary>
internal static class StockhamKernels
{
    /// <summary>Floats of twiddles per p in a broadcast table: w^p, w^2p, w^3p as (re, im) pairs.</summary>
    internal const int TwiddlesPerP = 6;

    /// <summary>Lanes of the shuffle kernels for the narrow passes (s = 1 and s = 4).</summary>
    internal const int NarrowLanes = 8;

    /// <summary>Whether the 256-bit shuffle kernels for the narrow passes can run on this machine.</summary>
    internal static bool NarrowKernelsSupported => Avx.IsSupported && Vector<float>.Count == NarrowLanes;

    /// <summary>
    /// One radix-4 pass with the twiddles of each p broadcast: vectorised over q when s is a multiple of the
    /// vector width, scalar otherwise. Safe in place when m = 1 (every q reads and writes the same four slots).
    /// </summary>
    public static void Pass(ref float xr, ref float xi, ref float yr, ref float yi, int quarter, int s, int m, ref float twiddles)
    {
        var w = Vector<float>.Count;
        var vector = Vector.IsHardwareAccelerated && s >= w;
        for (var p = 0; p < m; p++)
        {
            var inBase = p * s;
            var outBase = 4 * p * s;
            ref var tw = ref Unsafe.Add(ref twiddles, TwiddlesPerP * p);
            if (vector)
            {
                var tw1r = new Vector<float>(tw);
                var tw1i = new Vector<float>(Unsafe.Add(ref tw, 1));
                var tw2r = new Vector<float>(Unsafe.Add(ref tw, 2));
                var tw2i = new Vector<float>(Unsafe.Add(ref tw, 3));
                var tw3r = new Vector<float>(Unsafe.Add(ref tw, 4));
                var tw3i = new Vector<float>(Unsafe.Add(ref tw, 5));
                for (var q = 0; q < s; q += w)
                {
                    var l = (nuint)(inBase + q);
                    var o = (nuint)(outBase + q);
                    Butterfly(
                        Vector.LoadUnsafe(ref xr, l), Vector.LoadUnsafe(ref xi, l),
                        Vector.LoadUnsafe(ref xr, l + (nuint)quarter), Vector.LoadUnsafe(ref xi, l + (nuint)quarter),
                        Vector.LoadUnsafe(ref xr, l + (nuint)(2 * quarter)), Vector.LoadUnsafe(ref xi, l + (nuint)(2 * quarter)),
                        Vector.LoadUnsafe(ref xr, l + (nuint)(3 * quarter)), Vector.LoadUnsafe(ref xi, l + (nuint)(3 * quarter)),
                        out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
                    if (p != 0)
                    {
                        Rotate(ref y1r, ref y1i, tw1r, tw1i);
                        Rotate(ref y2r, ref y2i, tw2r, tw2i);
                        Rotate(ref y3r, ref y3i, tw3r, tw3i);
                    }

                    y0r.StoreUnsafe(ref yr, o);
                    y0i.StoreUnsafe(ref yi, o);
                    y1r.StoreUnsafe(ref yr, o + (nuint)s);
                    y1i.StoreUnsafe(ref yi, o + (nuint)s);
                    y2r.StoreUnsafe(ref yr, o + (nuint)(2 * s));
                    y2i.StoreUnsafe(ref yi, o + (nuint)(2 * s));
                    y3r.StoreUnsafe(ref yr, o + (nuint)(3 * s));
                    y3i.StoreUnsafe(ref yi, o + (nuint)(3 * s));
                }
            }
            else
            {
                for (var q = 0; q < s; q++)
                {
                    ScalarButterfly(ref xr, ref xi, ref yr, ref yi, inBase + q, outBase + q, quarter, s, ref tw);
                }
            }
        }
    }

    /// <summary>
    /// The pass of stride 1 (the first one) for N/4 ≥ 8: eight consecutive p per step, twiddles from the
    /// expanded table (48 floats per step), the four outputs of each p written next to each other by a 4 × 8
    /// transpose in registers.
    /// </summary>
    public static void NarrowPassStride1(ref float xr, ref float xi, ref float yr, ref float yi, int quarter, ref float twiddles)
    {
        for (var l = 0; l < quarter; l += NarrowLanes)
        {
            NarrowButterfly(ref xr, ref xi, l, quarter, ref twiddles, out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
            StoreTransposed(ref Unsafe.Add(ref yr, 4 * l), y0r, y1r, y2r, y3r);
            StoreTransposed(ref Unsafe.Add(ref yi, 4 * l), y0i, y1i, y2i, y3i);
        }
    }

    /// <summary>
    /// The pass of stride 4 (the second one) for N/4 ≥ 8: two p of four q per step, the 128-bit halves of the
    /// four outputs written to the two p's 16-float output blocks.
    /// </summary>
    public static void NarrowPassStride4(ref float xr, ref float xi, ref float yr, ref float yi, int quarter, ref float twiddles)
    {
        for (var l = 0; l < quarter; l += NarrowLanes)
        {
            NarrowButterfly(ref xr, ref xi, l, quarter, ref twiddles, out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
            StoreHalves(ref Unsafe.Add(ref yr, 4 * l), y0r.AsVector256(), y1r.AsVector256(), y2r.AsVector256(), y3r.AsVector256());
            StoreHalves(ref Unsafe.Add(ref yi, 4 * l), y0i.AsVector256(), y1i.AsVector256(), y2i.AsVector256(), y3i.AsVector256());
        }
    }

    /// <summary>The last radix-2 pass (n = 2, stride s = N/2): y[q] = x[q] + x[q + s], y[q + s] = x[q] − x[q + s]; safe in place.</summary>
    public static void Radix2Pass(ref float xr, ref float xi, ref float yr, ref float yi, int s)
    {
        var q = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; q <= s - Vector<float>.Count; q += Vector<float>.Count)
            {
                var u = (nuint)q;
                var v = (nuint)(q + s);
                var ar = Vector.LoadUnsafe(ref xr, u);
                var ai = Vector.LoadUnsafe(ref xi, u);
                var br = Vector.LoadUnsafe(ref xr, v);
                var bi = Vector.LoadUnsafe(ref xi, v);
                (ar + br).StoreUnsafe(ref yr, u);
                (ai + bi).StoreUnsafe(ref yi, u);
                (ar - br).StoreUnsafe(ref yr, v);
                (ai - bi).StoreUnsafe(ref yi, v);
            }
        }

        for (; q < s; q++)
        {
            float ar = Unsafe.Add(ref xr, q), ai = Unsafe.Add(ref xi, q);
            float br = Unsafe.Add(ref xr, q + s), bi = Unsafe.Add(ref xi, q + s);
            Unsafe.Add(ref yr, q) = ar + br;
            Unsafe.Add(ref yi, q) = ai + bi;
            Unsafe.Add(ref yr, q + s) = ar - br;
            Unsafe.Add(ref yi, q + s) = ai - bi;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NarrowButterfly(
        ref float xr, ref float xi, int l, int quarter, ref float twiddles,
        out Vector<float> y0r, out Vector<float> y0i, out Vector<float> y1r, out Vector<float> y1i,
        out Vector<float> y2r, out Vector<float> y2i, out Vector<float> y3r, out Vector<float> y3i)
    {
        var u = (nuint)l;
        Butterfly(
            Vector.LoadUnsafe(ref xr, u), Vector.LoadUnsafe(ref xi, u),
            Vector.LoadUnsafe(ref xr, u + (nuint)quarter), Vector.LoadUnsafe(ref xi, u + (nuint)quarter),
            Vector.LoadUnsafe(ref xr, u + (nuint)(2 * quarter)), Vector.LoadUnsafe(ref xi, u + (nuint)(2 * quarter)),
            Vector.LoadUnsafe(ref xr, u + (nuint)(3 * quarter)), Vector.LoadUnsafe(ref xi, u + (nuint)(3 * quarter)),
            out y0r, out y0i, out y1r, out y1i, out y2r, out y2i, out y3r, out y3i);

        // Expanded table: per step of eight lanes, w^p re, w^p im, w^2p re, w^2p im, w^3p re, w^3p im (8 each).
        ref var tw = ref Unsafe.Add(ref twiddles, TwiddlesPerP * l);
        Rotate(ref y1r, ref y1i, Vector.LoadUnsafe(ref tw), Vector.LoadUnsafe(ref tw, NarrowLanes));
        Rotate(ref y2r, ref y2i, Vector.LoadUnsafe(ref tw, 2 * NarrowLanes), Vector.LoadUnsafe(ref tw, 3 * NarrowLanes));
        Rotate(ref y3r, ref y3i, Vector.LoadUnsafe(ref tw, 4 * NarrowLanes), Vector.LoadUnsafe(ref tw, 5 * NarrowLanes));
    }

    /// <summary>The radix-4 butterfly without twiddles: y_t = Σ_j x_j · (−i)^(jt).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(
        Vector<float> ar, Vector<float> ai, Vector<float> br, Vector<float> bi,
        Vector<float> cr, Vector<float> ci, Vector<float> dr, Vector<float> di,
        out Vector<float> y0r, out Vector<float> y0i, out Vector<float> y1r, out Vector<float> y1i,
        out Vector<float> y2r, out Vector<float> y2i, out Vector<float> y3r, out Vector<float> y3i)
    {
        var sumAcR = ar + cr;
        var sumAcI = ai + ci;
        var difAcR = ar - cr;
        var difAcI = ai - ci;
        var sumBdR = br + dr;
        var sumBdI = bi + di;
        var difBdR = br - dr;
        var difBdI = bi - di;
        y0r = sumAcR + sumBdR;
        y0i = sumAcI + sumBdI;
        y2r = sumAcR - sumBdR;
        y2i = sumAcI - sumBdI;

        // (a − c) − i(b − d) and (a − c) + i(b − d).
        y1r = difAcR + difBdI;
        y1i = difAcI - difBdR;
        y3r = difAcR - difBdI;
        y3i = difAcI + difBdR;
    }

    /// <summary>(re + i·im) ← (re + i·im) · (wr + i·wi).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rotate(ref Vector<float> re, ref Vector<float> im, Vector<float> wr, Vector<float> wi)
    {
        var r = Vector.MultiplyAddEstimate(re, wr, -(im * wi));
        im = Vector.MultiplyAddEstimate(re, wi, im * wr);
        re = r;
    }

    private static void ScalarButterfly(ref float xr, ref float xi, ref float yr, ref float yi, int l, int o, int quarter, int s, ref float tw)
    {
        float ar = Unsafe.Add(ref xr, l), ai = Unsafe.Add(ref xi, l);
        float br = Unsafe.Add(ref xr, l + quarter), bi = Unsafe.Add(ref xi, l + quarter);
        float cr = Unsafe.Add(ref xr, l + (2 * quarter)), ci = Unsafe.Add(ref xi, l + (2 * quarter));
        float dr = Unsafe.Add(ref xr, l + (3 * quarter)), di = Unsafe.Add(ref xi, l + (3 * quarter));
        float sumAcR = ar + cr, sumAcI = ai + ci, difAcR = ar - cr, difAcI = ai - ci;
        float sumBdR = br + dr, sumBdI = bi + di, difBdR = br - dr, difBdI = bi - di;
        Unsafe.Add(ref yr, o) = sumAcR + sumBdR;
        Unsafe.Add(ref yi, o) = sumAcI + sumBdI;
        StoreRotated(ref yr, ref yi, o + s, difAcR + difBdI, difAcI - difBdR, ref tw);
        StoreRotated(ref yr, ref yi, o + (2 * s), sumAcR - sumBdR, sumAcI - sumBdI, ref Unsafe.Add(ref tw, 2));
        StoreRotated(ref yr, ref yi, o + (3 * s), difAcR - difBdI, difAcI + difBdR, ref Unsafe.Add(ref tw, 4));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRotated(ref float yr, ref float yi, int o, float re, float im, ref float w)
    {
        var wr = w;
        var wi = Unsafe.Add(ref w, 1);
        Unsafe.Add(ref yr, o) = (re * wr) - (im * wi);
        Unsafe.Add(ref yi, o) = (re * wi) + (im * wr);
    }

    /// <summary>Writes out[4i + t] = y_t[i] for eight lanes i: a 4 × 8 transpose (unpacks, then the 128-bit halves).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreTransposed(ref float destination, Vector<float> y0, Vector<float> y1, Vector<float> y2, Vector<float> y3)
    {
        var a0 = y0.AsVector256();
        var a1 = y1.AsVector256();
        var a2 = y2.AsVector256();
        var a3 = y3.AsVector256();
        var t0 = Avx.UnpackLow(a0, a2);   // y0[0] y2[0] y0[1] y2[1] | lanes 4, 5
        var t1 = Avx.UnpackLow(a1, a3);   // y1[0] y3[0] y1[1] y3[1] | lanes 4, 5
        var t2 = Avx.UnpackHigh(a0, a2);  // lanes 2, 3 | 6, 7
        var t3 = Avx.UnpackHigh(a1, a3);

        // Lane 0 (y0 … y3) | lane 4; lane 1 | lane 5; lane 2 | lane 6; lane 3 | lane 7.
        StoreHalves(ref destination, Avx.UnpackLow(t0, t1), Avx.UnpackHigh(t0, t1), Avx.UnpackLow(t2, t3), Avx.UnpackHigh(t2, t3));
    }

    /// <summary>Writes the low halves of y0 … y3 to out[0 … 15] and the high halves to out[16 … 31].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreHalves(ref float destination, Vector256<float> y0, Vector256<float> y1, Vector256<float> y2, Vector256<float> y3)
    {
        Avx.Permute2x128(y0, y1, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(y2, y3, 0x20).StoreUnsafe(ref destination, 8);
        Avx.Permute2x128(y0, y1, 0x31).StoreUnsafe(ref destination, 16);
        Avx.Permute2x128(y2, y3, 0x31).StoreUnsafe(ref destination, 24);
    }
}
