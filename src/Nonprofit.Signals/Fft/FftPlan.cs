using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nonprofit.Signals;

/// <summary>
/// A reusable plan for the complex discrete Fourier transform of one length, on split real/imaginary float
/// spans: X[k] = Σ_n x[n] · e^(−2πi·kn/N) (forward), x[n] = (1/N) Σ_k X[k] · e^(+2πi·kn/N) (inverse).
/// Power-of-two lengths use an iterative radix-2 transform with per-stage twiddle tables (vectorised butterflies);
/// other lengths use Bluestein's algorithm on a power-of-two plan. Plans are immutable and thread-safe; get them
/// from <see cref="Get(int)"/>, which caches them.
/// </summary>
public sealed class FftPlan
{
    private static readonly ConcurrentDictionary<int, FftPlan> s_plans = new();

    private readonly int[]? _bitReverse;
    private readonly float[]? _twiddleRe;
    private readonly float[]? _twiddleIm;
    private readonly Bluestein? _bluestein;

    private FftPlan(int length)
    {
        Length = length;
        if (BitOperations.IsPow2(length))
        {
            (_bitReverse, _twiddleRe, _twiddleIm) = PowerOfTwoTables(length);
        }
        else
        {
            _bluestein = new Bluestein(length);
        }
    }

    /// <summary>Gets the transform length.</summary>
    public int Length { get; }

