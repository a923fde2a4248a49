using System;
using System.Numerics;

namespace Nonprofit.Signals;

/// <summary>
/// Offline filtering kernels on spans: FIR (direct form, SIMD) and IIR (second-order-section cascades).
/// Destinations are supplied by the caller; nothing is allocated except pooled scratch.
/// </summary>
public static partial class SignalFilters
{
    /// <summary>
    /// Filters <paramref name="input"/> through a cascade of second-order sections (transposed direct form II,
    /// computed in double precision) with zero initial state: the same output as <see cref="SosFilter"/> fed the
    /// same samples in any chunks.
    /// </summary>
    /// <param name="input">The samples.</param>
    /// <param name="sections">The cascade, applied in order; empty means identity.</param>
    /// <param name="destination">Receives the filtered samples; may be the same memory as <paramref name="input"/> (in place) but must not partly overlap it.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="input"/>, partly overlaps it, or a coefficient is not finite.</exception>
    /// <remarks>NaN or infinity in the input propagates to every later output of the section it enters (IIR memory).</remarks>
    public static void Sos(ReadOnlySpan<float> input, ReadOnlySpan<Biquad> sections, Span<float> destination) =>
        SosOffline(input, sections, destination);

    /// <summary>
    /// Filters double-precision samples through a cascade of second-order sections, as
    /// <see cref="Sos(ReadOnlySpan{float}, ReadOnlySpan{Biquad}, Span{float})"/> does for float (the arithmetic is
    /// double in both; here the output is not rounded to float): for data that needs it, e.g. a very narrow
    /// low-pass whose output is differenced or integrated afterwards.
    /// </summary>
    /// <param name="input">The samples.</param>
    /// <param name="sections">The cascade, applied in order; empty means identity.</param>
    /// <param name="destination">Receives the filtered samples; may be the same memory as <paramref name="input"/> (in place) but must not partly overlap it.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="input"/>, partly overlaps it, or a coefficient is not finite.</exception>
    /// <remarks>NaN or infinity in the input propagates to every later output of the section it enters (IIR memory).</remarks>
    public static void Sos(ReadOnlySpan<double> input, ReadOnlySpan<Biquad> sections, Span<double> destination) =>
        SosOffline(input, sections, destination);

    private static void SosOffline<T>(ReadOnlySpan<T> input, ReadOnlySpan<Biquad> sections, Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var y = CheckDestination(input, destination);
        foreach (var s in sections)
        {
            s.ThrowIfNotFinite(nameof(sections));
        }

        if (sections.Length == 0)
        {
            input.CopyTo(y);
            return;
        }

        var coefficientCount = SosBlockKernel.CoefficientStride * sections.Length;
        var stateCount = SosBlockKernel.StateStride * sections.Length;
        Span<double> coefficients = coefficientCount <= 1024 ? stackalloc double[coefficientCount] : new double[coefficientCount];
        Span<double> state = stateCount <= 256 ? stackalloc double[stateCount] : new double[stateCount];
        state.Clear();
        var phase = 0;
        if (SosBlockKernel.IsSupported)
        {
            SosBlockKernel.Precompute(sections, coefficients);
        }

        SosCascade(input, y, sections, coefficients, state, ref phase);
    }

    /// <summary>
    /// Zero-phase filtering: the cascade forwards, then backwards over the result (zero initial state, no edge
    /// padding), so the magnitude response is squared and the phase is zero.
    /// </summary>
    /// <param name="input">The samples.</param>
    /// <param name="sections">The cascade.</param>
    /// <param name="destination">Receives the filtered samples (in place allowed).</param>
    /// <exception cref="ArgumentException">As for <see cref="Sos(ReadOnlySpan{float}, ReadOnlySpan{Biquad}, Span{float})"/>.</exception>
    /// <remarks>Unlike scipy's <c>sosfiltfilt</c> the edges are not padded: expect transients at both ends.</remarks>
    public static void SosZeroPhase(ReadOnlySpan<float> input, ReadOnlySpan<Biquad> sections, Span<float> destination) =>
        SosZeroPhaseCore(input, sections, destination);

    /// <summary>Zero-phase filtering of double-precision samples, as the float overload.</summary>
    /// <param name="input">The samples.</param>
    /// <param name="sections">The cascade.</param>
    /// <param name="destination">Receives the filtered samples (in place allowed).</param>
    /// <exception cref="ArgumentException">As for <see cref="Sos(ReadOnlySpan{double}, ReadOnlySpan{Biquad}, Span{double})"/>.</exception>
    /// <remarks>Unlike scipy's <c>sosfiltfilt</c> the edges are not padded: expect transients at both ends.</remarks>
    public static void SosZeroPhase(ReadOnlySpan<double> input, ReadOnlySpan<Biquad> sections, Span<double> destination) =>
        SosZeroPhaseCore(input, sections, destination);

