using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring.Tests.FalseSignal;

/// <summary>Synthetic cases with known answers, argument checks, episodes and DI for <see cref="FalseSignalDetector"/>.</summary>
public sealed class FalseSignalDetectorTests
{
    private const int PerMinute = 240;
    private static readonly FalseSignalDetector s_detector = new();

    /// <summary>A maternal rate around 85 bpm with slow swings and beat-to-beat noise.</summary>
    private static float[] Maternal(int n, Random random)
    {
        var mhr = new float[n];
        for (var i = 0; i < n; i++)
        {
            mhr[i] = 85f + (6f * MathF.Sin(i / 700f)) + (float)(random.NextDouble() - 0.5);
        }

        return mhr;
    }

    /// <summary>A fetal rate around 140 bpm with long-term swings (about 10 bpm) and short-term variability.</summary>
    private static float[] Fetal(int n, Random random)
    {
        var fhr = new float[n];
        var wander = 0.0;
        for (var i = 0; i < n; i++)
        {
            wander = (0.98 * wander) + (random.NextDouble() - 0.5);
            fhr[i] = 140f + (5f * MathF.Sin(i / 90f)) + (float)(2 * wander);
        }

        return fhr;
    }

    private static double Mean(float[] p, int from, int to) => p[from..to].Average(v => (double)v);

    /// <summary>
    /// The fetal channel copies the maternal rate for 5 minutes. When <paramref name="maternalLost"/>, the maternal channel
    /// drops out over that stretch too (the probe slips onto the maternal vessel), so only the maternal rate last seen
    /// before the loss and first seen after it tell.
    /// </summary>
    [Theory]
    [InlineData(11, false, 0.8)]
    [InlineData(15, true, 0.5)]
    public void Detect_FhrCopiesMhrForFiveMinutes_HighThereLowElsewhere(int seed, bool maternalLost, double minimumInside)
    {
        var random = new Random(seed);
        var n = 40 * PerMinute;
        var mhr = Maternal(n, random);
        var fhr = Fetal(n, random);
        for (var i = 15 * PerMinute; i < 20 * PerMinute; i++)
        {
            fhr[i] = mhr[i] + (float)(random.NextDouble() - 0.5);
            mhr[i] = maternalLost ? float.NaN : mhr[i];
        }

        if (maternalLost)
        {
            fhr.AsSpan((15 * PerMinute) - 8, 8).Fill(float.NaN);
        }

        var p = s_detector.Detect(new CtgRecording(fhr, maternalHeartRate: mhr));

        Assert.True(Mean(p, (15 * PerMinute) + 60, (20 * PerMinute) - 60) > minimumInside, "the copied stretch");
        Assert.True(Mean(p, 0, 13 * PerMinute) < 0.1, "before");
        Assert.True(Mean(p, 22 * PerMinute, n) < 0.1, "after");
    }

    [Fact]
    public void Detect_FhrFarFromMhr_Low()
    {
        var random = new Random(12);
        var n = 30 * PerMinute;
        var p = s_detector.Detect(new CtgRecording(Fetal(n, random), maternalHeartRate: Maternal(n, random)));

        Assert.True(p.Max() < 0.5, "no sample reaches the threshold");
        Assert.True(p.Average() < 0.05, "low on average");
    }

    [Fact]
    public void Detect_NoMhrDropToMaternalLevelWithLowVariability_Raised()
    {
        var random = new Random(13);
        var n = 40 * PerMinute;
        var fhr = Fetal(n, random);
        for (var i = 15 * PerMinute; i < 25 * PerMinute; i++)
        {
            fhr[i] = 88f + (float)(0.6 * (random.NextDouble() - 0.5));
        }

        // A short loss at each change, as when the probe slips onto a maternal vessel.
        fhr.AsSpan((15 * PerMinute) - 8, 8).Fill(float.NaN);
        fhr.AsSpan(25 * PerMinute, 8).Fill(float.NaN);
        var p = s_detector.Detect(new CtgRecording(fhr));

        var inside = Mean(p, (15 * PerMinute) + 60, (25 * PerMinute) - 60);
        var outside = (Mean(p, 0, 13 * PerMinute) + Mean(p, 27 * PerMinute, n)) / 2;
        Assert.True(inside > 0.5, "the drop is flagged");
        Assert.True(inside > outside + 0.4, "well above the rest");
    }

