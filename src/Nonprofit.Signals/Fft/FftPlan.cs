using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Nonprofit.Signals;

/// <summary>
/// A reusable plan for the complex discrete Fourier transform of one length, on split real/imaginary float
/// spans: X[k] = Σ_n x[n] · e^(−2πi·kn/N) (forward), x[n] = (1/N) Σ_k X[k] · e^(+2πi·kn/N) (inverse).
/// Power-of-two lengths use a radix-4 Stockham transform (self-sorting, decimation in frequency, so there is
/// no bit-reversal pass): ⌊log4 N⌋ passes that ping-pong between the caller's spans and 2N pooled scratch
/// floats, plus one radix-2 pass when log2 N is odd; the last pass writes the caller's spans. Twiddles are
/// computed per plan in double precision and stored as float, per pass and contiguous. Passes whose stride is at
/// least the vector width run on <see cref="Vector{T}"/> with broadcast twiddles; from N = 32 the first two
/// passes (strides 1 and 4) run on 256-bit AVX kernels that transpose their outputs in registers (scalar code for
/// shorter lengths or without AVX). The inverse is the forward transform with the real and imaginary spans
/// swapped, then scaled. Other lengths use Bluestein's algorithm on a power-of-two plan. Plans are immutable and thread-safe; get them from <see cref="Get(int)"/>,
/// which caches them. Nothing is allocated per call once a plan exists.
/// </summary>
public sealed class FftPlan
{
    private static readonly ConcurrentDictionary<int, FftPlan> s_plans = new();

    private readonly Pass[] _passes = [];
    private readonly float[] _twiddles = [];
    private readonly bool _radix2Last;
    private readonly Bluestein? _bluestein;

