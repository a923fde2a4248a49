namespace Nonprofit.Signals.Tests.Transforms;

public sealed class CorrelationAndWelchTests
{
    private static float[] Random(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((r.NextDouble() * 2) - 1))];
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(64, 17)]
    [InlineData(100, 100)]
    public void CrossCorrelation_MatchesDirectSum(int na, int nb)
    {
        var a = Random(na, na);
        var b = Random(nb, nb + 3);
        var c = new float[na + nb - 1];

        Fft.CrossCorrelation(a, b, c);

        for (var k = 0; k < c.Length; k++)
        {
            var lag = k - (nb - 1);
            double expected = 0;
            for (var n = 0; n < nb; n++)
            {
                if (n + lag >= 0 && n + lag < na)
                {
                    expected += (double)a[n + lag] * b[n];
                }
            }

            Assert.True(Math.Abs(expected - c[k]) <= 1e-3 * (1 + Math.Abs(expected)), $"lag {lag}: {c[k]} vs {expected}");
        }
    }

    [Fact]
    public void CrossCorrelation_DelayedCopy_PeaksAtTheDelayWithNormalisedOne()
    {
        var b = Random(200, 1);
        var a = new float[260];
        b.CopyTo(a, 37);
        var c = new float[a.Length + b.Length - 1];

        Fft.CrossCorrelation(a, b, c, normalize: true);

        var best = Array.IndexOf(c, c.Max()) - (b.Length - 1);
        Assert.Equal(37, best);
        Assert.Equal(1f, c.Max(), 4);
    }

    [Fact]
    public void WelchPsd_WhiteNoise_IntegratesToItsVariance()
    {
        var x = Random(1 << 16, 7); // uniform on [-1, 1): variance 1/3
        const double Fs = 1000;
        var psd = new float[129];

        Fft.WelchPsd(x, Fs, 256, 128, WindowKind.Hann, psd);

        var power = psd.Sum(v => (double)v) * Fs / 256;
        Assert.InRange(power, 0.32, 0.35);
    }

    [Fact]
    public void WelchPsd_Sine_PeaksAtItsFrequency()
    {
        const double Fs = 1000;
        var x = Enumerable.Range(0, 8192).Select(n => MathF.Sin((float)(2 * Math.PI * 125 * n / Fs))).ToArray();
        var psd = new float[257];

        Fft.WelchPsd(x, Fs, 512, 256, WindowKind.Hann, psd);

        Assert.Equal(64, Array.IndexOf(psd, psd.Max())); // 125 Hz = bin 64 of 512 at 1 kHz
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => Fft.CrossCorrelation([], [1f], new float[1]));
        Assert.Throws<ArgumentException>(() => Fft.CrossCorrelation([1f, 2f], [1f], new float[1]));
        Assert.Throws<ArgumentException>(() => Fft.WelchPsd(new float[10], 100, 16, 8, WindowKind.Hann, new float[9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fft.WelchPsd(new float[100], 100, 16, 16, WindowKind.Hann, new float[9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fft.WelchPsd(new float[100], 0, 16, 8, WindowKind.Hann, new float[9]));
    }
}
