using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nonprofit.Monitoring.Simulation;

namespace Nonprofit.Monitoring.Tests.Doppler;

public sealed class DopplerHeartRateEstimatorTests
{
    private static readonly DopplerHeartRateEstimator s_estimator = new();

    [Theory]
    [InlineData(120.0)]
    [InlineData(143.0)]
    [InlineData(175.0)]
    public void ConstantRateToneBursts_ExactRate(double bpm)
    {
        var result = s_estimator.Estimate(DopplerSignals.ToneBursts(bpm, 30), 4000);
        Assert.Equal(120, result.Length);

        // Every sample whose whole window (±1.875 s) lies inside the audio is valid and within 0.5 bpm; the rest are NaN.
        var bpms = result.Bpm.Span;
        var insideCount = 0;
        for (var k = 0; k < bpms.Length; k++)
        {
            var inside = (k * 0.25) - 1.875 >= 0 && (k * 0.25) + 1.875 <= 30;
            insideCount += inside ? 1 : 0;
            if (inside)
            {
                Assert.InRange(bpms[k], bpm - 0.5, bpm + 0.5);
                Assert.InRange(result.Confidence.Span[k], 0.8f, 1f);
            }
            else
            {
                Assert.True(float.IsNaN(bpms[k]));
                Assert.Equal(0f, result.Confidence.Span[k]);
            }
        }

        Assert.InRange(result.MeanBpm, bpm - 0.5, bpm + 0.5);
        Assert.Equal(100.0 * insideCount / 120, result.ValidPercent, 9);
        Assert.Equal(105, insideCount);
    }

    [Fact]
    public void StrongSecondBurst_NotCountedAsABeat()
    {
        // Valve closure as loud as the opening, 40 % into the cycle: the autocorrelation has a peak at 60 % of the period
        // (200 bpm), which the fundamental rule must not take.
        var result = s_estimator.Estimate(DopplerSignals.ToneBursts(120, 30, secondAt: 0.4, secondRatio: 1.0), 4000);
        AssertAllValidNear(result, 120, 1);
    }

    [Fact]
    public void AlternatingBeatStrength_NotHalved_AndTheHalvingCheckIsWhatPreventsIt()
    {
        // Every other beat at 60 %: the autocorrelation peak at twice the period is higher than at the period.
        var audio = DopplerSignals.ToneBursts(140, 30, amplitudes: [1.0, 0.6]);
        AssertAllValidNear(s_estimator.Estimate(audio, 4000), 140, 1);

        // Without the fundamental preference (the highest peak wins) the same audio reads as half the rate.
        var highestOnly = new DopplerHeartRateEstimator(new DopplerHeartRateOptions { FundamentalRatio = 1 }).Estimate(audio, 4000);
        Assert.InRange(highestOnly.MeanBpm, 65, 75);
    }

    [Fact]
    public void Dropout_NaNAndZeroConfidence_ThenRecovers()
    {
        // 20 s of beats, 20 s with the probe off (noise only), 20 s of beats.
        var audio = DopplerSignals.ToneBursts(150, 60);
        audio.AsSpan(20 * 4000, 20 * 4000).Clear();
        DopplerSignals.AddNoise(audio, 0.02, seed: 3);
        var result = s_estimator.Estimate(audio, 4000);
        for (var k = 0; k < result.Length; k++)
        {
            var t = k / 4.0;
            if (t > 22 && t < 38)
            {
                Assert.True(float.IsNaN(result.Bpm.Span[k]), $"sample {k} should be NaN");
                Assert.Equal(0f, result.Confidence.Span[k]);
            }
            else if ((t > 2 && t < 18) || (t > 42 && t < 58))
            {
                Assert.InRange(result.Bpm.Span[k], 149, 151);
            }
        }
    }

    [Fact]
    public void Silence_AllNaN()
    {
        var result = s_estimator.Estimate(new float[4000 * 10], 4000);
        Assert.Equal(40, result.Length);
        Assert.All(result.Bpm.ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.Equal(0, result.ValidPercent);
        Assert.True(double.IsNaN(result.MeanBpm));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SyntheticClean_WithinFiveBpmOnAtLeast96PercentOfValidSamples(int seed)
    {
        var audio = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions
        {
            Seed = seed,
            DurationSeconds = 120,
            SnrDb = 10,
            MaternalAmplitude = 0,
            ArtefactsPerMinute = 0,
            DropoutsPerHour = 0,
        });
        var (valid, within) = Score(s_estimator.Estimate(audio.Audio.Span, audio.SampleRateHz), audio);
        Assert.True(valid >= 90, $"valid {valid:F1} %");
        Assert.True(within >= 96, $"within 5 bpm {within:F1} %");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void SyntheticRealistic_WithinFiveBpmOnAtLeast96PercentOfValidSamples(int seed)
    {
        var audio = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = seed, DurationSeconds = 180 });
        var result = s_estimator.Estimate(audio.Audio.Span, audio.SampleRateHz);
        var (valid, within) = Score(result, audio);
        Assert.True(valid >= 85, $"valid {valid:F1} %");
        Assert.True(within >= 96, $"within 5 bpm {within:F1} %");
    }