    private static void SosZeroPhaseCore<T>(ReadOnlySpan<T> input, ReadOnlySpan<Biquad> sections, Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var y = PrepareDestination(input, destination);
        SosOffline<T>(y, sections, y);
        y.Reverse();
        SosOffline<T>(y, sections, y);
        y.Reverse();
    }

    /// <summary>
    /// The whole cascade from <paramref name="input"/> into <paramref name="y"/> (checked by <see cref="CheckDestination"/>:
    /// the same memory or apart). Where 256-bit vectors are accelerated it runs in blocks of eight samples
    /// (<see cref="SosBlockKernel"/>, with <paramref name="coefficients"/> from <see cref="SosBlockKernel.Precompute"/>);
    /// elsewhere sample by sample, the value staying in double precision between sections. <paramref name="state"/>
    /// holds <see cref="SosBlockKernel.StateStride"/> doubles per section and is updated, as is <paramref name="phase"/>.
    /// </summary>
    internal static void SosCascade<T>(ReadOnlySpan<T> input, Span<T> y, ReadOnlySpan<Biquad> sections, ReadOnlySpan<double> coefficients, Span<double> state, ref int phase)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (SosBlockKernel.IsSupported)
        {
            SosBlockKernel.Cascade(input, y, coefficients, sections.Length, state, ref phase);
        }
        else
        {
            if (!input.Overlaps(y))
            {
                input.CopyTo(y);
            }

            SosRecursive(y, sections, state);
        }
    }

    /// <summary>
    /// The cascade sample by sample (the portable path): the value stays in double precision between sections,
    /// and consecutive samples' sections overlap in the processor's pipeline. Uses the first two doubles of each
    /// section's <see cref="SosBlockKernel.StateStride"/> in <paramref name="state"/>.
    /// </summary>
    internal static void SosRecursive<T>(Span<T> y, ReadOnlySpan<Biquad> sections, Span<double> state)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (sections.Length == 1)
        {
            SosSingle(y, sections[0], ref state[0], ref state[1]);
            return;
        }

        for (var n = 0; n < y.Length; n++)
        {
            var v = double.CreateTruncating(y[n]);
            for (var k = 0; k < sections.Length; k++)
            {
                ref readonly var s = ref sections[k];
                ref var z1 = ref state[SosBlockKernel.StateStride * k];
                ref var z2 = ref state[(SosBlockKernel.StateStride * k) + 1];
                // Fused multiply-adds keep the sample-to-sample dependency (o -> z1 -> o) to two operations.
                var o = Math.FusedMultiplyAdd(s.B0, v, z1);
                z1 = Math.FusedMultiplyAdd(-s.A1, o, Math.FusedMultiplyAdd(s.B1, v, z2));
                z2 = Math.FusedMultiplyAdd(-s.A2, o, s.B2 * v);
                v = o;
            }

            y[n] = T.CreateTruncating(v);
        }
    }

    private static void SosSingle<T>(Span<T> y, in Biquad s, ref double z1, ref double z2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double b0 = s.B0, b1 = s.B1, b2 = s.B2, a1 = s.A1, a2 = s.A2;
        double w1 = z1, w2 = z2;
        for (var n = 0; n < y.Length; n++)
        {
            var x = double.CreateTruncating(y[n]);
            var o = Math.FusedMultiplyAdd(b0, x, w1);
            w1 = Math.FusedMultiplyAdd(-a1, o, Math.FusedMultiplyAdd(b1, x, w2));
            w2 = Math.FusedMultiplyAdd(-a2, o, b2 * x);
            y[n] = T.CreateTruncating(o);
        }

        z1 = w1;
        z2 = w2;
    }

    /// <summary>Checks the destination and copies the input into it unless it is the same memory (in place).</summary>
    internal static Span<T> PrepareDestination<T>(ReadOnlySpan<T> input, Span<T> destination)
    {
        var y = CheckDestination(input, destination);
        if (!input.Overlaps(y))
        {
            input.CopyTo(y);
        }

        return y;
    }

    /// <summary>Checks that the destination is long enough and is either the input's memory or apart from it; returns its first input-length elements.</summary>
    internal static Span<T> CheckDestination<T>(ReadOnlySpan<T> input, Span<T> destination)
    {
        if (destination.Length < input.Length)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} elements but the input has {input.Length}.", nameof(destination));
        }

        var y = destination[..input.Length];
        if (input.Overlaps(y, out var offset) && offset != 0)
        {
            throw new ArgumentException("The destination partly overlaps the input; use the same span for in-place filtering.", nameof(destination));
        }

        return y;
    }
}
