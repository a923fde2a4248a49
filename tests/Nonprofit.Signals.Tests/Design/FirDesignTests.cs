namespace Nonprofit.Signals.Tests.Design;

public sealed class FirDesignTests
{
    private static double Gain(float[] h, double f)
    {
        double re = 0, im = 0;
        for (var i = 0; i < h.Length; i++)
        {
            re += h[i] * Math.Cos(2 * Math.PI * f * i);
            im -= h[i] * Math.Sin(2 * Math.PI * f * i);
        }

        return Math.Sqrt((re * re) + (im * im));
    }

    [Theory]
    [InlineData(WindowKind.Hann, new[] { 0.0, 0.5, 1.0, 0.5, 0.0 })]
    [InlineData(WindowKind.Hamming, new[] { 0.08, 0.54, 1.0, 0.54, 0.08 })]
    [InlineData(WindowKind.Blackman, new[] { 0.0, 0.34, 1.0, 0.34, 0.0 })]
    [InlineData(WindowKind.Rectangular, new[] { 1.0, 1.0, 1.0, 1.0, 1.0 })]
    public void Fill_FivePoints_MatchesTheFormula(WindowKind kind, double[] expected)
    {
        var w = new float[5];

        Windows.Fill(kind, w);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected[i], w[i], 6);
        }
    }

    [Fact]
    public void Fill_Kaiser_MatchesNumpyDocumentedValues()
    {
        // numpy.kaiser(12, 14), as printed in numpy's documentation.
        double[] expected =
        [
            7.72686684e-06, 3.46009194e-03, 4.65200189e-02, 2.29737120e-01, 5.99885316e-01, 9.45674898e-01,
            9.45674898e-01, 5.99885316e-01, 2.29737120e-01, 4.65200189e-02, 3.46009194e-03, 7.72686684e-06,
        ];
        var w = new float[12];

        Windows.Fill(WindowKind.Kaiser, w, 14);

        for (var i = 0; i < 12; i++)
        {
            Assert.True(Math.Abs(expected[i] - w[i]) <= 1e-6 * Math.Max(1e-3, expected[i]) + 1e-9, $"i {i}: {w[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void BesselI0_KnownValues() => Assert.Equal(1.2660658777520082, Windows.BesselI0(1), 14);

    [Theory]
    [InlineData(WindowKind.Hamming)]
    [InlineData(WindowKind.Blackman)]
    [InlineData(WindowKind.Hann)]
    public void LowPass_UnitDcHalfGainAtCutoffSymmetric(WindowKind window)
    {
        var h = FirDesign.LowPass(101, 100, 1000, window);

        Assert.Equal(1, Gain(h, 0), 5);
        Assert.InRange(Gain(h, 0.1), 0.45, 0.55);
        Assert.True(Gain(h, 0.2) < 0.01);
        for (var i = 0; i < h.Length; i++)
        {
            Assert.Equal(h[i], h[^(i + 1)]);
        }
    }

    [Fact]
    public void HighPass_UnitNyquistNoDc()
    {
        var h = FirDesign.HighPass(101, 100, 1000, WindowKind.Kaiser, 8);

        Assert.Equal(1, Gain(h, 0.5), 5);
        Assert.True(Gain(h, 0) < 1e-3);
        Assert.Throws<ArgumentOutOfRangeException>(() => FirDesign.HighPass(100, 100, 1000));
    }

    [Fact]
    public void BandPass_UnitCentreSmallOutside()
    {
        var h = FirDesign.BandPass(201, 100, 200, 1000);

        Assert.Equal(1, Gain(h, 0.15), 5);
        Assert.True(Gain(h, 0) < 0.01);
        Assert.True(Gain(h, 0.4) < 0.01);
        Assert.Throws<ArgumentOutOfRangeException>(() => FirDesign.BandPass(11, 200, 100, 1000));
    }

    [Fact]
    public void Design_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FirDesign.LowPass(0, 100, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => FirDesign.LowPass(11, 600, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Windows.Fill(WindowKind.Kaiser, new float[4], -1));
    }
}
