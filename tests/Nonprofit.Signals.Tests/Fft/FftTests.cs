namespace Nonprofit.Signals.Tests.Transforms;

public sealed class FftTests
{
    private static (double[] Re, double[] Im) NaiveDft(float[] re, float[] im, int sign)
    {
        var n = re.Length;
        var outRe = new double[n];
        var outIm = new double[n];
        for (var k = 0; k < n; k++)
        {
            double sr = 0, si = 0;
            for (var t = 0; t < n; t++)
            {
                var angle = sign * 2 * Math.PI * (((long)k * t) % n) / n;
                sr += (re[t] * Math.Cos(angle)) - (im[t] * Math.Sin(angle));
                si += (re[t] * Math.Sin(angle)) + (im[t] * Math.Cos(angle));
            }

            outRe[k] = sr;
            outIm[k] = si;
        }

        return (outRe, outIm);
    }

    private static float[] Random(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((r.NextDouble() * 2) - 1))];
    }

    public static TheoryData<int> Lengths => new([.. Enumerable.Range(1, 64), 100, 127, 128, 243, 1000, 1024, 2048]);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Forward_MatchesNaiveDft(int n)
    {
        var re = Random(n, n);
        var im = Random(n, n + 7);
        var (er, ei) = NaiveDft(re, im, -1);

        FftPlan.Get(n).Forward(re, im);

        var tolerance = 1e-4 * Math.Sqrt(n) * (1 + Math.Log2(n));
        for (var k = 0; k < n; k++)
        {
            Assert.True(Math.Abs(er[k] - re[k]) <= tolerance && Math.Abs(ei[k] - im[k]) <= tolerance,
                $"n {n}, k {k}: ({re[k]}, {im[k]}) vs ({er[k]}, {ei[k]})");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Inverse_OfForward_ReturnsTheInput(int n)
    {
        var re = Random(n, n);
        var im = Random(n, n + 1);
        float[] r = [.. re], i = [.. im];
        var plan = FftPlan.Get(n);

        plan.Forward(r, i);
        plan.Inverse(r, i);

        for (var k = 0; k < n; k++)
        {
            Assert.True(Math.Abs(re[k] - r[k]) <= 1e-5 && Math.Abs(im[k] - i[k]) <= 1e-5, $"n {n}, k {k}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    [InlineData(2048)]
    [InlineData(16384)]
    public void ForwardReal_MatchesComplexTransform(int n)
    {
        var x = Random(n, n);
        float[] re = [.. x];
        var im = new float[n];
        FftPlan.Get(n).Forward(re, im);
        var bins = (n / 2) + 1;
        var outRe = new float[bins];
        var outIm = new float[bins];

        Fft.ForwardReal(x, outRe, outIm);

        var tolerance = 1e-4f * MathF.Sqrt(n);
        for (var k = 0; k < bins; k++)
        {
            Assert.True(Math.Abs(re[k] - outRe[k]) <= tolerance && Math.Abs(im[k] - outIm[k]) <= tolerance,
                $"n {n}, k {k}: ({outRe[k]}, {outIm[k]}) vs ({re[k]}, {im[k]})");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(301)]
    public void AutoCorrelation_MatchesDirectSum(int n)
    {
        var x = Random(n, n);
        var lags = new float[n];

        Fft.AutoCorrelation(x, lags);

        for (var k = 0; k < n; k++)
        {
            double expected = 0;
            for (var t = 0; t + k < n; t++)
            {
                expected += (double)x[t] * x[t + k];
            }

            Assert.True(Math.Abs(expected - lags[k]) <= 1e-3 * (1 + Math.Abs(expected)), $"n {n}, lag {k}: {lags[k]} vs {expected}");
        }
    }

    [Fact]
    public void AutoCorrelation_Normalized_StartsAtOneAndFindsThePeriod()
    {
        // A 4 Hz-sampled heart-rate-like periodicity: period 25 samples.
        var x = Enumerable.Range(0, 1000).Select(n => MathF.Sin(2 * MathF.PI * n / 25)).ToArray();
        var lags = new float[60];

        Fft.AutoCorrelation(x, lags, normalize: true);

        Assert.Equal(1f, lags[0], 5);
        var peak = Enumerable.Range(10, 40).MaxBy(k => lags[k]);
        Assert.Equal(25, peak);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FftPlan.Get(0));
        Assert.Throws<ArgumentException>(() => FftPlan.Get(8).Forward(new float[8], new float[7]));
        var shared = new float[16];
        Assert.Throws<ArgumentException>(() => FftPlan.Get(8).Forward(shared.AsSpan(0, 8), shared.AsSpan(4, 8)));
        Assert.Throws<ArgumentException>(() => Fft.ForwardReal([], new float[1], new float[1]));
        Assert.Throws<ArgumentException>(() => Fft.ForwardReal(new float[8], new float[4], new float[5]));
        Assert.Throws<ArgumentException>(() => Fft.AutoCorrelation(new float[4], new float[5]));
    }

    [Fact]
    public void Get_SameLength_ReturnsTheCachedPlan() => Assert.Same(FftPlan.Get(48), FftPlan.Get(48));
}
