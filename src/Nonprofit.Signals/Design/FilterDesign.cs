using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace Nonprofit.Signals;

/// <summary>
/// Butterworth filter design as second-order sections: the analog prototype of any order, transformed to
/// low-, high-, band-pass or band-stop, then to digital by the bilinear transform with the band edges
/// pre-warped, so the digital response is exactly -3.0103 dB at every edge. The magnitude response equals
/// 1 / (1 + (tan(ω/2) / tan(ωc/2))^(2N)) for the low-pass (and the matching forms for the others) to
/// rounding; the tests check it to 1e-9.
/// </summary>
public static class FilterDesign
{
    /// <summary>Designs a Butterworth low-pass filter.</summary>
    /// <param name="order">The order, 1 to 32.</param>
    /// <param name="cutoffHz">The -3 dB frequency, between 0 and half the sample rate.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <returns>ceil(order / 2) sections, poles nearest the unit circle last.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The order or a frequency is out of range.</exception>
    public static Biquad[] ButterworthLowPass(int order, double cutoffHz, double sampleRateHz)
    {
        var wc = Prewarp(cutoffHz, sampleRateHz, nameof(cutoffHz));
        var poles = Prototype(Checked(order, 32)).Select(p => p * wc).ToList();
        return ToSections(poles, Zeros(order, -1), sampleRateHz, 0);
    }

    /// <summary>Designs a Butterworth high-pass filter.</summary>
    /// <param name="order">The order, 1 to 32.</param>
    /// <param name="cutoffHz">The -3 dB frequency, between 0 and half the sample rate.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <returns>ceil(order / 2) sections.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The order or a frequency is out of range.</exception>
    public static Biquad[] ButterworthHighPass(int order, double cutoffHz, double sampleRateHz)
    {
        var wc = Prewarp(cutoffHz, sampleRateHz, nameof(cutoffHz));
        var poles = Prototype(Checked(order, 32)).Select(p => wc / p).ToList();
        return ToSections(poles, Zeros(order, 1), sampleRateHz, Math.PI);
    }

    /// <summary>Designs a Butterworth band-pass filter (order 2N overall).</summary>
    /// <param name="order">The prototype order N, 1 to 16.</param>
    /// <param name="lowHz">The lower -3 dB edge.</param>
    /// <param name="highHz">The upper -3 dB edge, above <paramref name="lowHz"/> and below half the sample rate.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <returns>N sections.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The order or a frequency is out of range.</exception>
    public static Biquad[] ButterworthBandPass(int order, double lowHz, double highHz, double sampleRateHz)
    {
        var (w0, bw) = Band(order, lowHz, highHz, sampleRateHz);
        var poles = new List<Complex>();
        foreach (var p in Prototype(order))
        {
            var half = p * bw / 2;
            var root = Complex.Sqrt((half * half) - (w0 * w0));
            poles.Add(half + root);
            poles.Add(half - root);
        }

        var zeros = Zeros(order, 1).Concat(Zeros(order, -1)).ToList();
        return ToSections(poles, zeros, sampleRateHz, 2 * Math.Atan(w0 / (2 * sampleRateHz)));
    }

    /// <summary>Designs a Butterworth band-stop filter (order 2N overall).</summary>
    /// <param name="order">The prototype order N, 1 to 16.</param>
    /// <param name="lowHz">The lower -3 dB edge.</param>
    /// <param name="highHz">The upper -3 dB edge, above <paramref name="lowHz"/> and below half the sample rate.</param>
    /// <param name="sampleRateHz">The sample rate.</param>
    /// <returns>N sections.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The order or a frequency is out of range.</exception>
    public static Biquad[] ButterworthBandStop(int order, double lowHz, double highHz, double sampleRateHz)
    {
        var (w0, bw) = Band(order, lowHz, highHz, sampleRateHz);
        var poles = new List<Complex>();
        foreach (var p in Prototype(order))
        {
            var half = bw / 2 / p;
            var root = Complex.Sqrt((half * half) - (w0 * w0));
            poles.Add(half + root);
            poles.Add(half - root);
        }

        // Zeros at ±j·w0 map to the unit circle at the (pre-warped) centre frequency.
        var omega0 = 2 * Math.Atan(w0 / (2 * sampleRateHz));
        var zero = Complex.FromPolarCoordinates(1, omega0);
        var zeros = Enumerable.Range(0, order).SelectMany(_ => new[] { zero, Complex.Conjugate(zero) }).ToList();
        return ToSections(poles, zeros, sampleRateHz, 0);
    }

    // Analog Butterworth prototype poles (cutoff 1 rad/s), left half plane.
    private static IEnumerable<Complex> Prototype(int order)
    {
        for (var k = 0; k < order; k++)
        {
            yield return Complex.FromPolarCoordinates(1, Math.PI * ((2 * k) + order + 1) / (2 * order));
        }
    }