    [Fact]
    public void Detect_LostSamples_AreZero()
    {
        var random = new Random(14);
        var fhr = Fetal(10 * PerMinute, random);
        fhr.AsSpan(100, 50).Fill(float.NaN);
        fhr.AsSpan(400, 20).Clear();

        var p = s_detector.Detect(new CtgRecording(fhr));

        Assert.All(p[100..150], v => Assert.Equal(0f, v));
        Assert.All(p[400..420], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Detect_ScalpLayout_UsesTheSecondChannel()
    {
        var random = new Random(15);
        var n = 30 * PerMinute;
        var mhr = Maternal(n, random);
        var second = (float[])mhr.Clone();
        var first = Enumerable.Repeat(float.NaN, n).ToArray();

        var merged = s_detector.Detect(new CtgRecording(first, secondFetalHeartRate: second, maternalHeartRate: mhr));
        var ignored = new FalseSignalDetector(new FalseSignalDetectorOptions { CombineChannels = false })
            .Detect(new CtgRecording(first, secondFetalHeartRate: second, maternalHeartRate: mhr));

        Assert.True(merged.Average() > 0.8, "the second channel copies the maternal rate");
        Assert.All(ignored, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Detect_WithoutMaternalChannelOption_EqualsNoChannel()
    {
        var random = new Random(16);
        var n = 20 * PerMinute;
        var fhr = Fetal(n, random);
        var mhr = Maternal(n, random);

        var ignored = new FalseSignalDetector(new FalseSignalDetectorOptions { UseMaternalHeartRate = false })
            .Detect(new CtgRecording(fhr, maternalHeartRate: mhr, uterineActivity: new float[n]));
        var absent = s_detector.Detect(new CtgRecording(fhr, uterineActivity: new float[n]));

        Assert.Equal(absent, ignored);
    }

    [Fact]
    public void Detect_ArgumentErrors_NameTheParameter()
    {
        var fhr = new float[8];
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => s_detector.Detect(fhr, default, default, 4, new float[7])).ParamName);
        Assert.Equal("mhrBpm", Assert.Throws<ArgumentException>(() => s_detector.Detect(fhr, new float[3], default, 4, new float[8])).ParamName);
        Assert.Equal("uterineActivity", Assert.Throws<ArgumentException>(() => s_detector.Detect(fhr, default, new float[3], 4, new float[8])).ParamName);
        Assert.Equal("sampleRateHz", Assert.Throws<ArgumentOutOfRangeException>(() => s_detector.Detect(fhr, default, default, 0, new float[8])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => s_detector.Detect(new CtgRecording(fhr), new float[9])).ParamName);
        Assert.Throws<ArgumentNullException>(() => s_detector.Detect(null!));
    }

    [Theory]
    [InlineData(nameof(FalseSignalDetectorOptions.Threshold))]
    [InlineData(nameof(FalseSignalDetectorOptions.MinimumEpisodeSeconds))]
    [InlineData(nameof(FalseSignalDetectorOptions.EpisodeGapSeconds))]
    public void Constructor_OptionOutOfRange_NamesIt(string option)
    {
        var options = option switch
        {
            nameof(FalseSignalDetectorOptions.Threshold) => new FalseSignalDetectorOptions { Threshold = 0 },
            nameof(FalseSignalDetectorOptions.MinimumEpisodeSeconds) => new FalseSignalDetectorOptions { MinimumEpisodeSeconds = -1 },
            _ => new FalseSignalDetectorOptions { EpisodeGapSeconds = double.NaN },
        };

        var error = Assert.Throws<ArgumentException>(() => new FalseSignalDetector(options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindEpisodes_BridgesShortDipsAndDropsShortEpisodes()
    {
        var detector = new FalseSignalDetector(new FalseSignalDetectorOptions { MinimumEpisodeSeconds = 10, EpisodeGapSeconds = 5 });
        var p = new float[400];
        p.AsSpan(10, 30).Fill(0.9f);   // 7.5 s: too short
        p.AsSpan(100, 40).Fill(0.8f);  // 100..139
        p.AsSpan(140, 12).Fill(0.1f);  // 3 s dip: bridged
        p.AsSpan(152, 40).Fill(0.6f);  // ..191
        p.AsSpan(192, 30).Fill(0.2f);  // 7.5 s dip: ends it
        p.AsSpan(222, 60).Fill(0.5f);  // 222..281 (threshold included)

        var episodes = detector.FindEpisodes(p, 4);

        Assert.Equal(2, episodes.Count);
        Assert.Equal(new FalseSignalEpisode(100, 92, 0.7f), episodes[0] with { MeanProbability = MathF.Round(episodes[0].MeanProbability, 4) });
        Assert.Equal(new FalseSignalEpisode(222, 60, 0.5f), episodes[1]);
    }

    [Fact]
    public void FindEpisodes_EpisodeAtTheEnd_IsClosed()
    {
        var p = Enumerable.Repeat(0.95f, 100).ToArray();

        var episode = Assert.Single(s_detector.FindEpisodes(p, 4));

        Assert.Equal(new FalseSignalEpisode(0, 100, 0.95f), episode);
    }

    [Fact]
    public void AddNonprofitMonitoring_RegistersDetector_WithValidatedOptions()
    {
        using var ok = new ServiceCollection().AddNonprofitMonitoring().BuildServiceProvider();
        Assert.Same(ok.GetRequiredService<FalseSignalDetector>(), ok.GetRequiredService<FalseSignalDetector>());

        using var configured = new ServiceCollection().AddNonprofitMonitoring()
            .Configure<FalseSignalDetectorOptions>(o => o.Threshold = 0.8).BuildServiceProvider();
        Assert.Equal(0.8, configured.GetRequiredService<FalseSignalDetector>().Threshold);

        using var bad = new ServiceCollection().AddNonprofitMonitoring()
            .Configure<FalseSignalDetectorOptions>(o => o.Threshold = 2).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<FalseSignalDetector>());
        Assert.Contains("Threshold", error.Message, StringComparison.Ordinal);
    }
}
