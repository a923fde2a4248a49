using System;
using System.Buffers;
using System.Numerics;

namespace Nonprofit.Signals;

/// <summary>How <see cref="SignalFilters.Fir(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, FirMethod)"/> computes the convolution.</summary>
public enum FirMethod
{
    /// <summary>Direct form below <see cref="SignalFilters.OverlapSaveMinTaps"/> taps, FFT overlap-save from there.</summary>
    Auto = 0,

    /// <summary>Direct form: O(taps) per sample, bit-identical to <see cref="FirFilter"/> for any chunking.</summary>
    Direct = 1,

    /// <summary>FFT overlap-save: O(log taps) per sample; equal to the direct form within float rounding (about 1e-6 of the output's scale).</summary>
    OverlapSave = 2,
}

public static partial class SignalFilters
{
    /// <summary>
    /// The tap count from which <see cref="FirMethod.Auto"/> uses FFT overlap-save (measured on this project's
    /// benchmark machine, AVX2: see docs/benchmarks.md).
    /// </summary>
    /// <value>96 today (measured: equal at 64 taps, overlap-save twice as fast at 128); a property, not a constant, so a later measurement can move it without recompiling callers.</value>
    public static int OverlapSaveMinTaps => 96;

    /// <summary>
    /// FIR filtering with zero initial state, <c>destination[n] = Σ_k taps[k] · input[n − k]</c>, by the direct form
    /// or by FFT overlap-save, chosen by <paramref name="method"/> (by default from the tap count).
    /// </summary>
    /// <param name="input">The samples.</param>
    /// <param name="taps">The impulse response, at least one finite tap.</param>
    /// <param name="destination">Receives input.Length samples; must not overlap <paramref name="input"/>.</param>
    /// <param name="method">The algorithm; <see cref="FirMethod.Direct"/> is bit-identical to <see cref="FirFilter"/>.</param>
    /// <exception cref="ArgumentException">No taps, a tap is not finite, the destination is too short or overlaps the input, or the method is unknown.</exception>
    /// <remarks>
    /// Overlap-save filters blocks of an FFT of at least four times the taps (power of two, at least 1024 points),
    /// two real blocks per complex transform (one in the real part, one in the imaginary part: the filter is real,
    /// so their convolutions do not mix). A NaN or infinity in the input spreads to a whole block (direct form:
    /// to the next taps.Length outputs).
    /// </remarks>
    public static void Fir(ReadOnlySpan<float> input, ReadOnlySpan<float> taps, Span<float> destination, FirMethod method)
    {
        switch (method)
        {
            case FirMethod.Direct:
                Fir(input, taps, destination);
                return;
            case FirMethod.Auto when taps.Length < OverlapSaveMinTaps:
                Fir(input, taps, destination);
                return;
            case FirMethod.Auto or FirMethod.OverlapSave:
                FirOverlapSave(input, taps, destination);
                return;
            default:
                throw new ArgumentException($"Unknown FIR method {method}.", nameof(method));
        }
    }

    private static void FirOverlapSave(ReadOnlySpan<float> input, ReadOnlySpan<float> taps, Span<float> destination)
    {
        ValidateFirArguments(input, taps, destination);
        if (input.IsEmpty)
        {
            return;
        }

        var t = taps.Length;
        var n = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1024, 4 * t));
        var step = n - (t - 1);
        var plan = FftPlan.Get(n);
        var pool = ArrayPool<float>.Shared;
        var hRe = pool.Rent(n);
        var hIm = pool.Rent(n);
        var re = pool.Rent(n);
        var im = pool.Rent(n);
        try
        {
            var filterRe = hRe.AsSpan(0, n);
            var filterIm = hIm.AsSpan(0, n);
            filterRe.Clear();
            filterIm.Clear();
            taps.CopyTo(filterRe);
            plan.Forward(filterRe, filterIm);

            var blockRe = re.AsSpan(0, n);
            var blockIm = im.AsSpan(0, n);
            for (var start = 0; start < input.Length; start += 2 * step)
            {
                // Block A outputs [start, start + step) in the real part, block B the next step in the imaginary part.
                LoadBlock(input, start, t, blockRe);
                LoadBlock(input, start + step, t, blockIm);
                plan.Forward(blockRe, blockIm);
                MultiplySpectra(blockRe, blockIm, filterRe, filterIm);
                plan.Inverse(blockRe, blockIm);

                var countA = Math.Min(step, input.Length - start);
                blockRe.Slice(t - 1, countA).CopyTo(destination.Slice(start, countA));
                var startB = start + step;
                if (startB < input.Length)
                {
                    var countB = Math.Min(step, input.Length - startB);
                    blockIm.Slice(t - 1, countB).CopyTo(destination.Slice(startB, countB));
                }
            }
        }
        finally
        {
            pool.Return(hRe);
            pool.Return(hIm);
            pool.Return(re);
            pool.Return(im);
        }
    }

    /// <summary>Fills <paramref name="block"/> with input[start − (t − 1) …], zeros outside the input.</summary>
    private static void LoadBlock(ReadOnlySpan<float> input, int start, int t, Span<float> block)
    {
        block.Clear();
        var from = start - (t - 1);
        var first = Math.Max(from, 0);
        var last = Math.Min(from + block.Length, input.Length);
        if (last > first)
        {
            input[first..last].CopyTo(block[(first - from)..]);
        }
    }

    /// <summary>(re + i·im) ← (re + i·im) · (hRe + i·hIm), element-wise, vectorised.</summary>
    private static void MultiplySpectra(Span<float> re, Span<float> im, ReadOnlySpan<float> hRe, ReadOnlySpan<float> hIm)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = Vector<float>.Count;
            for (; k <= re.Length - w; k += w)
            {
                var a = new Vector<float>(re[k..]);
                var b = new Vector<float>(im[k..]);
                var c = new Vector<float>(hRe[k..]);
                var d = new Vector<float>(hIm[k..]);
                ((a * c) - (b * d)).CopyTo(re[k..]);
                ((a * d) + (b * c)).CopyTo(im[k..]);
            }
        }

        for (; k < re.Length; k++)
        {
            var a = re[k];
            var b = im[k];
            re[k] = (a * hRe[k]) - (b * hIm[k]);
            im[k] = (a * hIm[k]) + (b * hRe[k]);
        }
    }
}