    private static int Checked(int order, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, max);
        return order;
    }

    private static List<Complex> Zeros(int count, double at) => [.. Enumerable.Repeat(new Complex(at, 0), count)];

    private static double Prewarp(double hz, double sampleRateHz, string paramName)
    {
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be a positive finite number.");
        }

        if (!double.IsFinite(hz) || hz <= 0 || hz >= sampleRateHz / 2)
        {
            throw new ArgumentOutOfRangeException(paramName, hz, $"The frequency must be between 0 and half the sample rate ({sampleRateHz / 2} Hz), exclusive.");
        }

        return 2 * sampleRateHz * Math.Tan(Math.PI * hz / sampleRateHz);
    }

    private static (double W0, double Bw) Band(int order, double lowHz, double highHz, double sampleRateHz)
    {
        Checked(order, 16);
        var w1 = Prewarp(lowHz, sampleRateHz, nameof(lowHz));
        var w2 = Prewarp(highHz, sampleRateHz, nameof(highHz));
        if (w2 <= w1)
        {
            throw new ArgumentOutOfRangeException(nameof(highHz), highHz, "The upper edge must be above the lower edge.");
        }

        return (Math.Sqrt(w1 * w2), w2 - w1);
    }

    /// <summary>
    /// Bilinear-transforms the analog poles (z = (2fs + s) / (2fs - s)), pairs conjugate poles and zeros into
    /// sections (a lone real pole gives a first-order section), orders the sections by pole radius (nearest the
    /// unit circle last) and scales the first section so that |H| = 1 at <paramref name="unitGainOmega"/>.
    /// </summary>
    private static Biquad[] ToSections(List<Complex> analogPoles, List<Complex> digitalZeros, double sampleRateHz, double unitGainOmega)
    {
        var fs2 = 2 * sampleRateHz;
        var poles = analogPoles.Select(p => (fs2 + p) / (fs2 - p)).ToList();
        var poleGroups = Pair(poles, interleaveSigns: false);
        var zeroGroups = Pair(digitalZeros, interleaveSigns: true);
        if (zeroGroups.Count != poleGroups.Count)
        {
            throw new InvalidOperationException("Internal error: pole and zero sections differ in number.");
        }

        var order = Enumerable.Range(0, poleGroups.Count).OrderBy(i => poleGroups[i].Max(p => p.Magnitude)).ToArray();
        var sections = new Biquad[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            sections[k] = Section(zeroGroups[order[k]], poleGroups[order[k]]);
        }

        var response = Complex.One;
        foreach (var section in sections)
        {
            response *= section.Response(unitGainOmega);
        }

        var g = 1 / response.Magnitude;
        var first = sections[0];
        sections[0] = first with { B0 = first.B0 * g, B1 = first.B1 * g, B2 = first.B2 * g };
        return sections;
    }

    private static Biquad Section(Complex[] zeros, Complex[] poles)
    {
        var (b1, b2) = Quadratic(zeros);
        var (a1, a2) = Quadratic(poles);
        return new Biquad(1, b1, b2, a1, a2);
    }

    // (z - r1)(z - r2) = z^2 - (r1 + r2) z + r1 r2, as coefficients of z^-1 and z^-2.
    private static (double C1, double C2) Quadratic(Complex[] roots) => roots.Length switch
    {
        1 => (-roots[0].Real, 0),
        _ => (-(roots[0] + roots[1]).Real, (roots[0] * roots[1]).Real),
    };

    /// <summary>Groups roots into conjugate pairs, then real roots two by two (one positive, one negative first when asked), a lone real root last.</summary>
    private static List<Complex[]> Pair(List<Complex> roots, bool interleaveSigns)
    {
        const double Eps = 1e-10;
        var groups = new List<Complex[]>();
        var complexRoots = roots.Where(r => r.Imaginary > Eps).OrderBy(r => r.Phase).ToList();
        foreach (var r in complexRoots)
        {
            groups.Add([r, Complex.Conjugate(r)]);
        }

        var reals = roots.Where(r => Math.Abs(r.Imaginary) <= Eps).Select(r => new Complex(r.Real, 0)).ToList();
        if (interleaveSigns)
        {
            var positive = new Queue<Complex>(reals.Where(r => r.Real >= 0));
            var negative = new Queue<Complex>(reals.Where(r => r.Real < 0));
            while (positive.Count > 0 && negative.Count > 0)
            {
                groups.Add([positive.Dequeue(), negative.Dequeue()]);
            }

            reals = [.. positive, .. negative];
        }
        else
        {
            reals = [.. reals.OrderBy(r => r.Real)];
        }

        for (var i = 0; i + 1 < reals.Count; i += 2)
        {
            groups.Add([reals[i], reals[i + 1]]);
        }

        if (reals.Count % 2 == 1)
        {
            groups.Add([reals[^1]]);
        }

        return groups;
    }
}
