using Nonprofit.Monitoring.Simulation;

namespace Nonprofit.Monitoring.Tests.Doppler;

public sealed class SyntheticDopplerGeneratorTests
{
    [Fact]
    public void SameSeed_SameAudio_OtherSeed_OtherAudio()
    {
        var a = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 1, DurationSeconds = 20 });
        var b = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 1, DurationSeconds = 20 });
        var c = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 2, DurationSeconds = 20 });
        Assert.Equal(a.Audio.ToArray(), b.Audio.ToArray());
        Assert.Equal(a.TrueFetalHeartRate.ToArray(), b.TrueFetalHeartRate.ToArray());
        Assert.NotEqual(a.Audio.ToArray(), c.Audio.ToArray());
    }

    [Fact]
    public void Lengths_Ranges_AndMasks()
    {
        var d = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 3, DurationSeconds = 3600, SampleRateHz = 2000, DropoutsPerHour = 20, ArtefactsPerMinute = 2 });
        Assert.Equal(3600 * 2000, d.Audio.Length);
        Assert.Equal(2000, d.SampleRateHz);
        Assert.Equal(3600 * 4, d.TrueFetalHeartRate.Length);
        Assert.Equal(3600 * 4, d.Dropout.Length);
        Assert.Equal(3600 * 4, d.Artefact.Length);
        Assert.All(d.TrueFetalHeartRate.ToArray(), v => Assert.InRange(v, 60, 210));
        Assert.All(d.Audio.ToArray(), v => Assert.True(float.IsFinite(v)));

        // About 20 dropouts of 5-30 s and 120 artefacts of 0.5-3 s in an hour.
        var dropout = d.Dropout.ToArray().Count(x => x) / 4.0;
        Assert.InRange(dropout, 5 * 8, 30 * 35);
        var artefact = d.Artefact.ToArray().Count(x => x) / 4.0;
        Assert.InRange(artefact, 0.5 * 60, 3.5 * 200);

        // The probe is off during a dropout: the audio there is the noise alone, much quieter than with the heart.
        var dropoutPower = Power(d, dropout: true);
        var heartPower = Power(d, dropout: false);
        Assert.True(heartPower > 5 * dropoutPower, $"{heartPower} vs {dropoutPower}");
    }

    [Theory]
    [InlineData(20.0)]
    [InlineData(0.0)]
    [InlineData(-10.0)]
    public void Snr_IsTheRatioOfHeartToNoisePower(double snr)
    {
        // With no maternal pulse and no artefacts, dropout audio is noise only: its power against the heart's gives the SNR.
        var options = new SyntheticDopplerOptions { Seed = 4, DurationSeconds = 600, SnrDb = snr, MaternalAmplitude = 0, ArtefactsPerMinute = 0, DropoutsPerHour = 30 };
        var d = SyntheticDopplerGenerator.Generate(options);
        var noise = Power(d, dropout: true);
        var total = Power(d, dropout: false);
        var measured = 10 * Math.Log10((total - noise) / noise);
        Assert.InRange(measured, snr - 1, snr + 1);
    }

    [Fact]
    public void GivenTrajectory_IsTheTruthAndTheEstimatorFollowsIt()
    {
        // 60 s at 140 bpm, then 60 s at 90 bpm; 100 s given, so the last value is held for the last 20 s.
        var given = new float[400];
        for (var k = 0; k < given.Length; k++)
        {
            given[k] = k < 240 ? 140 : 90;
        }

        var d = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 6, DurationSeconds = 120, FetalHeartRateBpm = given, DropoutsPerHour = 0, ArtefactsPerMinute = 0 });
        var truth = d.TrueFetalHeartRate.ToArray();
        Assert.Equal(480, truth.Length);
        Assert.Equal(given, truth[..400]);
        Assert.All(truth[400..], v => Assert.Equal(90f, v));
        var estimate = new DopplerHeartRateEstimator().Estimate(d.Audio.Span, d.SampleRateHz).Bpm.ToArray();
        Assert.InRange(Median(estimate[40..220]), 135, 145);
        Assert.InRange(Median(estimate[280..460]), 85, 95);
    }

    [Theory]
    [InlineData(59f)]
    [InlineData(211f)]
    [InlineData(float.NaN)]
    public void GivenTrajectory_OutOfRange_Throws(float bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { DurationSeconds = 10, FetalHeartRateBpm = new[] { 140f, bad } }));
        Assert.Contains("FetalHeartRateBpm", ex.Message, StringComparison.Ordinal);
    }

    private static double Median(float[] values)
    {
        var valid = values.Where(float.IsFinite).Order().ToArray();
        return valid.Length == 0 ? double.NaN : valid[valid.Length / 2];
    }

    [Fact]
    public void FixedBaselineWithoutEvents_TrajectoryStaysNearIt()
    {
        var d = SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { Seed = 5, DurationSeconds = 300, BaselineBpm = 140, AccelerationsPerHour = 0, DecelerationsPerHour = 0, VariabilityBpm = 5 });
        Assert.All(d.TrueFetalHeartRate.ToArray(), v => Assert.InRange(v, 140 - 8 - 10.1, 140 + 8 + 10.1));
        Assert.InRange(d.TrueFetalHeartRate.ToArray().Average(), 130, 150);
    }

    [Fact]
    public void BadOptions_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SyntheticDopplerGenerator.Generate(null!));
        Assert.Throws<ArgumentException>(() => SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { SampleRateHz = 500 }));
        Assert.Throws<ArgumentException>(() => SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { DurationSeconds = 0.5 }));
        Assert.Throws<ArgumentException>(() => SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { BaselineBpm = 300 }));
        Assert.Throws<ArgumentException>(() => SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { SnrDb = double.NaN }));
        Assert.Throws<ArgumentException>(() => SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { MaternalAmplitude = -1 }));
        Assert.Throws<ArgumentException>(() => SyntheticDopplerGenerator.Generate(new SyntheticDopplerOptions { NoiseColor = (DopplerNoiseColor)9 }));
    }

    /// <summary>Mean audio power over the 4 Hz samples inside (or well outside) dropouts.</summary>
    private static double Power(SyntheticDoppler d, bool dropout)
    {
        double sum = 0;
        long count = 0;
        var perSample = d.SampleRateHz / 4;
        for (var k = 2; k < d.Dropout.Length - 2; k++)
        {
            // Skip the half-second fades at the edges of a dropout.
            var inside = d.Dropout.Span[k - 2] && d.Dropout.Span[k] && d.Dropout.Span[k + 2];
            var outside = !d.Dropout.Span[k - 2] && !d.Dropout.Span[k] && !d.Dropout.Span[k + 2];
            if (dropout ? !inside : !outside)
            {
                continue;
            }

            foreach (var v in d.Audio.Span.Slice(k * perSample, perSample))
            {
                sum += v * (double)v;
                count++;
            }
        }

        return sum / count;
    }
}
