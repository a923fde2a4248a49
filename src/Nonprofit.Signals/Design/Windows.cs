using System;

namespace Nonprofit.Signals;

/// <summary>The window functions of <see cref="Windows"/>.</summary>
public enum WindowKind
{
    /// <summary>All ones.</summary>
    Rectangular,

    /// <summary>0.5 − 0.5 cos(2πn/(N−1)).</summary>
    Hann,

    /// <summary>0.54 − 0.46 cos(2πn/(N−1)).</summary>
    Hamming,

    /// <summary>0.42 − 0.5 cos(2πn/(N−1)) + 0.08 cos(4πn/(N−1)).</summary>
    Blackman,

    /// <summary>I0(β √(1 − (2n/(N−1) − 1)²)) / I0(β), with β given separately.</summary>
    Kaiser,
}

/// <summary>Symmetric window functions (the filter-design convention, scipy's <c>sym=True</c>).</summary>
public static class Windows
{
    /// <summary>Fills <paramref name="destination"/> with a symmetric window of its length.</summary>
    /// <param name="kind">The window.</param>
    /// <param name="destination">Receives the window; a length of 1 gives [1].</param>
    /// <param name="kaiserBeta">β of the Kaiser window (0 is rectangular; 8.6 is close to Blackman); ignored otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kaiserBeta"/> is negative or not finite.</exception>
    public static void Fill(WindowKind kind, Span<float> destination, double kaiserBeta = 0)
    {
        if (kind == WindowKind.Kaiser && (!double.IsFinite(kaiserBeta) || kaiserBeta < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(kaiserBeta), kaiserBeta, "β must be a finite number ≥ 0.");
        }

        var n = destination.Length;
        if (n == 1)
        {
            destination[0] = 1;
            return;
        }

        var i0Beta = kind == WindowKind.Kaiser ? BesselI0(kaiserBeta) : 1;
        for (var i = 0; i < n; i++)
        {
            var phase = 2 * Math.PI * i / (n - 1);
            destination[i] = (float)(kind switch
            {
                WindowKind.Hann => 0.5 - (0.5 * Math.Cos(phase)),
                WindowKind.Hamming => 0.54 - (0.46 * Math.Cos(phase)),
                WindowKind.Blackman => 0.42 - (0.5 * Math.Cos(phase)) + (0.08 * Math.Cos(2 * phase)),
                WindowKind.Kaiser => BesselI0(kaiserBeta * Math.Sqrt(Math.Max(0, 1 - Math.Pow((2.0 * i / (n - 1)) - 1, 2)))) / i0Beta,
                _ => 1.0,
            });
        }
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series (to 1e-16 relative).</summary>
    internal static double BesselI0(double x)
    {
        double sum = 1, term = 1, q = x * x / 4;
        for (var k = 1; k < 500; k++)
        {
            term *= q / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
