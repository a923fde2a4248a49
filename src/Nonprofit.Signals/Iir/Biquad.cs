using System;

namespace Nonprofit.Signals;

/// <summary>
/// One second-order section, normalised so that a0 = 1:
/// H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2).
/// </summary>
/// <param name="B0">Numerator coefficient of z^0.</param>
/// <param name="B1">Numerator coefficient of z^-1.</param>
/// <param name="B2">Numerator coefficient of z^-2.</param>
/// <param name="A1">Denominator coefficient of z^-1.</param>
/// <param name="A2">Denominator coefficient of z^-2.</param>
public readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Gets the section that passes its input unchanged.</summary>
    public static Biquad Identity { get; } = new(1, 0, 0, 0, 0);

    /// <summary>Creates a section from unnormalised coefficients (divides by a0).</summary>
    /// <param name="b0">b0.</param>
    /// <param name="b1">b1.</param>
    /// <param name="b2">b2.</param>
    /// <param name="a0">a0, not zero.</param>
    /// <param name="a1">a1.</param>
    /// <param name="a2">a2.</param>
    /// <returns>The normalised section.</returns>
    /// <exception cref="ArgumentException"><paramref name="a0"/> is zero or a coefficient is not finite.</exception>
    public static Biquad FromCoefficients(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        if (a0 == 0 || !double.IsFinite(a0))
        {
            throw new ArgumentException("a0 must be finite and non-zero.", nameof(a0));
        }

        var section = new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
        section.ThrowIfNotFinite(nameof(b0));
        return section;
    }

    /// <summary>Returns the complex frequency response at a normalised angular frequency.</summary>
    /// <param name="omega">Angular frequency in radians per sample (0 to π).</param>
    /// <returns>H(e^{iω}).</returns>
    public System.Numerics.Complex Response(double omega)
    {
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -omega);
        var z2 = z1 * z1;
        return (B0 + (B1 * z1) + (B2 * z2)) / (1 + (A1 * z1) + (A2 * z2));
    }

    internal void ThrowIfNotFinite(string paramName)
    {
        if (!double.IsFinite(B0) || !double.IsFinite(B1) || !double.IsFinite(B2) || !double.IsFinite(A1) || !double.IsFinite(A2))
        {
            throw new ArgumentException("Biquad coefficients must be finite numbers.", paramName);
        }
    }
}
