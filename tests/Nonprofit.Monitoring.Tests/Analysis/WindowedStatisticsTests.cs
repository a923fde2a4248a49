using CsCheck;

namespace Nonprofit.Monitoring.Tests.Analysis;

/// <summary>
/// The optimised kernels of the CTG analysis (issue 5, branch ctg-speed) against their plain definitions: the windowed
/// statistics bit for bit against <see cref="WindowedStatisticsReference"/> (the previous implementation), the robust
/// closeness weights and the event scan's search against their scalar formulas, on random series with NaN, zero weights,
/// windows longer than the series and lengths that leave vector tails.
/// </summary>
public sealed class WindowedStatisticsTests
{
    /// <summary>A series of FHR-like values (30-250 bpm and beyond the histogram) with NaN, and weights with zeros.</summary>
    private static readonly Gen<(float[] X, float[] W)> s_series =
        Gen.Int[1, 700].SelectMany(n => Gen.Select(
            Gen.Float[20, 260].Array[n],
            Gen.Int[0, 9].Array[n],
            Gen.Float[0, 1].Array[n],
            (x, kinds, w) =>
            {
                for (var i = 0; i < n; i++)
                {
                    x[i] = kinds[i] == 0 ? float.NaN : x[i];
                    w[i] = kinds[i] == 1 ? 0 : kinds[i] == 2 ? 1 : w[i];
                }

                return (x, w);
            }));

    [Fact]
    public void Mean_EqualsReferenceBitForBit()
    {
        Gen.Select(s_series, Gen.Int[1, 900], Gen.Bool).Sample(t =>
        {
            var ((x, w), window, withFallback) = t;
            var n = x.Length;
            var fallback = withFallback ? x : default;
            var expected = new float[n];
            var actual = new float[n];
            WindowedStatisticsReference.Mean(x, w, window, expected, fallback, new double[n + 1], new double[n + 1]);
            WindowedStatistics.Mean(x, w, window, actual, fallback, new double[n + 1], new double[n + 1]);
            AssertBitEqual(expected, actual);
        });
    }

    [Fact]
    public void TriangularMean_EqualsReferenceBitForBit()
    {
        Gen.Select(s_series, Gen.Int[1, 1800], Gen.Bool).Sample(t =>
        {
            var ((x, w), window, withFallback) = t;
            var n = x.Length;
            var fallback = withFallback ? x : default;
            var expected = new float[n];
            var actual = new float[n];
            WindowedStatisticsReference.TriangularMean(x, w, window, expected, fallback, new double[n + 1], new double[n + 1], new double[n + 1], new double[n + 1]);
            WindowedStatistics.TriangularMean(x, w, window, actual, fallback, new double[n + 1], new double[n + 1], new double[n + 1], new double[n + 1]);
            AssertBitEqual(expected, actual);
        });
    }

    [Fact]
    public void Quantile_EqualsReferenceBitForBit()
    {
        Gen.Select(s_series, Gen.Int[1, 900], Gen.Int[1, 40], Gen.Double[0.05, 0.95]).Sample(t =>
        {
            var ((x, w), window, step, quantile) = t;
            var n = x.Length;
            var expected = new float[n];
            var actual = new float[n];
            var expectedAny = WindowedStatisticsReference.Quantile(x, w, window, step, quantile, 30, 0.25f, new double[880], new float[n + 1], expected);
            var actualAny = WindowedStatistics.Quantile(x, w, window, step, quantile, 30, 0.25f, new double[880], new float[n + 1], actual, new int[n]);
            Assert.Equal(expectedAny, actualAny);
            AssertBitEqual(expected, actual);
        });
    }

    [Fact]
    public void Quantile_SharedBins_EqualsReferenceForEveryPass()
    {
        // The robust baseline computes the bins once and runs several passes with new weights.
        Gen.Select(s_series, Gen.Float[0, 1].Array[3, 3]).Sample(t =>
        {
            var ((x, w), factors) = t;
            var n = x.Length;
            var bins = new int[n];
            var histogram = new double[880];
            var grid = new float[n + 1];
            WindowedStatistics.Bins(x, 30, 0.25f, histogram.Length, bins);
            foreach (var factor in factors)
            {
                var weights = w.Select(v => v * factor).ToArray();
                var expected = new float[n];
                var actual = new float[n];
                WindowedStatisticsReference.Quantile(x, weights, 240, 20, 0.5, 30, 0.25f, new double[880], new float[n + 1], expected);
                WindowedStatistics.Quantile(bins, weights, 240, 20, 0.5, 30, 0.25f, histogram, grid, actual);
                AssertBitEqual(expected, actual);
            }
        });
    }