    private FftPlan(int length)
    {
        Length = length;
        if (BitOperations.IsPow2(length))
        {
            (_passes, _twiddles, _radix2Last) = PowerOfTwoPasses(length);
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
    public void Forward(Span<float> real, Span<float> imaginary)
    {
        Validate(real, imaginary);
        ForwardCore(real, imaginary);
    }

    /// <summary>Transforms in place, inverse (e^(+2πi·kn/N), scaled by 1/N so that Inverse(Forward(x)) = x).</summary>
    /// <param name="real">The real parts, <see cref="Length"/> elements.</param>
    /// <param name="imaginary">The imaginary parts, <see cref="Length"/> elements, not overlapping <paramref name="real"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length or they overlap.</exception>
    public void Inverse(Span<float> real, Span<float> imaginary)
    {
        Validate(real, imaginary);

        // swap(F(swap(x))) is the unscaled inverse, and swapping split spans costs nothing.
        ForwardCore(imaginary, real);
        var scale = 1f / Length;
        System.Numerics.Tensors.TensorPrimitives.Multiply(real, scale, real);
        System.Numerics.Tensors.TensorPrimitives.Multiply(imaginary, scale, imaginary);
    }

    private void Validate(Span<float> re, Span<float> im)
    {
        if (re.Length != Length || im.Length != Length)
        {
            throw new ArgumentException($"Both spans must have {Length} elements (got {re.Length} and {im.Length}).", nameof(re));
        }

        if (re.Overlaps(im))
        {
            throw new ArgumentException("The real and imaginary spans must not overlap.", nameof(im));
        }
    }

    private void ForwardCore(Span<float> re, Span<float> im)
    {
        if (_bluestein is not null)
        {
            _bluestein.Forward(re, im);
            return;
        }

        if (Length == 1)
        {
            return;
        }

        var scratch = ArrayPool<float>.Shared.Rent(2 * Length);
        try
        {
            Stockham(re, im, scratch.AsSpan(0, Length), scratch.AsSpan(Length, Length));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>The passes in order, ping-ponging between (re, im) and the scratch; the last one writes (re, im).</summary>
    private void Stockham(Span<float> re, Span<float> im, Span<float> scratchRe, Span<float> scratchIm)
    {
        ref var xr = ref MemoryMarshal.GetReference(re);
        ref var xi = ref MemoryMarshal.GetReference(im);
        ref var sr = ref MemoryMarshal.GetReference(scratchRe);
        ref var si = ref MemoryMarshal.GetReference(scratchIm);
        ref var tw = ref MemoryMarshal.GetArrayDataReference(_twiddles);
        var quarter = Length / 4;
        var inScratch = false;
        for (var k = 0; k < _passes.Length; k++)
        {
            var pass = _passes[k];
            var toScratch = !inScratch && (k < _passes.Length - 1 || _radix2Last);
            ref var fromR = ref inScratch ? ref sr : ref xr;
            ref var fromI = ref inScratch ? ref si : ref xi;
            ref var toR = ref toScratch ? ref sr : ref xr;
            ref var toI = ref toScratch ? ref si : ref xi;
            ref var passTwiddles = ref System.Runtime.CompilerServices.Unsafe.Add(ref tw, pass.TwiddleOffset);
            switch (pass.Kernel)
            {
                case PassKernel.Stride1:
                    StockhamKernels.NarrowPassStride1(ref fromR, ref fromI, ref toR, ref toI, quarter, ref passTwiddles);
                    break;
                case PassKernel.Stride4:
                    StockhamKernels.NarrowPassStride4(ref fromR, ref fromI, ref toR, ref toI, quarter, ref passTwiddles);
                    break;
                default:
                    StockhamKernels.Pass(ref fromR, ref fromI, ref toR, ref toI, quarter, pass.Stride, pass.Count, ref passTwiddles);
                    break;
            }

            inScratch = toScratch;
        }

        if (_radix2Last)
        {
            ref var fromR = ref inScratch ? ref sr : ref xr;
            ref var fromI = ref inScratch ? ref si : ref xi;
            StockhamKernels.Radix2Pass(ref fromR, ref fromI, ref xr, ref xi, Length / 2);
        }
    }

    // The radix-4 passes n = N, N/4 … (stride s = N/n, m = n/4 butterflies per q) and whether a radix-2 pass ends
    // the transform. Each pass has its twiddles w^p, w^2p, w^3p (w = e^(−2πi/n)), computed in double: six floats per
    // p for broadcasting, or for the stride-1 and stride-4 kernels six vectors of eight lanes per eight L = p·s + q.
    private static (Pass[] Passes, float[] Twiddles, bool Radix2Last) PowerOfTwoPasses(int length)
    {
        var passes = new System.Collections.Generic.List<Pass>();
        var twiddles = new System.Collections.Generic.List<float>();
        var quarter = length / 4;
        var narrow = StockhamKernels.NarrowKernelsSupported && quarter >= StockhamKernels.NarrowLanes;
        var s = 1;
        for (var n = length; n >= 4; n /= 4, s *= 4)
        {
            var m = n / 4;
            var kernel = narrow && s == 1 ? PassKernel.Stride1 : narrow && s == 4 ? PassKernel.Stride4 : PassKernel.Broadcast;
            passes.Add(new Pass(s, m, twiddles.Count, kernel));
            if (kernel == PassKernel.Broadcast)
            {
                for (var p = 0; p < m; p++)
                {
                    for (var t = 1; t <= 3; t++)
                    {
                        AddTwiddle(twiddles, t * p, n);
                    }
                }

                continue;
            }

            var lanes = StockhamKernels.NarrowLanes;
            var component = new float[lanes];
            for (var l = 0; l < quarter; l += lanes)
            {
                for (var t = 1; t <= 3; t++)
                {
                    for (var part = 0; part < 2; part++)
                    {
                        for (var i = 0; i < lanes; i++)
                        {
                            var p = (l + i) / s;
                            var (c, sine) = Twiddle(t * p, n);
                            component[i] = part == 0 ? c : sine;
                        }

                        twiddles.AddRange(component);
                    }
                }
            }
        }

        return ([.. passes], [.. twiddles], BitOperations.Log2((uint)length) % 2 == 1);
    }

    private static void AddTwiddle(System.Collections.Generic.List<float> twiddles, int k, int n)
    {
        var (c, s) = Twiddle(k, n);
        twiddles.Add(c);
        twiddles.Add(s);
    }

    /// <summary>e^(−2πi·k/n) in double, rounded to float.</summary>
    private static (float Cos, float Sin) Twiddle(int k, int n)
    {
        var angle = -2 * Math.PI * (k % n) / n;
        return ((float)Math.Cos(angle), (float)Math.Sin(angle));
    }

    private enum PassKernel
    {
        Broadcast,
        Stride1,
        Stride4,
    }

    private readonly record struct Pass(int Stride, int Count, int TwiddleOffset, PassKernel Kernel);

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

        public void Forward(Span<float> re, Span<float> im)
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
                for (var k = 0; k < _n; k++)
                {
                    double cr = _chirpRe[k], ci = _chirpIm[k];
                    a[k] = (float)((re[k] * cr) - (im[k] * ci));
                    b[k] = (float)((re[k] * ci) + (im[k] * cr));
                }

                _plan.Forward(a, b);
                for (var k = 0; k < m; k++)
                {
                    var kr = _kernelRe[k];
                    var ki = _kernelIm[k];

                    var xr = a[k];
                    var xi = b[k];
                    a[k] = (xr * kr) - (xi * ki);
                    b[k] = (xr * ki) + (xi * kr);
                }

                _plan.Inverse(a, b);
                for (var k = 0; k < _n; k++)
                {
                    double cr = _chirpRe[k], ci = _chirpIm[k];
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
