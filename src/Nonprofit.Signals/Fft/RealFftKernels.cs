using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Nonprofit.Signals;

/// <summary>The two steps around the half-length complex FFT of a real transform of even length N = 2h.</summary>
internal static class RealFftKernels
{
    /// <summary>z[i] = x[2i] + i·x[2i + 1]: even samples to <paramref name="re"/>, odd ones to <paramref name="im"/>.</summary>
    public static void Deinterleave(ReadOnlySpan<float> input, Span<float> re, Span<float> im)
    {
        var h = re.Length;
        ref var x = ref MemoryMarshal.GetReference(input);
        ref var zr = ref MemoryMarshal.GetReference(re);
        ref var zi = ref MemoryMarshal.GetReference(im);
        var i = 0;
        if (Avx2.IsSupported)
        {
            for (; i <= h - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v0 = Vector256.LoadUnsafe(ref x, (nuint)(2 * i));
                var v1 = Vector256.LoadUnsafe(ref x, (nuint)((2 * i) + Vector256<float>.Count));

                // Per 128-bit lane: evens (or odds) of v0 then of v1; then the 64-bit quarters in order 0, 2, 1, 3.
                var evens = Avx.Shuffle(v0, v1, 0b10_00_10_00);
                var odds = Avx.Shuffle(v0, v1, 0b11_01_11_01);
                Avx2.Permute4x64(evens.AsDouble(), 0b11_01_10_00).AsSingle().StoreUnsafe(ref zr, (nuint)i);
                Avx2.Permute4x64(odds.AsDouble(), 0b11_01_10_00).AsSingle().StoreUnsafe(ref zi, (nuint)i);
            }
        }

        for (; i < h; i++)
        {
            Unsafe.Add(ref zr, i) = Unsafe.Add(ref x, 2 * i);
            Unsafe.Add(ref zi, i) = Unsafe.Add(ref x, (2 * i) + 1);
        }
    }

    /// <summary>
    /// The bins X[0 … h] from Z = FFT_h(z): with E = (Z[k] + conj Z[h − k]) / 2, O = (Z[k] − conj Z[h − k]) / 2i and
    /// P = w^k · O (w = e^(−2πi/N)), X[k] = E + P and X[h − k] = conj(E − P), so each k ≤ h/2 gives two bins. The
    /// vector path loads the mirrored block Z[h − k − 7 … h − k] and reverses its lanes.
    /// </summary>
    public static void Untangle(ReadOnlySpan<float> zRe, ReadOnlySpan<float> zIm, ReadOnlySpan<float> wRe, ReadOnlySpan<float> wIm, Span<float> real, Span<float> imaginary)
    {
        var h = zRe.Length;
        ref var zr = ref MemoryMarshal.GetReference(zRe);
        ref var zi = ref MemoryMarshal.GetReference(zIm);
        ref var wr = ref MemoryMarshal.GetReference(wRe);
        ref var wi = ref MemoryMarshal.GetReference(wIm);
        ref var xr = ref MemoryMarshal.GetReference(real);
        ref var xi = ref MemoryMarshal.GetReference(imaginary);
        xr = zr + zi;
        xi = 0;
        Unsafe.Add(ref xr, h) = zr - zi;
        Unsafe.Add(ref xi, h) = 0;

        var half = h / 2;
        var k = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            var lanes = Vector256<float>.Count;
            var reverse = Vector256.Create(7, 6, 5, 4, 3, 2, 1, 0);
            var oneHalf = Vector256.Create(0.5f);
            for (; k + lanes - 1 <= half; k += lanes)
            {
                var m = (nuint)(h - k - lanes + 1);
                var r1 = Vector256.LoadUnsafe(ref zr, (nuint)k);
                var i1 = Vector256.LoadUnsafe(ref zi, (nuint)k);
                var r2 = Vector256.Shuffle(Vector256.LoadUnsafe(ref zr, m), reverse);
                var i2 = Vector256.Shuffle(Vector256.LoadUnsafe(ref zi, m), reverse);
                var er = oneHalf * (r1 + r2);
                var ei = oneHalf * (i1 - i2);
                var oddRe = oneHalf * (i1 + i2);
                var oddIm = oneHalf * (r2 - r1);
                var cr = Vector256.LoadUnsafe(ref wr, (nuint)k);
                var ci = Vector256.LoadUnsafe(ref wi, (nuint)k);
                var pr = (cr * oddRe) - (ci * oddIm);
                var pi = (cr * oddIm) + (ci * oddRe);
                (er + pr).StoreUnsafe(ref xr, (nuint)k);
                (ei + pi).StoreUnsafe(ref xi, (nuint)k);
                Vector256.Shuffle(er - pr, reverse).StoreUnsafe(ref xr, m);
                Vector256.Shuffle(pi - ei, reverse).StoreUnsafe(ref xi, m);
            }
        }

        for (; k <= half; k++)
        {
            var m = h - k;
            float r1 = Unsafe.Add(ref zr, k), i1 = Unsafe.Add(ref zi, k);
            float r2 = Unsafe.Add(ref zr, m), i2 = Unsafe.Add(ref zi, m);
            var er = 0.5f * (r1 + r2);
            var ei = 0.5f * (i1 - i2);
            var oddRe = 0.5f * (i1 + i2);
            var oddIm = 0.5f * (r2 - r1);
            float cr = Unsafe.Add(ref wr, k), ci = Unsafe.Add(ref wi, k);
            var pr = (cr * oddRe) - (ci * oddIm);
            var pi = (cr * oddIm) + (ci * oddRe);
            Unsafe.Add(ref xr, k) = er + pr;
            Unsafe.Add(ref xi, k) = ei + pi;
            Unsafe.Add(ref xr, m) = er - pr;
            Unsafe.Add(ref xi, m) = pi - ei;
        }
    }
}
