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
}
