using static Nonprofit.Monitoring.Tests.Classification.FhrSignals;

namespace Nonprofit.Monitoring.Tests.Classification;

public sealed class VariabilityAnalyzerTests
{
    private static readonly VariabilityAnalyzer s_analyzer = new();

    private static VariabilityResult Analyze(float[] fhr, FhrSegment[]? mask = null, float baseline = 140) =>
        s_analyzer.Analyze(fhr, Baseline(fhr.Length, baseline), mask ?? Mask(fhr.Length), Rate);

    [Fact]
    public void Analyze_Flat140WithTwoBpmNoise_ReducedForTheWholeHour()
    {
        var result = Analyze(Noise(60, 140, 2, seed: 1));

        Assert.Equal(VariabilityClass.Reduced, result.Class);
        Assert.Equal(60, result.ReducedMinutes);
        Assert.Equal(60, result.LongestReducedEpisodeMinutes);
        Assert.All(result.MinuteBandwidthBpm.ToArray(), b => Assert.InRange(b, 3.5f, 4f));
        Assert.Equal(0, result.SinusoidalMinutes);
    }

    [Fact]
    public void Analyze_Flat140WithThreeBpmNoise_BandwidthAboutSixSoNormal()
    {
        // ±3 bpm of noise spans about 6 bpm peak to trough: that is normal variability, not reduced.
        var result = Analyze(Noise(60, 140, 3, seed: 2));

        Assert.Equal(VariabilityClass.Normal, result.Class);
        Assert.InRange(result.MedianBandwidthBpm, 5.5, 6);
    }

    [Theory]
    [InlineData(50, VariabilityClass.Normal)]
    [InlineData(51, VariabilityClass.Reduced)]
    public void Analyze_ReducedEpisodeAtTheFiftyMinuteLimit_ReducedOnlyAbove(int reducedMinutes, VariabilityClass expected)
    {
        var fhr = Constant(70, 140);
        Square(fhr, 0, reducedMinutes, 140, 4);
        Square(fhr, reducedMinutes, 70, 140, 10);

        var result = Analyze(fhr);

        Assert.Equal(expected, result.Class);
        Assert.Equal(reducedMinutes, result.LongestReducedEpisodeMinutes);
        Assert.Equal(4f, result.MinuteBandwidthBpm.Span[0], 3);
        Assert.Equal(10f, result.MinuteBandwidthBpm.Span[69], 3);
        Assert.Equal(70 - reducedMinutes, result.NormalMinutes);
    }

    [Theory]
    [InlineData(30, VariabilityClass.Normal)]
    [InlineData(31, VariabilityClass.Increased)]
    public void Analyze_IncreasedEpisodeAtTheThirtyMinuteLimit_IncreasedOnlyAbove(int increasedMinutes, VariabilityClass expected)
    {
        var fhr = Constant(60, 140);
        Square(fhr, 0, 60, 140, 10);
        Square(fhr, 10, 10 + increasedMinutes, 140, 30);

        var result = Analyze(fhr);

        Assert.Equal(expected, result.Class);
        Assert.Equal(increasedMinutes, result.LongestIncreasedEpisodeMinutes);
        Assert.Equal(increasedMinutes, result.IncreasedMinutes);
    }

    [Fact]
    public void Analyze_BandwidthExactlyFiveAndTwentyFive_AreNormal()
    {
        var fhr = Constant(4, 140);
        Square(fhr, 0, 1, 140, 5);
        Square(fhr, 1, 2, 140, 25);
        Square(fhr, 2, 3, 140, 4.9f);
        Square(fhr, 3, 4, 140, 25.1f);

        var result = Analyze(fhr);

        Assert.Equal(2, result.NormalMinutes);
        Assert.Equal(1, result.ReducedMinutes);
        Assert.Equal(1, result.IncreasedMinutes);
    }

    [Theory]
    [InlineData(30, VariabilityClass.Normal)]
    [InlineData(31, VariabilityClass.Sinusoidal)]
    public void Analyze_SixBpmFourCpmSine_SinusoidalOnlyBeyondThirtyMinutes(int minutes, VariabilityClass expected)
    {
        var fhr = Constant(minutes, 140);
        Sine(fhr, 0, fhr.Length, 140, 12, 4);

        var result = Analyze(fhr);

        Assert.Equal(expected, result.Class);
        Assert.Equal(minutes, result.SinusoidalMinutes);
        Assert.Equal(minutes, result.LongestSinusoidalEpisodeMinutes);
        Assert.All(result.MinuteIsSinusoidal.ToArray(), Assert.True);
    }

