using CsCheck;

namespace Nonprofit.Signals.Tests.Iir;

public sealed class SosTests
{
    private static float[] Random(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((r.NextDouble() * 2) - 1))];
    }

    // Direct form I, written plainly, section after section.
    private static float[] Reference(float[] x, Biquad[] sections)
    {
        var y = (float[])x.Clone();
        foreach (var s in sections)
        {
            double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
            for (var n = 0; n < y.Length; n++)
            {
                double xn = y[n];
                var yn = (s.B0 * xn) + (s.B1 * x1) + (s.B2 * x2) - (s.A1 * y1) - (s.A2 * y2);
                x2 = x1;
                x1 = xn;
                y2 = y1;
                y1 = yn;
                y[n] = (float)yn;
            }
        }

        return y;
    }

    [Fact]
    public void Sos_ButterworthCascade_MatchesDirectFormReference()
    {
        var sos = FilterDesign.ButterworthLowPass(6, 40, 1000);
        for (var length = 0; length <= 256; length += 17)
        {
            var x = Random(length, length);
            var y = new float[length];
            SignalFilters.Sos(x, sos, y);
            var expected = Reference(x, sos);
            for (var n = 0; n < length; n++)
            {
                Assert.True(Math.Abs(expected[n] - y[n]) <= 1e-5, $"length {length}, n {n}: {y[n]} vs {expected[n]}");
            }
        }
    }

    [Fact]
    public void SosFilter_AnyChunking_IsBitIdenticalToOffline()
    {
        var sos = FilterDesign.ButterworthBandPass(3, 1, 8, 100);
        Gen.Select(Gen.Int[0, 800], Gen.Int[1, 130], Gen.Int).Sample((length, chunk, seed) =>
        {
            var x = Random(length, seed);
            var offline = new float[length];
            SignalFilters.Sos(x, sos, offline);

            var filter = new SosFilter(sos);
            var online = (float[])x.Clone();
            for (var i = 0; i < length; i += chunk)
            {
                var span = online.AsSpan(i, Math.Min(chunk, length - i));
                filter.Process(span, span); // in place
            }

            Assert.Equal(offline, online);
        }, iter: 300);
    }

    [Fact]
    public void SosFilter_Reset_StartsAgain()
    {
        var sos = FilterDesign.ButterworthHighPass(2, 5, 100);
        var x = Random(50, 3);
        var filter = new SosFilter(sos);

        var first = x.Select(filter.Process).ToArray();
        filter.Reset();
        var second = x.Select(filter.Process).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void SosZeroPhase_SineInPassband_HasNoDelay()
    {
        var sos = FilterDesign.ButterworthLowPass(4, 20, 1000);
        var x = Enumerable.Range(0, 4000).Select(n => (float)Math.Sin(2 * Math.PI * 2 * n / 1000)).ToArray();
        var y = new float[x.Length];

        SignalFilters.SosZeroPhase(x, sos, y);

        // Away from the edges the 2 Hz sine comes through with the same phase and amplitude.
        for (var n = 1500; n < 2500; n++)
        {
            Assert.True(Math.Abs(y[n] - x[n]) < 1e-3, $"n {n}: {y[n]} vs {x[n]}");
        }
    }

    [Fact]
    public void Sos_BadArguments_ThrowArgumentException()
    {
        var x = new float[8];
        Biquad[] bad = [new Biquad(double.NaN, 0, 0, 0, 0)];
        Assert.Throws<ArgumentException>(() => SignalFilters.Sos(x, bad, new float[8]));
        Assert.Throws<ArgumentException>(() => SignalFilters.Sos(x, [Biquad.Identity], new float[7]));
        Assert.Throws<ArgumentException>(() => SignalFilters.Sos(x.AsSpan(0, 6), [Biquad.Identity], x.AsSpan(1, 6)));
        Assert.Throws<ArgumentException>(() => new SosFilter(bad));
        Assert.Throws<ArgumentException>(() => Biquad.FromCoefficients(1, 0, 0, 0, 0, 0));
    }

    public static TheoryData<string> Designs() => ["lp1", "lp2", "lp5", "hp3", "bp2", "bs4", "lp8-narrow"];

    private static Biquad[] Design(string name) => name switch
    {
        "lp1" => FilterDesign.ButterworthLowPass(1, 40, 1000),
        "lp2" => FilterDesign.ButterworthLowPass(2, 50, 1000),
        "lp5" => FilterDesign.ButterworthLowPass(5, 120, 1000),
        "hp3" => FilterDesign.ButterworthHighPass(3, 5, 100),
        "bp2" => FilterDesign.ButterworthBandPass(2, 1, 8, 100),
        "bs4" => FilterDesign.ButterworthBandStop(4, 45, 55, 1000),
        "lp8-narrow" => FilterDesign.ButterworthLowPass(8, 2, 1000),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        var scale = Math.Max(1, expected.Length == 0 ? 0 : expected.Max(Math.Abs));
        for (var n = 0; n < expected.Length; n++)
        {
            Assert.True(Math.Abs(expected[n] - actual[n]) <= 2e-6 * scale, $"{what}, n {n}: {actual[n]} vs {expected[n]}");
        }
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Sos_EveryLength_MatchesDirectFormReference(string design)
    {
        var sos = Design(design);
        for (var length = 0; length <= 256; length++)
        {
            var x = Random(length, 1000 + length);
            var y = new float[length];
            SignalFilters.Sos(x, sos, y);
            AssertClose(Reference(x, sos), y, $"{design}, length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void SosRecursive_PortablePath_MatchesDirectFormReference(string design)
    {
        // The sample-by-sample path runs where 256-bit vectors are not accelerated (e.g. Arm): test it everywhere.
        var sos = Design(design);
        var x = Random(3000, 5);
        var y = (float[])x.Clone();
        SignalFilters.SosRecursive(y, sos, new double[SosBlockKernel.StateStride * sos.Length]);
        AssertClose(Reference(x, sos), y, design);
    }

    [Fact]
    public void Sos_LongNarrowLowPass_StaysAccurate()
    {
        // Poles close to z = 1: the block update's A^8 must not lose accuracy over many blocks.
        var sos = Design("lp8-narrow");
        var x = Enumerable.Range(0, 200_000).Select(n => (float)(Math.Sin(n * 0.001) + (0.5 * Math.Sin(n * 0.9)))).ToArray();
        var y = new float[x.Length];
        SignalFilters.Sos(x, sos, y);
        AssertClose(Reference(x, sos), y, "narrow low-pass");
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Sos_NonFiniteInput_NeverReachesEarlierOutputs(float bad)
    {
        var sos = Design("lp5");
        for (var p = 0; p < 24; p++)
        {
            var x = Random(40, 77);
            var clean = new float[x.Length];
            SignalFilters.Sos(x, sos, clean);

            x[p] = bad;
            var y = new float[x.Length];
            SignalFilters.Sos(x, sos, y);

            Assert.Equal(clean[..p], y[..p]);
            Assert.All(y[p..], v => Assert.False(float.IsFinite(v), $"NaN entered at {p}: a later output is finite"));
        }
    }

    [Fact]
    public void SosFilter_AnyChunkingWithNonFiniteInput_EqualsOffline()
    {
        var sos = Design("bs4");
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 20], Gen.Int[0, int.MaxValue]).Sample((length, chunk, seed) =>
        {
            var x = Random(length, seed);
            x[seed % length] = float.NaN;
            var offline = new float[length];
            SignalFilters.Sos(x, sos, offline);

            var filter = new SosFilter(sos);
            var online = new float[length];
            for (var i = 0; i < length; i += chunk)
            {
                var n = Math.Min(chunk, length - i);
                filter.Process(x.AsSpan(i, n), online.AsSpan(i, n));
            }

            Assert.Equal(offline, online);
        }, iter: 200);
    }

    [Fact]
    public void SosFilter_SampleBySample_EqualsOffline()
    {
        var sos = Design("lp5");
        var x = Random(333, 9);
        var offline = new float[x.Length];
        SignalFilters.Sos(x, sos, offline);

        var filter = new SosFilter(sos);
        Assert.Equal(offline, x.Select(filter.Process).ToArray());
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Sos_Double_RoundedToFloat_IsTheFloatOverload(string design)
    {
        // Both overloads compute in double; the float one only rounds at the end.
        var sos = Design(design);
        var x = Random(1000, 21);
        var single = new float[x.Length];
        SignalFilters.Sos(x, sos, single);
        var wide = new double[x.Length];
        SignalFilters.Sos(x.Select(v => (double)v).ToArray(), sos, wide);

        Assert.Equal(single, wide.Select(v => (float)v).ToArray());

        var zeroPhase = new float[x.Length];
        SignalFilters.SosZeroPhase(x, sos, zeroPhase);
        var wideZeroPhase = x.Select(v => (double)v).ToArray();
        SignalFilters.SosZeroPhase(wideZeroPhase, sos, wideZeroPhase); // in place
        for (var n = 0; n < x.Length; n++)
        {
            // The float overload rounds between the two passes; the double one does not.
            Assert.True(Math.Abs(zeroPhase[n] - wideZeroPhase[n]) <= 1e-5, $"n {n}");
        }
    }

    [Fact]
    public void Sos_Double_MatchesDirectFormReferenceToDoublePrecision()
    {
        var sos = Design("lp8-narrow");
        var r = new Random(8);
        var x = Enumerable.Range(0, 5000).Select(_ => (r.NextDouble() * 2) - 1).ToArray();
        var expected = (double[])x.Clone();
        foreach (var s in sos)
        {
            double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
            for (var n = 0; n < expected.Length; n++)
            {
                var xn = expected[n];
                var yn = (s.B0 * xn) + (s.B1 * x1) + (s.B2 * x2) - (s.A1 * y1) - (s.A2 * y2);
                (x2, x1, y2, y1) = (x1, xn, y1, yn);
                expected[n] = yn;
            }
        }

        var y = new double[x.Length];
        SignalFilters.Sos(x, sos, y);
        var portable = (double[])x.Clone();
        SignalFilters.SosRecursive<double>(portable, sos, new double[SosBlockKernel.StateStride * sos.Length]);
        var scale = expected.Max(Math.Abs);
        for (var n = 0; n < x.Length; n++)
        {
            Assert.True(Math.Abs(expected[n] - y[n]) <= 1e-12 * scale, $"block, n {n}: {y[n]} vs {expected[n]}");
            Assert.True(Math.Abs(expected[n] - portable[n]) <= 1e-12 * scale, $"portable, n {n}: {portable[n]} vs {expected[n]}");
        }
    }

    [Fact]
    public void SosFilter_DoubleChunks_EqualOffline()
    {
        var sos = Design("hp3");
        Gen.Select(Gen.Int[0, 400], Gen.Int[1, 50], Gen.Int[0, int.MaxValue]).Sample((length, chunk, seed) =>
        {
            var x = Random(length, seed).Select(v => (double)v).ToArray();
            var offline = new double[length];
            SignalFilters.Sos(x, sos, offline);

            var filter = new SosFilter(sos);
            var online = new double[length];
            for (var i = 0; i < length; i += chunk)
            {
                var n = Math.Min(chunk, length - i);
                filter.Process(x.AsSpan(i, n), online.AsSpan(i, n));
            }

            Assert.Equal(offline, online);
            if (length > 0)
            {
                filter.Reset();
                Assert.Equal(offline[0], filter.Process(x[0]));
            }
        }, iter: 150);
    }
}
