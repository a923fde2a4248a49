namespace Nonprofit.Signals.Tests;

public sealed class EnvelopeAndPeaksTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(1024)]
    [InlineData(999)]
    public void Hilbert_Sine_IsItsAmplitudeAwayFromEdges(int n)
    {
        var x = Enumerable.Range(0, n).Select(t => 2f * MathF.Sin(2 * MathF.PI * 50 * t / 1000)).ToArray();
        var env = new float[n];

        Envelope.Hilbert(x, env);

        for (var t = n / 5; t < 4 * n / 5; t++)
        {
            Assert.True(Math.Abs(env[t] - 2f) < 0.05f, $"t {t}: {env[t]}");
        }
    }

    [Fact]
    public void EnvelopeFollower_Sine_SettlesNearAmplitudeAndChunkingDoesNotMatter()
    {
        var x = Enumerable.Range(0, 4000).Select(t => 3f * MathF.Sin(2 * MathF.PI * 100 * t / 1000)).ToArray();
        var whole = new float[x.Length];
        new EnvelopeFollower(10, 1000).Process(x, whole);

        var chunked = (float[])x.Clone();
        var follower = new EnvelopeFollower(10, 1000);
        for (var i = 0; i < chunked.Length; i += 77)
        {
            var span = chunked.AsSpan(i, Math.Min(77, chunked.Length - i));
            follower.Process(span, span);
        }

        Assert.Equal(whole, chunked);
        Assert.InRange(whole[3000..].Average(), 2.9f, 3.1f);
    }

    [Fact]
    public void Find_SimplePeaks_ReportsIndicesAndProminences()
    {
        float[] x = [0, 1, 0, 2, 0, 3, 0];

        var peaks = PeakDetection.Find(x);

        Assert.Equal([1, 3, 5], peaks.Select(p => p.Index));
        Assert.Equal([1f, 2f, 3f], peaks.Select(p => p.Prominence));
    }

    [Fact]
    public void Find_ProminenceAgainstHigherNeighbour_UsesTheHigherBase()
    {
        float[] x = [0, 2, 1, 3, 0];

        var peaks = PeakDetection.Find(x);

        Assert.Equal(new Peak(1, 2, 1), peaks[0]);
        Assert.Equal(new Peak(3, 3, 3), peaks[1]);
    }

    [Fact]
    public void Find_Constraints_FilterPeaks()
    {
        float[] x = [0, 1, 0, 2, 0, 3, 0, 2.5f, 0];

        Assert.Equal([5, 1], PeakDetection.Find(x, minDistance: 3).Select(p => p.Index).OrderDescending());
        Assert.Equal([3, 5, 7], PeakDetection.Find(x, minHeight: 1.5f).Select(p => p.Index));
        Assert.Equal([5, 7], PeakDetection.Find(x, minProminence: 2.5f).Select(p => p.Index));
    }

    [Fact]
    public void Find_FlatTopAndEdges_HandledLikeFindPeaks()
    {
        Assert.Equal([1], PeakDetection.Find([0f, 2, 2, 0]).Select(p => p.Index));
        Assert.Empty(PeakDetection.Find([3f, 2, 1]));           // an edge is not a peak
        Assert.Empty(PeakDetection.Find([0f, 1, 1]));           // a plateau running to the end is not a peak
        Assert.Empty(PeakDetection.Find([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakDetection.Find([0f], minDistance: 0));
    }
}