    [Theory]
    [InlineData(6, 4, true)]
    [InlineData(6, 3, true)]
    [InlineData(6, 5, true)]
    [InlineData(6, 5.5, false)]
    [InlineData(6, 2.5, false)]
    [InlineData(6, 7, false)]
    [InlineData(6, 1.5, false)]
    [InlineData(20, 4, false)]
    [InlineData(3, 4, false)]
    public void Analyze_SineOfGivenSizeAndRate_SinusoidalOnlyInsideFigoRanges(double peakToTrough, double cyclesPerMinute, bool sinusoidal)
    {
        var fhr = Constant(40, 140);
        Sine(fhr, 0, fhr.Length, 140, peakToTrough, cyclesPerMinute);

        var result = Analyze(fhr);

        Assert.Equal(sinusoidal, result.Class == VariabilityClass.Sinusoidal);
        Assert.Equal(sinusoidal ? 40 : 0, result.SinusoidalMinutes);
    }

    [Fact]
    public void Analyze_SineWithNoiseAThirdOfItsAmplitude_StillSinusoidal()
    {
        var fhr = Noise(40, 140, 1, seed: 3);
        for (var i = 0; i < fhr.Length; i++)
        {
            fhr[i] += (float)(5 * Math.Sin(2 * Math.PI * 4 * i / PerMinute));
        }

        Assert.Equal(VariabilityClass.Sinusoidal, Analyze(fhr).Class);
    }

    [Fact]
    public void Analyze_SineWithAccelerations_NotSinusoidal()
    {
        var fhr = Constant(40, 140);
        Sine(fhr, 0, fhr.Length, 140, 12, 4);
        var mask = Mask(fhr.Length);
        for (var minute = 0; minute < 40; minute += 2)
        {
            mask.AsSpan((minute * PerMinute) + 100, 60).Fill(FhrSegment.Acceleration);
        }

        var result = Analyze(fhr, mask);

        Assert.Equal(0, result.SinusoidalMinutes);
        Assert.NotEqual(VariabilityClass.Sinusoidal, result.Class);
    }

    [Fact]
    public void Analyze_RandomVariabilityOfSyntheticCtg_NotSinusoidal()
    {
        var ctg = Synthetic.SyntheticCtgGenerator.Generate(new Synthetic.SyntheticCtgOptions { Seed = 5, DurationMinutes = 60, AccelerationsPerHour = 0, DecelerationProbability = 0, SignalLossFraction = 0 });
        var fhr = ctg.Recording.FetalHeartRate.ToArray();

        var result = s_analyzer.Analyze(fhr, ctg.Baseline, Mask(fhr.Length), Rate);

        Assert.Equal(VariabilityClass.Normal, result.Class);
        Assert.True(result.SinusoidalMinutes <= 2, $"{result.SinusoidalMinutes} sinusoidal minutes");
        Assert.InRange(result.MedianBandwidthBpm, 5, 25);
    }

    [Theory]
    [InlineData(3, VariabilityClass.Normal)]
    [InlineData(4, VariabilityClass.Reduced)]
    public void Analyze_ReducedVariabilityDuringDecelerations_ReducedBeyondThreeMinutes(int decelerationMinutes, VariabilityClass expected)
    {
        var fhr = Constant(40, 140);
        Square(fhr, 0, 40, 140, 10);
        var mask = Mask(fhr.Length);
        for (var d = 0; d < decelerationMinutes; d++)
        {
            // One whole-minute deceleration every 5 min: a 30 bpm dip whose variability is a 2 bpm square wave.
            var start = ((5 * d) + 2) * PerMinute;
            for (var i = 0; i < PerMinute; i++)
            {
                fhr[start + i] = 140 - (15 * (1 - MathF.Cos(2 * MathF.PI * i / PerMinute))) + (i / 20 % 2 == 0 ? 1 : -1);
                mask[start + i] = FhrSegment.Deceleration;
            }
        }

        var result = Analyze(fhr, mask);

        Assert.Equal(expected, result.Class);
        Assert.Equal(decelerationMinutes, result.ReducedDuringDecelerationsMinutes, 6);
        Assert.True(float.IsNaN(result.MinuteBandwidthBpm.Span[2]));
        Assert.InRange(result.MinuteDecelerationBandwidthBpm.Span[2], 2, 4.9f);
    }

