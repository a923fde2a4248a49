using CsCheck;

namespace Nonprofit.Signals.Tests.Fir;

public class FirOverlapSaveTests
{
    [Fact]
    public void OverlapSave_EqualsTheDirectForm_ForAnyLengths()
    {
        Gen.Select(Gen.Int[1, 400], Gen.Int[0, 6000], Gen.Int).Sample((tapCount, length, seed) =>
        {
            var random = new Random(seed);
            var taps = Enumerable.Range(0, tapCount).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            var input = Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            var direct = new float[length];
            var fast = new float[length];
            SignalFilters.Fir(input, taps, direct, FirMethod.Direct);
            SignalFilters.Fir(input, taps, fast, FirMethod.OverlapSave);

            // Float FFT rounding grows with the sum of |taps| (the output's scale for inputs in [-1, 1]).
            var scale = taps.Sum(Math.Abs);
            for (var i = 0; i < length; i++)
            {
                Assert.True(Math.Abs(direct[i] - fast[i]) <= 2e-6 * scale, $"n={i}: {direct[i]} vs {fast[i]} ({tapCount} taps, {length} samples)");
            }
        }, iter: 60);
    }

    [Fact]
    public void OverlapSave_ImpulseGivesTheTaps()
    {
        var taps = Enumerable.Range(0, 300).Select(i => MathF.Sin(i * 0.1f) / (1 + i)).ToArray();
        var input = new float[5000];
        input[1234] = 1;
        var output = new float[input.Length];
        SignalFilters.Fir(input, taps, output, FirMethod.OverlapSave);
        for (var i = 0; i < output.Length; i++)
        {
            var expected = i >= 1234 && i < 1234 + taps.Length ? taps[i - 1234] : 0f;
            Assert.Equal(expected, output[i], 1e-6f);
        }
    }

    [Fact]
    public void Auto_ChoosesByTapCount()
    {
        var random = new Random(7);
        var input = Enumerable.Range(0, 3000).Select(_ => (float)random.NextDouble()).ToArray();
        foreach (var tapCount in new[] { SignalFilters.OverlapSaveMinTaps - 1, SignalFilters.OverlapSaveMinTaps })
        {
            var taps = Enumerable.Range(0, tapCount).Select(_ => (float)random.NextDouble()).ToArray();
            var auto = new float[input.Length];
            var direct = new float[input.Length];
            var fast = new float[input.Length];
            SignalFilters.Fir(input, taps, auto, FirMethod.Auto);
            SignalFilters.Fir(input, taps, direct, FirMethod.Direct);
            SignalFilters.Fir(input, taps, fast, FirMethod.OverlapSave);
            Assert.Equal(tapCount < SignalFilters.OverlapSaveMinTaps ? direct : fast, auto);
        }
    }

    [Fact]
    public void OverlapSave_ChecksItsArguments()
    {
        var input = new float[100];
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(input, [], new float[100], FirMethod.OverlapSave));
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(input, [float.NaN], new float[100], FirMethod.OverlapSave));
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(input, [1f], new float[99], FirMethod.OverlapSave));
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(input, [1f], input, FirMethod.OverlapSave));
        Assert.Throws<ArgumentException>(() => SignalFilters.Fir(input, [1f], new float[100], (FirMethod)9));
        SignalFilters.Fir([], [1f, 2f], [], FirMethod.OverlapSave);
    }
}
