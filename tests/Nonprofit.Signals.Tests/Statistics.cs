using CsCheck;

namespace Nonprofit.Signals.Tests;

public sealed class MovingStatisticsTests
{
    private static float[] Random(int n, int seed, int distinct = 0)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => distinct > 0 ? r.Next(distinct) : (float)((r.NextDouble() * 2) - 1))];
    }

    private static float NaiveMedian(float[] x, int n, int w)
    {
        var window = x[Math.Max(0, n - w + 1)..(n + 1)].Order().ToArray();
        var m = window.Length;
        return m % 2 == 1 ? window[m / 2] : (float)((window[(m / 2) - 1] + (double)window[m / 2]) / 2);
    }

    [Fact]
    public void Median_WindowsAndLengths_MatchSortedWindow()
    {
        foreach (var w in new[] { 1, 2, 3, 4, 5, 8, 31, 40 })
        {
            foreach (var distinct in new[] { 0, 3 }) // continuous values, and many ties
            {
                for (var length = 0; length <= 200; length += 13)
                {
                    var x = Random(length, (w * 1000) + length, distinct);
                    var y = new float[length];
                    MovingStatistics.Median(x, w, y);
                    for (var n = 0; n < length; n++)
                    {
                        Assert.True(NaiveMedian(x, n, w) == y[n], $"w {w}, length {length}, n {n}: {y[n]} vs {NaiveMedian(x, n, w)}");
                    }
                }
            }
        }
    }

    [Fact]
    public void MovingMedian_AnyChunking_EqualsOffline()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int[0, 400], Gen.Int[1, 60], Gen.Int).Sample((w, length, chunk, seed) =>
        {
            var x = Random(length, seed, seed % 2 == 0 ? 0 : 5);
            var offline = new float[length];
            MovingStatistics.Median(x, w, offline);
            var median = new MovingMedian(w);
            var online = (float[])x.Clone();
            for (var i = 0; i < length; i += chunk)
            {
                var span = online.AsSpan(i, Math.Min(chunk, length - i));
                median.Process(span, span);
            }

            Assert.Equal(offline, online);
        }, iter: 300);
    }

    [Fact]
    public void MeanAndVariance_MatchDirectComputation()
    {
        var x = Random(500, 9).Select(v => v + 100f).ToArray(); // an offset mean stresses the sliding update
        foreach (var w in new[] { 1, 2, 7, 31, 64 })
        {
            var mean = new float[x.Length];
            var variance = new float[x.Length];
            MovingStatistics.Mean(x, w, mean);
            MovingStatistics.Variance(x, w, variance);
            for (var n = 0; n < x.Length; n++)
            {
                var window = x[Math.Max(0, n - w + 1)..(n + 1)].Select(v => (double)v).ToArray();
                var m = window.Average();
                var v = window.Select(d => (d - m) * (d - m)).Average();
                Assert.True(Math.Abs(m - mean[n]) <= 1e-4, $"w {w}, n {n}: mean {mean[n]} vs {m}");
                Assert.True(Math.Abs(v - variance[n]) <= 1e-4, $"w {w}, n {n}: variance {variance[n]} vs {v}");
            }
        }
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovingMedian(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MovingStatistics.Mean(new float[4], 0, new float[4]));
        Assert.Throws<ArgumentException>(() => MovingStatistics.Variance(new float[4], 2, new float[3]));
        var shared = new float[8];
        Assert.Throws<ArgumentException>(() => MovingStatistics.Mean(shared, 2, shared));
    }
}