    [Fact]
    public void Analyze_UnreliableAndAccelerationSamples_LeftOutOfTheBandwidth()
    {
        var fhr = Constant(3, 140);
        Square(fhr, 0, 3, 140, 8);
        var mask = Mask(fhr.Length);
        fhr.AsSpan(10, 40).Fill(200);
        mask.AsSpan(10, 40).Fill(FhrSegment.Unreliable);
        fhr.AsSpan(PerMinute + 10, 60).Fill(165);
        mask.AsSpan(PerMinute + 10, 60).Fill(FhrSegment.Acceleration);
        fhr.AsSpan((2 * PerMinute) + 10, 30).Fill(float.NaN);

        var result = Analyze(fhr, mask);

        Assert.Equal([8f, 8f, 8f], result.MinuteBandwidthBpm.ToArray());
    }

    [Fact]
    public void Analyze_MinuteWithLessThanHalfReliable_Unmeasured()
    {
        var fhr = Constant(2, 140);
        Square(fhr, 0, 2, 140, 8);
        var mask = Mask(fhr.Length);
        mask.AsSpan(0, 121).Fill(FhrSegment.Unreliable);
        mask.AsSpan(PerMinute, 120).Fill(FhrSegment.Unreliable);

        var result = Analyze(fhr, mask);

        Assert.True(float.IsNaN(result.MinuteBandwidthBpm.Span[0]));
        Assert.Equal(8f, result.MinuteBandwidthBpm.Span[1]);
        Assert.Equal(1, result.UnmeasuredMinutes);
    }

    [Fact]
    public void Analyze_AllLost_Undetermined()
    {
        var fhr = Constant(10, float.NaN);

        var result = Analyze(fhr);

        Assert.Equal(VariabilityClass.Undetermined, result.Class);
        Assert.True(double.IsNaN(result.MedianBandwidthBpm));
        Assert.Equal(10, result.UnmeasuredMinutes);
    }

    [Fact]
    public void Analyze_UnmeasuredMinutesInsideAnEpisode_NeitherBreakNorLengthenIt()
    {
        var fhr = Constant(60, 140);
        Square(fhr, 0, 60, 140, 4);
        fhr.AsSpan(20 * PerMinute, 5 * PerMinute).Fill(float.NaN);

        var result = Analyze(fhr);

        Assert.Equal(55, result.LongestReducedEpisodeMinutes);
        Assert.Equal(VariabilityClass.Reduced, result.Class);
    }

    [Fact]
    public void Analyze_EmptyInput_Undetermined()
    {
        var result = Analyze([]);

        Assert.Equal(VariabilityClass.Undetermined, result.Class);
        Assert.Equal(0, result.MinuteBandwidthBpm.Length);
    }

    [Fact]
    public void Analyze_BadArguments_Throw()
    {
        var fhr = Constant(2, 140);
        Assert.Throws<ArgumentException>("baselineBpm", () => s_analyzer.Analyze(fhr, new float[3], Mask(fhr.Length), Rate));
        Assert.Throws<ArgumentException>("segments", () => s_analyzer.Analyze(fhr, Baseline(fhr.Length, 140), new FhrSegment[3], Rate));
        Assert.Throws<ArgumentOutOfRangeException>("sampleRateHz", () => s_analyzer.Analyze(fhr, Baseline(fhr.Length, 140), Mask(fhr.Length), 0.5));
        Assert.Throws<ArgumentException>("options", () => new VariabilityAnalyzer(new VariabilityOptions { IncreasedAboveBpm = 2 }));
        Assert.Throws<ArgumentException>("options", () => new VariabilityAnalyzer(new VariabilityOptions { SinusoidalMinimumSpectralConcentration = 1.5 }));
    }

    [Fact]
    public void Options_Defaults_AreValid() => Assert.Null(new VariabilityOptions().Validate());
}