    [Fact]
    public void Streaming_AnyChunking_EqualsOffline()
    {
        var audio = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 5, DurationSeconds = 12, SampleRateHz = 3000 }).Audio.ToArray();
        var offline = s_estimator.Estimate(audio, 3000);
        Gen.Int[1, 7000].Array[1, 30].Sample(sizes =>
        {
            var stream = s_estimator.CreateStreaming(3000);
            var bpm = new List<float>();
            var confidence = new List<float>();
            var position = 0;
            var i = 0;
            while (position < audio.Length)
            {
                var chunk = audio.AsSpan(position, Math.Min(sizes[i++ % sizes.Length], audio.Length - position));
                var b = new float[stream.MaxOutputLength(chunk.Length)];
                var c = new float[b.Length];
                var n = stream.Process(chunk, b, c);
                bpm.AddRange(b.AsSpan(0, n).ToArray());
                confidence.AddRange(c.AsSpan(0, n).ToArray());
                position += chunk.Length;
            }

            var tailB = new float[stream.MaxOutputLength(0)];
            var tailC = new float[tailB.Length];
            var m = stream.Complete(tailB, tailC);
            bpm.AddRange(tailB.AsSpan(0, m).ToArray());
            confidence.AddRange(tailC.AsSpan(0, m).ToArray());
            Assert.Equal(offline.Bpm.ToArray(), bpm);
            Assert.Equal(offline.Confidence.ToArray(), confidence);
            Assert.Equal(offline.Length, stream.EmittedCount);
        }, iter: 20);
    }

    [Fact]
    public void Streaming_EmitsSamplesHalfAWindowLate_AndResetStartsOver()
    {
        var audio = DopplerSignals.ToneBursts(130, 10);
        var stream = s_estimator.CreateStreaming(4000);
        Assert.Equal(3.75 / 2, stream.LatencySeconds, 2);
        var bpm = new float[64];
        var confidence = new float[64];

        // After 5 s only the samples whose window ended are out: k × 0.25 + 1.875 ≤ 5.
        var n = stream.Process(audio.AsSpan(0, 5 * 4000), bpm, confidence);
        Assert.InRange(n, 12, 13);
        stream.Reset();
        Assert.Equal(0, stream.EmittedCount);
        var again = stream.Process(audio.AsSpan(0, 5 * 4000), bpm, confidence);
        Assert.Equal(n, again);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => s_estimator.Estimate([0f, float.NaN, 0f], 4000));
        Assert.Throws<ArgumentException>(() => s_estimator.Estimate([float.PositiveInfinity], 4000));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_estimator.Estimate(new float[100], 999));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_estimator.Estimate(new float[100], double.NaN));
        Assert.Throws<ArgumentNullException>(() => s_estimator.Estimate((WavAudio)null!));
        Assert.Throws<ArgumentNullException>(() => new DopplerHeartRateEstimator(null!));

        // The Doppler band must fit below the audio's Nyquist frequency.
        Assert.Throws<ArgumentOutOfRangeException>(() => new DopplerHeartRateEstimator(new DopplerHeartRateOptions { BandLowHz = 500, BandHighHz = 900 }).CreateStreaming(1000));

        var stream = s_estimator.CreateStreaming(4000);
        var audio = new float[8000];
        Assert.Throws<ArgumentException>(() => stream.Process(audio, new float[stream.MaxOutputLength(audio.Length) - 1], new float[8]));
        Assert.Throws<ArgumentException>(() => stream.Process(audio, new float[8], new float[stream.MaxOutputLength(audio.Length) - 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.MaxOutputLength(-1));
        stream.Complete(new float[8], new float[8]);
        Assert.Throws<InvalidOperationException>(() => stream.Process(audio, new float[8], new float[8]));
    }

    [Theory]
    [InlineData(nameof(DopplerHeartRateOptions.BandLowHz), 0.0)]
    [InlineData(nameof(DopplerHeartRateOptions.BandHighHz), 100.0)]
    [InlineData(nameof(DopplerHeartRateOptions.EnvelopeCutoffHz), 200.0)]
    [InlineData(nameof(DopplerHeartRateOptions.EnvelopeRateHz), double.NaN)]
    [InlineData(nameof(DopplerHeartRateOptions.WindowSeconds), 1.0)]
    [InlineData(nameof(DopplerHeartRateOptions.MinimumBpm), 300.0)]
    [InlineData(nameof(DopplerHeartRateOptions.MaximumBpm), 40.0)]
    [InlineData(nameof(DopplerHeartRateOptions.MinimumPeakHeight), 1.0)]
    [InlineData(nameof(DopplerHeartRateOptions.FundamentalRatio), 0.0)]
    public void Options_OutOfRange_ArgumentExceptionNamesTheOption(string property, double value)
    {
        var options = new DopplerHeartRateOptions();
        typeof(DopplerHeartRateOptions).GetProperty(property)!.SetValue(options, value);
        var error = Assert.Throws<ArgumentException>(() => new DopplerHeartRateEstimator(options));
        Assert.Equal("options", error.ParamName);

        var services = new ServiceCollection().AddNonprofitMonitoring();
        services.Configure<DopplerHeartRateOptions>(o => typeof(DopplerHeartRateOptions).GetProperty(property)!.SetValue(o, value));
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DopplerHeartRateEstimator>());
    }

    [Fact]
    public void DependencyInjection_ResolvesASingletonWithConfiguredOptions()
    {
        var services = new ServiceCollection().AddNonprofitMonitoring();
        services.Configure<DopplerHeartRateOptions>(o => o.MinimumPeakHeight = 0.5);
        using var provider = services.BuildServiceProvider();
        var estimator = provider.GetRequiredService<DopplerHeartRateEstimator>();
        Assert.Same(estimator, provider.GetRequiredService<DopplerHeartRateEstimator>());
        Assert.InRange(estimator.Estimate(DopplerSignals.ToneBursts(140, 10), 4000).MeanBpm, 139.5, 140.5);
    }

    [Fact]
    public void WavPathAndStream_SameAsSamples_AndToRecording()
    {
        var audio = DopplerSignals.ToneBursts(135, 12);
        var path = Path.Combine(Path.GetTempPath(), "doppler-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            WavWriter.Write(path, audio, 4000, WavSampleFormat.IeeeFloat32);
            var fromPath = s_estimator.Estimate(path);
            using var stream = File.OpenRead(path);
            var fromStream = s_estimator.Estimate(stream);
            var fromSamples = s_estimator.Estimate(audio, 4000);
            Assert.Equal(fromSamples.Bpm.ToArray(), fromPath.Bpm.ToArray());
            Assert.Equal(fromSamples.Bpm.ToArray(), fromStream.Bpm.ToArray());

            var recording = fromPath.ToRecording();
            Assert.Equal(fromPath.Length, recording.Length);
            Assert.Equal(4, recording.SampleRateHz);
            Assert.Equal(SignalQuality.Lost, recording.Quality.Span[0]);
            Assert.Equal(SignalQuality.Good, recording.Quality.Span[20]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertAllValidNear(DopplerHeartRate result, double bpm, double tolerance)
    {
        Assert.True(result.ValidPercent > 80, $"valid {result.ValidPercent:F1} %");
        foreach (var v in result.Bpm.ToArray())
        {
            Assert.True(float.IsNaN(v) || Math.Abs(v - bpm) <= tolerance, $"estimate off by {Math.Abs(v - bpm):F1} bpm");
        }
    }

    /// <summary>Valid % outside dropouts and % of those valid samples within 5 bpm of the truth.</summary>
    private static (double Valid, double Within) Score(DopplerHeartRate result, SyntheticDoppler truth)
    {
        int samples = 0, valid = 0, within = 0;
        for (var k = 0; k < result.Length; k++)
        {
            if (truth.Dropout.Span[k])
            {
                continue;
            }

            samples++;
            var v = result.Bpm.Span[k];
            if (!float.IsNaN(v))
            {
                valid++;
                within += Math.Abs(v - truth.TrueFetalHeartRate.Span[k]) <= 5 ? 1 : 0;
            }
        }

        return (100.0 * valid / samples, valid == 0 ? 0 : 100.0 * within / valid);
    }
}