    /// <summary>Gets the cached plan for a length.</summary>
    /// <param name="length">The number of points, 1 to 2^26.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is out of range.</exception>
    public static FftPlan Get(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 1 << 26);
        return s_plans.GetOrAdd(length, static n => new FftPlan(n));
    }

    /// <summary>Transforms in place, forward (e^(−2πi·kn/N), no scaling).</summary>
    /// <param name="real">The real parts, <see cref="Length"/> elements.</param>
    /// <param name="imaginary">The imaginary parts, <see cref="Length"/> elements, not overlapping <paramref name="real"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length or they overlap.</exception>
    public void Forward(Span<float> real, Span<float> imaginary) => Transform(real, imaginary, inverse: false);

    /// <summary>Transforms in place, inverse (e^(+2πi·kn/N), scaled by 1/N so that Inverse(Forward(x)) = x).</summary>
    /// <param name="real">The real parts, <see cref="Length"/> elements.</param>
    /// <param name="imaginary">The imaginary parts, <see cref="Length"/> elements, not overlapping <paramref name="real"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length or they overlap.</exception>
    public void Inverse(Span<float> real, Span<float> imaginary)
    {
        Transform(real, imaginary, inverse: true);
        var scale = 1f / Length;
        System.Numerics.Tensors.TensorPrimitives.Multiply(real, scale, real);
        System.Numerics.Tensors.TensorPrimitives.Multiply(imaginary, scale, imaginary);
    }

    private void Transform(Span<float> re, Span<float> im, bool inverse)
    {
        if (re.Length != Length || im.Length != Length)
        {
            throw new ArgumentException($"Both spans must have {Length} elements (got {re.Length} and {im.Length}).", nameof(re));
        }

        if (re.Overlaps(im))
        {
            throw new ArgumentException("The real and imaginary spans must not overlap.", nameof(im));
        }

        if (_bluestein is not null)
        {
            _bluestein.Transform(re, im, inverse);
            return;
        }

        if (inverse)
        {
            // Inverse by conjugation: conj(F(conj(x))).
            System.Numerics.Tensors.TensorPrimitives.Negate(im, im);
            Radix2(re, im);
            System.Numerics.Tensors.TensorPrimitives.Negate(im, im);
        }
        else
        {
            Radix2(re, im);
        }
    }

    private void Radix2(Span<float> re, Span<float> im)
    {
        var n = Length;
        var rev = _bitReverse!;
        for (var i = 0; i < n; i++)
        {
            var j = rev[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        ref var r0 = ref MemoryMarshal.GetReference(re);
        ref var i0 = ref MemoryMarshal.GetReference(im);
        var w = Vector<float>.Count;
        var offset = 0; // this stage's twiddles start here in the tables
        for (var half = 1; half < n; half <<= 1)
        {
            ref var wr = ref _twiddleRe![offset];
            ref var wi = ref _twiddleIm![offset];
            for (var start = 0; start < n; start += 2 * half)
            {
                var j = 0;
                if (Vector.IsHardwareAccelerated && half >= w)
                {
                    for (; j <= half - w; j += w)
                    {
                        var cr = Vector.LoadUnsafe(ref wr, (nuint)j);
                        var ci = Vector.LoadUnsafe(ref wi, (nuint)j);
                        var ar = Vector.LoadUnsafe(ref r0, (nuint)(start + j));
                        var ai = Vector.LoadUnsafe(ref i0, (nuint)(start + j));
                        var br = Vector.LoadUnsafe(ref r0, (nuint)(start + j + half));
                        var bi = Vector.LoadUnsafe(ref i0, (nuint)(start + j + half));
                        var tr = (br * cr) - (bi * ci);
                        var ti = (br * ci) + (bi * cr);
                        (ar - tr).StoreUnsafe(ref r0, (nuint)(start + j + half));
                        (ai - ti).StoreUnsafe(ref i0, (nuint)(start + j + half));
                        (ar + tr).StoreUnsafe(ref r0, (nuint)(start + j));
                        (ai + ti).StoreUnsafe(ref i0, (nuint)(start + j));
                    }
                }

                for (; j < half; j++)
                {
                    var cr = Unsafe.Add(ref wr, j);
                    var ci = Unsafe.Add(ref wi, j);
                    ref var ar = ref Unsafe.Add(ref r0, start + j);
                    ref var ai = ref Unsafe.Add(ref i0, start + j);
                    ref var br = ref Unsafe.Add(ref r0, start + j + half);
                    ref var bi = ref Unsafe.Add(ref i0, start + j + half);
                    var tr = (br * cr) - (bi * ci);
                    var ti = (br * ci) + (bi * cr);
                    br = ar - tr;
                    bi = ai - ti;
                    ar += tr;
                    ai += ti;
                }
            }

            offset += half;
        }
    }

    // Bit-reversal permutation and, for each stage (half = 1, 2, 4 ...), twiddles e^(−iπ j / half), j < half,
    // computed in double and stored contiguously so the butterflies load them as vectors.
    private static (int[] BitReverse, float[] Re, float[] Im) PowerOfTwoTables(int n)
    {
        var bits = BitOperations.Log2((uint)n);
        var rev = new int[n];
        for (var i = 0; i < n; i++)
        {
            rev[i] = bits == 0 ? 0 : (int)(ReverseBits((uint)i) >> (32 - bits));
        }

        var re = new float[Math.Max(1, n - 1)];
        var im = new float[Math.Max(1, n - 1)];
        var offset = 0;
        for (var half = 1; half < n; half <<= 1)
        {
            for (var j = 0; j < half; j++)
            {
                var angle = -Math.PI * j / half;
                re[offset + j] = (float)Math.Cos(angle);
                im[offset + j] = (float)Math.Sin(angle);
            }

            offset += half;
        }

        return (rev, re, im);
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }

    /// <summary>Bluestein's chirp-z algorithm: a length-N DFT as a convolution done with power-of-two FFTs.</summary>
    private sealed class Bluestein
    {
        private readonly int _n;
        private readonly FftPlan _plan;
        private readonly double[] _chirpRe;
        private readonly double[] _chirpIm;
        private readonly float[] _kernelRe;
        private readonly float[] _kernelIm;

        public Bluestein(int n)
        {
            _n = n;
            var m = (int)BitOperations.RoundUpToPowerOf2((uint)((2 * n) - 1));
            _plan = Get(m);
            _chirpRe = new double[n];
            _chirpIm = new double[n];
            for (var k = 0; k < n; k++)
            {
                // e^(−iπ k²/N), with k² mod 2N to keep the angle small and exact.
                var angle = -Math.PI * (((long)k * k) % (2L * n)) / n;
                _chirpRe[k] = Math.Cos(angle);
                _chirpIm[k] = Math.Sin(angle);
            }

            _kernelRe = new float[m];
            _kernelIm = new float[m];
            for (var k = 0; k < n; k++)
            {
                _kernelRe[k] = (float)_chirpRe[k];
                _kernelIm[k] = (float)-_chirpIm[k];
                if (k > 0)
                {
                    _kernelRe[m - k] = (float)_chirpRe[k];
                    _kernelIm[m - k] = (float)-_chirpIm[k];
                }
            }

            _plan.Forward(_kernelRe, _kernelIm);
        }

        public void Transform(Span<float> re, Span<float> im, bool inverse)
        {
            var m = _plan.Length;
            var ar = ArrayPool<float>.Shared.Rent(m);
            var ai = ArrayPool<float>.Shared.Rent(m);
            try
            {
                var a = ar.AsSpan(0, m);
                var b = ai.AsSpan(0, m);
                a.Clear();
                b.Clear();
                var sign = inverse ? -1 : 1;
                for (var k = 0; k < _n; k++)
                {
                    double cr = _chirpRe[k], ci = sign * _chirpIm[k];
                    a[k] = (float)((re[k] * cr) - (im[k] * ci));
                    b[k] = (float)((re[k] * ci) + (im[k] * cr));
                }

                _plan.Forward(a, b);
                for (var k = 0; k < m; k++)
                {
                    // The inverse uses the conjugate chirp, whose kernel transform is the conjugate, mirrored.
                    var mirror = k == 0 ? 0 : m - k;
                    var kr = inverse ? _kernelRe[mirror] : _kernelRe[k];
                    var ki = inverse ? -_kernelIm[mirror] : _kernelIm[k];

                    var xr = a[k];
                    var xi = b[k];
                    a[k] = (xr * kr) - (xi * ki);
                    b[k] = (xr * ki) + (xi * kr);
                }

                _plan.Inverse(a, b);
                for (var k = 0; k < _n; k++)
                {
                    double cr = _chirpRe[k], ci = sign * _chirpIm[k];
                    re[k] = (float)((a[k] * cr) - (b[k] * ci));
                    im[k] = (float)((a[k] * ci) + (b[k] * cr));
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(ar);
                ArrayPool<float>.Shared.Return(ai);
            }
        }
    }
}
