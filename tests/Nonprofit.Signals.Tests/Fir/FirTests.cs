using CsCheck;

namespace Nonprofit.Signals.Tests.Fir;

public sealed class FirTests
{
    // The plain definition, in double: y[n] = Σ taps[k] x[n-k].
    private static float[] Reference(float[] x, float[] taps)
    {
        var y = new float[x.Length];
        for (var n = 0; n < x.Length; n++)
        {
            double a = 0;
            for (var k = 0; k < taps.Length && k <= n; k++)
            {
                a += (double)taps[k] * x[n - k];
            }

            y[n] = (float)a;
        }

        return y;
    }

    private static float[] Random(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((r.NextDouble() * 2) - 1))];
    }

    [Fact]
    public void Fir_EveryLength0To256AndSeveralTapCounts_MatchesScalarReference()
    {
        foreach (var tapCount in new[] { 1, 2, 3, 7, 8, 9, 35, 64 })
        {
            var taps = Random(tapCount, tapCount);
            for (var length = 0; length <= 256; length++)
            {
                var x = Random(length, length + 1000);
                var y = new float[length];
                SignalFilters.Fir(x, taps, y);
                var expected = Reference(x, taps);
                for (var n = 0; n < length; n++)
                {
                    Assert.True(Math.Abs(expected[n] - y[n]) <= 1e-5f * (1 + Math.Abs(expected[n])),
                        $"taps {tapCount}, length {length}, n {n}: {y[n]} vs {expected[n]}");
                }
            }
        }
    }

    [Fact]
    public void Fir_Impulse_ReturnsTheTaps()
    {
        float[] taps = [0.5f, -0.25f, 0.125f, 2f];
        var x = new float[10];
        x[0] = 1;
        var y = new float[10];

        SignalFilters.Fir(x, taps, y);

        Assert.Equal([0.5f, -0.25f, 0.125f, 2f, 0, 0, 0, 0, 0, 0], y);
    }

    [Fact]
    public void FirFilter_AnyChunking_IsBitIdenticalToOffline()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 600], Gen.Int[1, 97], Gen.Int).Sample((tapCount, length, chunk, seed) =>
        {
            var taps = Random(tapCount, seed);
            var x = Random(length, seed + 1);
            var offline = new float[length];
            SignalFilters.Fir(x, taps, offline);

            var filter = new FirFilter(taps);
            var online = new float[length];
            for (var i = 0; i < length; i += chunk)
            {
                var n = Math.Min(chunk, length - i);
                filter.Process(x.AsSpan(i, n), online.AsSpan(i, n));
            }

            Assert.Equal(offline, online);
        }, iter: 300);
    }

    [Fact]
    public void FirFilter_SampleBySampleAndReset_MatchOffline()
    {
        var taps = Random(35, 1);
        var x = Random(100, 2);
        var offline = new float[100];
        SignalFilters.Fir(x, taps, offline);
        var filter = new FirFilter(taps);

        var first = x.Select(filter.Process).ToArray();
        filter.Reset();
        var second = x.Select(filter.Process).ToArray();

        Assert.Equal(offline, first);
        Assert.Equal(offline, second);
    }

    [Fact]
    public void Fir_BadArguments_ThrowArgumentException()
    {
        var x = new float[8];
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(x, [], new float[8]));
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(x, [float.NaN], new float[8]));
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(x, [1f], new float[7]));
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(x, [1f], x));
        Assert.Throws<ArgumentException>(() => new FirFilter([float.PositiveInfinity]));
    }

    [Fact]
    public void Fir_NaNInInput_PoisonsOnlyTheNextTapCountOutputs()
    {
        var x = new float[20];
        x[5] = float.NaN;
        var y = new float[20];

        SignalFilters.Fir(x, [1f, 1f, 1f], y);

        Assert.All(y[..5], v => Assert.Equal(0f, v));
        Assert.All(y[5..8], v => Assert.True(float.IsNaN(v)));
        Assert.All(y[8..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void FirCore_EveryVectorWidth_IsBitIdenticalToTheScalarPath()
    {
        // 512-bit vectors are emulated where the machine lacks AVX-512: slow but exact, so every width is tested here.
        foreach (var tapCount in new[] { 1, 5, 35 })
        {
            var taps = Random(tapCount, 40 + tapCount);
            foreach (var length in new[] { 0, 1, 15, 16, 17, 127, 128, 129, 300 })
            {
                var padded = new float[length + tapCount - 1];
                Random(length, length).CopyTo(padded, tapCount - 1);
                var scalar = new float[length];
                SignalFilters.FirScalar(padded, taps, scalar, 0);
                AssertClose(Reference(padded[(tapCount - 1)..], taps), scalar);

                foreach (var (width, run) in new (string, Func<float[], int>)[]
                {
                    ("128", y => SignalFilters.FirVectors<Simd128, System.Runtime.Intrinsics.Vector128<float>>(padded, taps, y)),
                    ("256", y => SignalFilters.FirVectors<Simd256, System.Runtime.Intrinsics.Vector256<float>>(padded, taps, y)),
                    ("512", y => SignalFilters.FirVectors<Simd512, System.Runtime.Intrinsics.Vector512<float>>(padded, taps, y)),
                })
                {
                    var y = new float[length];
                    var done = run(y);
                    Assert.True(done <= length && length - done < int.Parse(width, System.Globalization.CultureInfo.InvariantCulture) / 32, $"{width}-bit path left {length - done} of {length}");
                    SignalFilters.FirScalar(padded, taps, y, done);
                    Assert.Equal(scalar, y);
                }
            }
        }

        static void AssertClose(float[] expected, float[] actual)
        {
            for (var n = 0; n < expected.Length; n++)
            {
                Assert.True(Math.Abs(expected[n] - actual[n]) <= 1e-5f * (1 + Math.Abs(expected[n])), $"n {n}: {actual[n]} vs {expected[n]}");
            }
        }
    }
}
