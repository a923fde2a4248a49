using NWaves.Filters.Base;
using NWaves.Windows;

namespace Nonprofit.Signals.Tests.Design;

/// <summary>
/// Designs checked against NWaves 0.9.6 as a test-only oracle (the Signals issue asks for 1e-6 relative agreement
/// with published references): Butterworth transfer functions, windows and windowed-sinc FIR designs.
/// </summary>
public sealed class NWavesOracleTests
{
    // Multiplies the sections out into one transfer function (b, a), highest power of z^-1 last.
    private static (double[] B, double[] A) Expand(Biquad[] sections)
    {
        double[] b = [1], a = [1];
        foreach (var s in sections)
        {
            b = Multiply(b, [s.B0, s.B1, s.B2]);
            a = Multiply(a, [1, s.A1, s.A2]);
        }

        return (b, a);
    }

    private static double[] Multiply(double[] p, double[] q)
    {
        var r = new double[p.Length + q.Length - 1];
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = 0; j < q.Length; j++)
            {
                r[i + j] += p[i] * q[j];
            }
        }

        return r;
    }

    // |b(e^iω) / a(e^iω)|, coefficients of z^0, z^-1, ...
    private static double Gain(double[] b, double[] a, double omega)
    {
        static System.Numerics.Complex Evaluate(double[] p, double omega)
        {
            var sum = System.Numerics.Complex.Zero;
            for (var i = 0; i < p.Length; i++)
            {
                sum += p[i] * System.Numerics.Complex.FromPolarCoordinates(1, -omega * i);
            }

            return sum;
        }

        return (Evaluate(b, omega) / Evaluate(a, omega)).Magnitude;
    }

    /// <summary>
    /// Same poles and zeros (denominator and numerator shape to 1e-6 relative); when <paramref name="gainAt"/> is given,
    /// NWaves' numerator is first scaled to ours' unit gain at that angular frequency, because the two libraries
    /// normalise band filters at different frequencies (ours: exact Butterworth magnitude, unit at the pre-warped
    /// centre; checked against the closed form in <see cref="ButterworthTests"/>).
    /// </summary>
    private static void AssertSameTransferFunction(Biquad[] ours, TransferFunction theirs, string what, double? gainAt = null)
    {
        var (b, a) = Expand(ours);
        var na = theirs.Denominator.Select(v => v / theirs.Denominator[0]).ToArray();
        var nb = theirs.Numerator.Select(v => v / theirs.Denominator[0]).ToArray();
        if (gainAt is { } omega)
        {
            Assert.Equal(1, Gain(b, a, omega), 9);
            var g = Gain(nb, na, omega);
            nb = nb.Select(v => v / g).ToArray();
        }

        AssertPolynomial(b, nb, what + " numerator");
        AssertPolynomial(a, na, what + " denominator");
    }

    private static void AssertPolynomial(double[] ours, double[] theirs, string what)
    {
        // First-order sections carry zero z^-2 terms: compare on the common length, the rest must be zero.
        var n = Math.Max(ours.Length, theirs.Length);
        var scale = theirs.Max(Math.Abs);
        for (var i = 0; i < n; i++)
        {
            var x = i < ours.Length ? ours[i] : 0;
            var y = i < theirs.Length ? theirs[i] : 0;
            Assert.True(Math.Abs(x - y) <= 1e-6 * scale, $"{what}[{i}]: ours {x:R}, NWaves {y:R}");
        }
    }

    [Theory]
    [InlineData(1, 0.05)]
    [InlineData(2, 0.05)]
    [InlineData(4, 0.1)]
    [InlineData(6, 0.05)]
    [InlineData(7, 0.2)]
    [InlineData(8, 0.3)]
    public void Butterworth_LowAndHighPass_MatchNWavesTransferFunction(int order, double normalizedCutoff)
    {
        var lp = FilterDesign.ButterworthLowPass(order, normalizedCutoff * 1000, 1000);
        AssertSameTransferFunction(lp, new NWaves.Filters.Butterworth.LowPassFilter(normalizedCutoff, order).Tf, $"low-pass {order}");

        var hp = FilterDesign.ButterworthHighPass(order, normalizedCutoff * 1000, 1000);
        AssertSameTransferFunction(hp, new NWaves.Filters.Butterworth.HighPassFilter(normalizedCutoff, order).Tf, $"high-pass {order}");
    }

    [Theory]
    [InlineData(2, 0.05, 0.15)]
    [InlineData(3, 0.1, 0.2)]
    [InlineData(4, 0.2, 0.3)]
    public void Butterworth_BandPassAndStop_MatchNWavesTransferFunction(int order, double low, double high)
    {
        // The pre-warped centre: the geometric mean of the pre-warped edges, mapped back.
        var centre = 2 * Math.Atan(Math.Sqrt(Math.Tan(Math.PI * low) * Math.Tan(Math.PI * high)));
        var bp = FilterDesign.ButterworthBandPass(order, low * 1000, high * 1000, 1000);
        AssertSameTransferFunction(bp, new NWaves.Filters.Butterworth.BandPassFilter(low, high, order).Tf, $"band-pass {order}", centre);

        var bs = FilterDesign.ButterworthBandStop(order, low * 1000, high * 1000, 1000);
        AssertSameTransferFunction(bs, new NWaves.Filters.Butterworth.BandStopFilter(low, high, order).Tf, $"band-stop {order}", 0);
    }

    [Theory]
    [InlineData(WindowKind.Hann, WindowType.Hann)]
    [InlineData(WindowKind.Hamming, WindowType.Hamming)]
    [InlineData(WindowKind.Blackman, WindowType.Blackman)]
    public void Windows_MatchNWaves(WindowKind ours, WindowType theirs)
    {
        foreach (var n in new[] { 5, 16, 63, 256 })
        {
            var w = new float[n];
            Windows.Fill(ours, w);
            var expected = Window.OfType(theirs, n);
            for (var i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(w[i] - expected[i]) <= 1e-6, $"{ours} {n} [{i}]: {w[i]} vs {expected[i]}");
            }
        }
    }

    [Fact]
    public void Windows_Kaiser_MatchesNWaves()
    {
        foreach (var beta in new[] { 0.5, 5.0, 8.6, 14.0 })
        {
            var w = new float[51];
            Windows.Fill(WindowKind.Kaiser, w, beta);
            var expected = Window.Kaiser(51, beta);
            for (var i = 0; i < w.Length; i++)
            {
                Assert.True(Math.Abs(w[i] - expected[i]) <= 1e-6, $"β {beta} [{i}]: {w[i]} vs {expected[i]}");
            }
        }
    }

    [Theory]
    [InlineData(31, 0.1, WindowKind.Hamming, WindowType.Hamming)]
    [InlineData(101, 0.04, WindowKind.Blackman, WindowType.Blackman)]
    [InlineData(63, 0.25, WindowKind.Hann, WindowType.Hann)]
    public void FirLowPass_MatchesNWaves(int taps, double normalizedCutoff, WindowKind ours, WindowType theirs) =>
        AssertKernel(FirDesign.LowPass(taps, normalizedCutoff * 1000, 1000, ours), NWaves.Filters.Fda.DesignFilter.FirWinLp(taps, normalizedCutoff, theirs), "low-pass", 0);

    // NWaves 0.9.6 builds its high-pass by modulating a low-pass with a sign that starts at the first tap, not at the
    // centre: right only when (taps − 1) / 2 is odd (31, 63, 127 …; with 101 taps its off-centre taps are negated).
    // So the oracle is used where it is right.
    [Theory]
    [InlineData(31, 0.1, WindowKind.Hamming, WindowType.Hamming)]
    [InlineData(127, 0.04, WindowKind.Blackman, WindowType.Blackman)]
    [InlineData(63, 0.25, WindowKind.Hann, WindowType.Hann)]
    public void FirHighPass_MatchesNWaves(int taps, double normalizedCutoff, WindowKind ours, WindowType theirs) =>
        AssertKernel(FirDesign.HighPass(taps, normalizedCutoff * 1000, 1000, ours), NWaves.Filters.Fda.DesignFilter.FirWinHp(taps, normalizedCutoff, theirs), "high-pass", Math.PI);

    [Fact]
    public void FirBandPass_MatchesNWaves() =>
        AssertKernel(FirDesign.BandPass(201, 20, 80, 1000, WindowKind.Blackman), NWaves.Filters.Fda.DesignFilter.FirWinBp(201, 0.02, 0.08, WindowType.Blackman), "band-pass", 2 * Math.PI * 0.05);

    /// <summary>
    /// Same windowed ideal response; both kernels scaled to unit gain at <paramref name="gainAt"/> (ours documents
    /// DC, Nyquist or the band centre, as scipy's firwin does; NWaves leaves high- and band-pass kernels unscaled).
    /// </summary>
    private static void AssertKernel(float[] ours, double[] theirs, string what, double gainAt)
    {
        Assert.Equal(theirs.Length, ours.Length);
        var wide = ours.Select(v => (double)v).ToArray();
        Assert.Equal(1, Gain(wide, [1], gainAt), 5);
        var g = Gain(theirs, [1], gainAt);
        theirs = theirs.Select(v => v / g).ToArray();
        var scale = theirs.Max(Math.Abs);
        for (var i = 0; i < ours.Length; i++)
        {
            // float coefficients: 1e-6 of the largest tap.
            Assert.True(Math.Abs(ours[i] - theirs[i]) <= 1e-6 * scale, $"{what} [{i}]: ours {ours[i]:R}, NWaves {theirs[i]:R}");
        }
    }
}
