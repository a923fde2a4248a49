using CsCheck;

namespace Nonprofit.Signals.Tests.Iir;

public sealed class MultiChannelSosTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    public void Process_EachChannel_MatchesSingleChannelFilter(int channels)
    {
        var sos = FilterDesign.ButterworthLowPass(4, 30, 500);
        var r = new Random(channels);
        const int Frames = 700;
        var interleaved = Enumerable.Range(0, Frames * channels).Select(_ => (float)((r.NextDouble() * 2) - 1)).ToArray();
        var expected = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            var single = Enumerable.Range(0, Frames).Select(f => interleaved[(f * channels) + c]).ToArray();
            new SosFilter(sos).Process(single, single);
            expected[c] = single;
        }

        var filter = new MultiChannelSosFilter(sos, channels);
        for (var f0 = 0; f0 < Frames; f0 += 64) // streaming in chunks of whole frames
        {
            var count = Math.Min(64, Frames - f0);
            filter.Process(interleaved.AsSpan(f0 * channels, count * channels));
        }

        for (var f = 0; f < Frames; f++)
        {
            for (var c = 0; c < channels; c++)
            {
                Assert.True(Math.Abs(expected[c][f] - interleaved[(f * channels) + c]) <= 1e-4, $"frame {f}, channel {c}");
            }
        }
    }

    [Fact]
    public void Process_PartialFrame_Throws()
    {
        var filter = new MultiChannelSosFilter([Biquad.Identity], 4);

        Assert.Throws<ArgumentException>(() => filter.Process(new float[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiChannelSosFilter([Biquad.Identity], 0));
    }

    // Each channel written plainly: transposed direct form II in float with fused multiply-adds, the
    // arithmetic the filter documents, so the comparison is exact.
    private static void Reference(float[] interleaved, int channels, Biquad[] sections)
    {
        for (var c = 0; c < channels; c++)
        {
            foreach (var s in sections)
            {
                float z1 = 0, z2 = 0;
                for (var f = c; f < interleaved.Length; f += channels)
                {
                    var v = interleaved[f];
                    var o = MathF.FusedMultiplyAdd((float)s.B0, v, z1);
                    z1 = MathF.FusedMultiplyAdd((float)-s.A1, o, MathF.FusedMultiplyAdd((float)s.B1, v, z2));
                    z2 = MathF.FusedMultiplyAdd((float)-s.A2, o, (float)s.B2 * v);
                    interleaved[f] = o;
                }
            }
        }
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(8, 2)]
    [InlineData(8, 3)]
    [InlineData(16, 5)]
    [InlineData(11, 4)]
    [InlineData(4, 2)]
    public void Process_AnyChunking_IsBitIdenticalToPerChannelReference(int channels, int order)
    {
        var sos = FilterDesign.ButterworthLowPass(order * 2, 40, 1000);
        Gen.Select(Gen.Int[0, 1200], Gen.Int[1, 700], Gen.Int).Sample((frames, chunk, seed) =>
        {
            var r = new Random(seed);
            var x = Enumerable.Range(0, frames * channels).Select(_ => (float)((r.NextDouble() * 2) - 1)).ToArray();
            var expected = (float[])x.Clone();
            Reference(expected, channels, sos);

            var filter = new MultiChannelSosFilter(sos, channels);
            for (var f0 = 0; f0 < frames; f0 += chunk)
            {
                filter.Process(x.AsSpan(f0 * channels, Math.Min(chunk, frames - f0) * channels));
            }

            Assert.Equal(expected, x);
        }, iter: 40);
    }
}