    [Fact]
    public void ClosenessWeights_EqualScalarFormula()
    {
        Gen.Select(s_series, Gen.Float[100, 180], Gen.Double[1, 20], Gen.Double[0.5, 3], Gen.Double[0, 1]).Sample(t =>
        {
            var ((x, stable), level, scale, below, eventWeight) = t;
            var n = x.Length;
            var baseline = Enumerable.Range(0, n).Select(i => level + (float)Math.Sin(i / 50.0)).ToArray();
            var inEvent = Enumerable.Range(0, n).Select(i => i % 7 < 3).ToArray();
            var actual = new float[n];
            CtgAnalyzer.ClosenessWeights(x, baseline, stable, inEvent, scale, below, eventWeight, actual);
            for (var i = 0; i < n; i++)
            {
                var r = (x[i] - baseline[i]) / scale;
                r = r < 0 ? r * below : r;
                var expected = (float)(stable[i] * (1 / (1 + (r * r))) * (inEvent[i] ? eventWeight : 1));
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual[i]));
            }
        });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)] // (float)0.1 > 0.1: the float threshold must not be the rounded boundary
    [InlineData(1.0 / 3)] // (float)(1/3) < 1/3
    [InlineData(-0.7)]
    [InlineData(2.5)]
    public void NextBeyond_FindsTheFirstSampleBeyondTheBoundary(double boundary)
    {
        // Differences drawn near the boundary (and exactly at its float roundings) so both sides of it are hit.
        var near = (float)boundary;
        Gen.Select(Gen.Int[0, 6].Array[1, 60], Gen.Int[-1, 1], Gen.Int[0, 10]).Sample(t =>
        {
            var (kinds, signChoice, from) = t;
            var sign = signChoice < 0 ? -1 : 1;
            var n = kinds.Length;
            var baseline = new float[n];
            var x = new float[n];
            for (var i = 0; i < n; i++)
            {
                baseline[i] = i % 2 == 0 ? 0 : -0f;
                var d = kinds[i] switch
                {
                    0 => near,
                    1 => MathF.BitIncrement(near),
                    2 => MathF.BitDecrement(near),
                    3 => float.NaN,
                    4 => near - 5,
                    5 => near + 5,
                    _ => 0,
                };
                x[i] = sign * d; // x - baseline = sign · d exactly
            }

            var start = Math.Min(from, n);
            var expected = start;
            while (expected < n && !(sign * (x[expected] - baseline[expected]) > boundary))
            {
                expected++;
            }

            Assert.Equal(expected, CtgAnalyzer.NextBeyond(x, baseline, start, sign, boundary));
        });
    }

    private static void AssertBitEqual(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // NaN payloads may differ between scalar and vector code; every other value must be the same bits.
            if (float.IsNaN(expected[i]))
            {
                Assert.True(float.IsNaN(actual[i]), $"index {i}: expected NaN");
            }
            else
            {
                Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"index {i}: {expected[i]:R} != {actual[i]:R}");
            }
        }
    }

    [Fact]
    public void RunningExtremum_EqualsTheWindowsMaximumOrMinimum()
    {
        Gen.Select(s_series, Gen.Int[1, 900], Gen.Bool).Sample(t =>
        {
            var ((x, _), window, maximum) = t;
            var n = x.Length;
            var actual = new float[n];
            WindowedStatistics.RunningExtremum(x, window, maximum, actual, new int[n]);
            for (var i = 0; i < n; i++)
            {
                var expected = float.NaN;
                for (var k = Math.Max(0, i - (window / 2)); k < Math.Min(n, i - (window / 2) + window); k++)
                {
                    if (!float.IsNaN(x[k]) && (float.IsNaN(expected) || (maximum ? x[k] > expected : x[k] < expected)))
                    {
                        expected = x[k];
                    }
                }

                Assert.Equal(expected, actual[i]);
            }
        });
    }
}
