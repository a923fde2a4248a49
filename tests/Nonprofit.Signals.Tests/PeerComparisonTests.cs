using NWaves.Signals;

namespace Nonprofit.Signals.Tests;

/// <summary>
/// Ours against NWaves 0.9.6 (the benchmark peer, test-only here) on identical configurations: the same taps, the
/// same filter, the same signal.
/// </summary>
public sealed class PeerComparisonTests
{
    private static float[] Random(int n, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((r.NextDouble() * 2) - 1))];
    }

    private static void AssertClose(float[] expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        var scale = Math.Max(1e-12, expected.Max(Math.Abs));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"{what} [{i}]: ours {actual[i]}, NWaves {expected[i]}");
        }
    }

    [Theory]
    [InlineData(35)]
    [InlineData(315)]
    public void Fir_SameTaps_MatchesNWaves(int tapCount)
    {
        var taps = FirDesign.LowPass(tapCount, 40, 1000);
        var x = Random(5000, tapCount);
        var theirs = new float[x.Length];
        var nwaves = new NWaves.Filters.Base.FirFilter(taps);
        for (var i = 0; i < x.Length; i++)
        {
            theirs[i] = nwaves.Process(x[i]);
        }

        var ours = new float[x.Length];
        SignalFilters.Fir(x, taps, ours, FirMethod.Direct);
        AssertClose(theirs, ours, 1e-5, "direct");
        SignalFilters.Fir(x, taps, ours, FirMethod.OverlapSave);
        AssertClose(theirs, ours, 1e-5, "overlap-save");
    }

    [Fact]
    public void Biquad_SameCoefficients_MatchesNWaves()
    {
        var nwaves = new NWaves.Filters.BiQuad.LowPassFilter(0.05);
        var b = nwaves.Tf.Numerator;
        var a = nwaves.Tf.Denominator;
        Biquad[] section = [Biquad.FromCoefficients(b[0], b[1], b[2], a[0], a[1], a[2])];
        var x = Random(20_000, 3);
        var theirs = x.Select(nwaves.Process).ToArray();

        var ours = new float[x.Length];
        SignalFilters.Sos(x, section, ours);
        AssertClose(theirs, ours, 1e-5, "biquad");
    }

    [Fact]
    public void Butterworth_SameDesign_MatchesNWaves()
    {
        // Our 4th-order design against NWaves' own, each filtering with its own arithmetic.
        var nwaves = new NWaves.Filters.Butterworth.LowPassFilter(0.05, 4);
        var x = Random(20_000, 4);
        var theirs = x.Select(nwaves.Process).ToArray();

        var ours = new float[x.Length];
        SignalFilters.Sos(x, FilterDesign.ButterworthLowPass(4, 50, 1000), ours);
        AssertClose(theirs, ours, 1e-4, "4th-order Butterworth");
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(16384)]
    public void RealFft_MatchesNWaves(int size)
    {
        var x = Random(size, size);
        var re = new float[size];
        var im = new float[size];
        new NWaves.Transforms.RealFft(size).Direct(x, re, im);

        var ourRe = new float[(size / 2) + 1];
        var ourIm = new float[(size / 2) + 1];
        Fft.ForwardReal(x, ourRe, ourIm);

        var scale = Math.Sqrt(size); // white noise: bins of about √N
        for (var k = 0; k <= size / 2; k++)
        {
            Assert.True(Math.Abs(re[k] - ourRe[k]) <= 1e-4 * scale && Math.Abs(im[k] - ourIm[k]) <= 1e-4 * scale, $"bin {k}: ours {ourRe[k]}+{ourIm[k]}i, NWaves {re[k]}+{im[k]}i");
        }
    }

    [Fact]
    public void AutoCorrelation_MatchesNWavesDirect()
    {
        var x = Random(1000, 9);
        var theirs = NWaves.Operations.Operation.CrossCorrelate(new DiscreteSignal(1, x), new DiscreteSignal(1, x)).Samples;
        var ours = new float[x.Length];
        Fft.AutoCorrelation(x, ours);

        // NWaves gives all 2N − 1 lags, lag 0 in the middle; ours gives lags 0 … N − 1.
        AssertClose(theirs[(x.Length - 1)..], ours, 1e-5, "autocorrelation");
    }
}
