using CsCheck;

namespace Nonprofit.Signals.Tests;

public sealed class ResamplerTests
{
    private static float[] Sine(int n, double hz, double fs) =>
        [.. Enumerable.Range(0, n).Select(t => (float)Math.Sin(2 * Math.PI * hz * t / fs))];

    [Theory]
    [InlineData(1, 4, 1000)]
    [InlineData(3, 2, 999)]
    [InlineData(160, 147, 441)]
    [InlineData(2, 1, 0)]
    public void Resample_OutputLength_IsCeilOfInputTimesRatio(int up, int down, int n)
    {
        var y = new float[((n * up) / down) + 2];

        var written = SignalFilters.Resample(new float[n], up, down, y);

        Assert.Equal((int)Math.Ceiling(n * (double)up / down), written);
    }

    [Fact]
    public void Resample_ConstantInput_KeepsItsLevel()
    {
        var x = Enumerable.Repeat(1f, 2000).ToArray();
        var y = new float[4000];

        var written = SignalFilters.Resample(x, 3, 2, y);

        Assert.All(y[200..(written - 200)], v => Assert.Equal(1f, v, 3));
    }

    [Fact]
    public void Decimate_SineBelowNewNyquist_IsKeptWithItsDelay()
    {
        const double Fs = 1000;
        var x = Sine(4000, 10, Fs);
        var y = new float[1000];

        var written = SignalFilters.Decimate(x, 4, y);
        var resampler = new Resampler(1, 4);
        var delay = (resampler.TapCount - 1) / 2.0 / Fs; // seconds

        Assert.Equal(1000, written);
        for (var m = 100; m < 900; m++)
        {
            var expected = Math.Sin(2 * Math.PI * 10 * ((m * 4 / Fs) - delay));
            Assert.True(Math.Abs(expected - y[m]) < 0.01, $"m {m}: {y[m]} vs {expected}");
        }
    }

    [Fact]
    public void Decimate_SineAboveNewNyquist_IsRemoved()
    {
        var x = Sine(4000, 400, 1000);
        var y = new float[1000];

        SignalFilters.Decimate(x, 4, y);

        Assert.True(y[100..900].Max(Math.Abs) < 0.01f, $"max {y[100..900].Max(Math.Abs)}");
    }

    [Fact]
    public void Resampler_AnyChunking_IsBitIdenticalToOffline()
    {
        Gen.Select(Gen.Int[1, 7], Gen.Int[1, 7], Gen.Int[0, 500], Gen.Int[1, 90]).Sample((up, down, n, chunk) =>
        {
            var r = new Random(n + (31 * chunk));
            var x = Enumerable.Range(0, n).Select(_ => (float)r.NextDouble()).ToArray();
            var offline = new float[new Resampler(up, down).MaxOutputLength(n)];
            var count = SignalFilters.Resample(x, up, down, offline);

            var resampler = new Resampler(up, down);
            var online = new List<float>();
            var buffer = new float[resampler.MaxOutputLength(chunk)];
            for (var i = 0; i < n; i += chunk)
            {
                var written = resampler.Process(x.AsSpan(i, Math.Min(chunk, n - i)), buffer);
                online.AddRange(buffer[..written]);
            }

            Assert.Equal(offline[..count], online.ToArray());
        }, iter: 300);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(1, 1001));
        Assert.Throws<ArgumentException>(() => SignalFilters.Decimate(new float[100], 2, new float[10]));
    }
}
