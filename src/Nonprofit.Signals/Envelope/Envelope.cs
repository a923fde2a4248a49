using System;
using System.Buffers;

namespace Nonprofit.Signals;

/// <summary>Amplitude envelopes: offline through the analytic signal, online by rectification and low-pass.</summary>
public static class Envelope
{
    /// <summary>
    /// The magnitude of the analytic signal, |x + i·H{x}|, with the Hilbert transform H computed by FFT (the
    /// spectrum's negative frequencies zeroed, the positive ones doubled). For a sine it is its amplitude,
    /// away from the edges.
    /// </summary>
    /// <param name="input">The samples (any length; non-powers of two use Bluestein).</param>
    /// <param name="destination">Receives input.Length values (in place allowed).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the input.</exception>
    public static void Hilbert(ReadOnlySpan<float> input, Span<float> destination)
    {
        var n = input.Length;
        if (destination.Length < n)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but the input has {n}.", nameof(destination));
        }

        if (n == 0)
        {
            return;
        }

        var re = ArrayPool<float>.Shared.Rent(n);
        var im = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var r = re.AsSpan(0, n);
            var i = im.AsSpan(0, n);
            input.CopyTo(r);
            i.Clear();
            var plan = FftPlan.Get(n);
            plan.Forward(r, i);

            // Analytic signal: keep DC (and Nyquist for even n), double positive frequencies, zero negative ones.
            var half = (n + 1) / 2;
            for (var k = 1; k < half; k++)
            {
                r[k] *= 2;
                i[k] *= 2;
            }

            for (var k = (n / 2) + 1; k < n; k++)
            {
                r[k] = 0;
                i[k] = 0;
            }

            plan.Inverse(r, i);
            for (var k = 0; k < n; k++)
            {
                destination[k] = MathF.Sqrt((r[k] * r[k]) + (i[k] * i[k]));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(re);
            ArrayPool<float>.Shared.Return(im);
        }
    }
}

/// <summary>
/// A streaming envelope: full-wave rectification followed by a Butterworth low-pass (second order by
/// default), scaled by π/2 so that a sine's envelope is its amplitude. Same output chunked or not.
/// </summary>
public sealed class EnvelopeFollower
{
    private readonly SosFilter _lowPass;

    /// <summary>Initializes an envelope follower.</summary>
    /// <param name="cutoffHz">The low-pass cutoff: below the carrier, above the envelope's own variation.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <param name="order">The low-pass order, 1 to 8.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public EnvelopeFollower(double cutoffHz, double sampleRateHz, int order = 2)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, 8);
        var sos = FilterDesign.ButterworthLowPass(order, cutoffHz, sampleRateHz);
        sos[0] = sos[0] with { B0 = sos[0].B0 * Math.PI / 2, B1 = sos[0].B1 * Math.PI / 2, B2 = sos[0].B2 * Math.PI / 2 };
        _lowPass = new SosFilter(sos);
    }

    /// <summary>Processes a chunk.</summary>
    /// <param name="input">The next samples.</param>
    /// <param name="destination">Receives the envelope (in place allowed).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or partly overlaps the input.</exception>
    public void Process(ReadOnlySpan<float> input, Span<float> destination)
    {
        var y = SignalFilters.PrepareDestination(input, destination);
        System.Numerics.Tensors.TensorPrimitives.Abs(y, y);
        _lowPass.Process(y, y);
    }

    /// <summary>Forgets the state.</summary>
    public void Reset() => _lowPass.Reset();
}
