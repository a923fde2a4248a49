namespace Nonprofit.Signals.Tests.Design;

/// <summary>
/// The bilinear-transformed Butterworth responses have closed forms in Ω = tan(ω/2):
/// low-pass |H|² = 1 / (1 + (Ω/Ωc)^2N), high-pass 1 / (1 + (Ωc/Ω)^2N), band-pass 1 / (1 + ((Ω² − Ω0²)/(Ω·B))^2N),
/// band-stop 1 / (1 + (Ω·B/(Ω² − Ω0²))^2N), with Ω0² = Ω1·Ω2 and B = Ω2 − Ω1.
/// </summary>
public sealed class ButterworthTests
{
    private const double Fs = 1000;

    private static double Magnitude(Biquad[] sos, double hz)
    {
        var h = System.Numerics.Complex.One;
        foreach (var s in sos)
        {
            h *= s.Response(2 * Math.PI * hz / Fs);
        }

        return h.Magnitude;
    }

    private static double Omega(double hz) => Math.Tan(Math.PI * hz / Fs);

    private static IEnumerable<double> Frequencies() => Enumerable.Range(1, 99).Select(i => i * 4.99);

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 100)]
    [InlineData(4, 10)]
    [InlineData(6, 250)]
    [InlineData(9, 123.4)]
    [InlineData(16, 300)]
    public void LowPass_MatchesAnalyticMagnitude(int order, double cutoff)
    {
        var sos = FilterDesign.ButterworthLowPass(order, cutoff, Fs);

        Assert.Equal((order + 1) / 2, sos.Length);
        foreach (var f in Frequencies())
        {
            var expected = 1 / Math.Sqrt(1 + Math.Pow(Omega(f) / Omega(cutoff), 2 * order));
            Assert.Equal(expected, Magnitude(sos, f), 9);
        }

        Assert.Equal(1, Magnitude(sos, 0), 9);
        Assert.Equal(1 / Math.Sqrt(2), Magnitude(sos, cutoff), 9);
        Assert.Equal(0, Magnitude(sos, Fs / 2), 9);
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(3, 200)]
    [InlineData(6, 20)]
    public void HighPass_MatchesAnalyticMagnitude(int order, double cutoff)
    {
        var sos = FilterDesign.ButterworthHighPass(order, cutoff, Fs);

        foreach (var f in Frequencies())
        {
            var expected = 1 / Math.Sqrt(1 + Math.Pow(Omega(cutoff) / Omega(f), 2 * order));
            Assert.Equal(expected, Magnitude(sos, f), 9);
        }

        Assert.Equal(0, Magnitude(sos, 0), 9);
        Assert.Equal(1, Magnitude(sos, Fs / 2), 9);
    }

    [Theory]
    [InlineData(1, 50, 150)]
    [InlineData(2, 10, 20)]
    [InlineData(4, 100, 300)]
    public void BandPass_MatchesAnalyticMagnitude(int order, double low, double high)
    {
        var sos = FilterDesign.ButterworthBandPass(order, low, high, Fs);
        double o1 = Omega(low), o2 = Omega(high), o0Sq = o1 * o2, b = o2 - o1;

        Assert.Equal(order, sos.Length);
        foreach (var f in Frequencies())
        {
            var o = Omega(f);
            var expected = 1 / Math.Sqrt(1 + Math.Pow(((o * o) - o0Sq) / (o * b), 2 * order));
            Assert.Equal(expected, Magnitude(sos, f), 9);
        }

        Assert.Equal(1 / Math.Sqrt(2), Magnitude(sos, low), 9);
        Assert.Equal(1 / Math.Sqrt(2), Magnitude(sos, high), 9);
    }

    [Theory]
    [InlineData(1, 50, 150)]
    [InlineData(3, 45, 55)]
    public void BandStop_MatchesAnalyticMagnitude(int order, double low, double high)
    {
        var sos = FilterDesign.ButterworthBandStop(order, low, high, Fs);
        double o1 = Omega(low), o2 = Omega(high), o0Sq = o1 * o2, b = o2 - o1;

        foreach (var f in Frequencies())
        {
            var o = Omega(f);
            var expected = 1 / Math.Sqrt(1 + Math.Pow(o * b / ((o * o) - o0Sq), 2 * order));
            Assert.Equal(expected, Magnitude(sos, f), 8);
        }
    }

    [Fact]
    public void Design_BadArguments_ThrowArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.ButterworthLowPass(0, 10, Fs));
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.ButterworthLowPass(33, 10, Fs));
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.ButterworthLowPass(2, 500, Fs));
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.ButterworthLowPass(2, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.ButterworthBandPass(2, 100, 50, Fs));
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.ButterworthHighPass(2, double.NaN, Fs));
    }

    [Fact]
    public void LowPass_StepResponse_SettlesToOne()
    {
        var sos = FilterDesign.ButterworthLowPass(4, 20, Fs);
        var x = Enumerable.Repeat(1f, 2000).ToArray();
        var y = new float[x.Length];

        SignalFilters.Sos(x, sos, y);

        Assert.Equal(1f, y[^1], 4);
    }

    [Theory]
    [InlineData("low", 4, 100.0, 0.0)]
    [InlineData("high", 5, 50.0, 0.0)]
    [InlineData("band", 3, 100.0, 200.0)]
    [InlineData("stop", 2, 100.0, 200.0)]
    public void FilteredImpulse_HasTheAnalyticGainAtDcEdgesAndNyquist(string kind, int order, double edge, double upper)
    {
        // The impulse response as the filter computes it (SignalFilters.Sos), transformed with our FFT:
        // 4000 points at 1 kHz put every frequency checked below on a bin (0.25 Hz apart).
        const double Rate = 1000;
        const int N = 4000;
        var sos = kind switch
        {
            "low" => FilterDesign.ButterworthLowPass(order, edge, Rate),
            "high" => FilterDesign.ButterworthHighPass(order, edge, Rate),
            "band" => FilterDesign.ButterworthBandPass(order, edge, upper, Rate),
            _ => FilterDesign.ButterworthBandStop(order, edge, upper, Rate),
        };
        var h = new float[N];
        h[0] = 1;
        SignalFilters.Sos(h, sos, h);
        var re = new float[(N / 2) + 1];
        var im = new float[(N / 2) + 1];
        Fft.ForwardReal(h, re, im);
        double Gain(double hz)
        {
            var k = (int)Math.Round(hz * N / Rate);
            return Math.Sqrt((re[k] * re[k]) + (im[k] * im[k]));
        }

        var halfPower = 1 / Math.Sqrt(2);
        const double Tolerance = 2e-4;
        switch (kind)
        {
            case "low":
                Assert.Equal(1, Gain(0), Tolerance);
                Assert.Equal(halfPower, Gain(edge), Tolerance);
                Assert.Equal(0, Gain(Rate / 2), Tolerance);
                break;
            case "high":
                Assert.Equal(0, Gain(0), Tolerance);
                Assert.Equal(halfPower, Gain(edge), Tolerance);
                Assert.Equal(1, Gain(Rate / 2), Tolerance);
                break;
            case "band":
                Assert.Equal(0, Gain(0), Tolerance);
                Assert.Equal(halfPower, Gain(edge), Tolerance);
                Assert.Equal(halfPower, Gain(upper), Tolerance);
                Assert.Equal(0, Gain(Rate / 2), Tolerance);
                break;
            default:
                Assert.Equal(1, Gain(0), Tolerance);
                Assert.Equal(halfPower, Gain(edge), Tolerance);
                Assert.Equal(halfPower, Gain(upper), Tolerance);
                Assert.Equal(1, Gain(Rate / 2), Tolerance);
                break;
        }
    }
}
