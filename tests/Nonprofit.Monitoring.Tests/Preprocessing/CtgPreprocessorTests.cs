using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring.Tests.Preprocessing;

public sealed class CtgPreprocessorTests
{
    private static readonly CtgPreprocessor s_default = new(new CtgPreprocessorOptions());

    private static float[] Constant(int n, float value) => Enumerable.Repeat(value, n).ToArray();

    private static (float[] Fhr, FhrSampleStatus[] Status, double Loss) Run(float[] input, CtgPreprocessor? preprocessor = null)
    {
        var fhr = new float[input.Length];
        var status = new FhrSampleStatus[input.Length];
        var loss = (preprocessor ?? s_default).Process(input, 4, fhr, status);
        return (fhr, status, loss);
    }

    [Fact]
    public void Process_HalvedStretch_DoubledBackAndFlagged()
    {
        var input = Constant(400, 140);
        for (var i = 100; i < 180; i++)
        {
            input[i] = 70.25f;
        }

        var (fhr, status, loss) = Run(input);

        Assert.All(Enumerable.Range(100, 80), i => Assert.Equal(FhrSampleStatus.HalvingCorrected, status[i]));
        Assert.All(Enumerable.Range(100, 80), i => Assert.Equal(140.5f, fhr[i]));
        Assert.Equal(FhrSampleStatus.None, status[99]);
        Assert.Equal(FhrSampleStatus.None, status[180]);
        Assert.Equal(0, loss);
    }

    [Fact]
    public void Process_DoubledStretchAboveRange_HalvedNotRemoved()
    {
        var input = Constant(400, 130);
        for (var i = 200; i < 260; i++)
        {
            input[i] = 262;
        }

        var (fhr, status, _) = Run(input);

        Assert.All(Enumerable.Range(200, 60), i => Assert.Equal(FhrSampleStatus.DoublingCorrected, status[i]));
        Assert.All(Enumerable.Range(200, 60), i => Assert.Equal(131f, fhr[i]));
    }

    [Fact]
    public void Process_GradualDecelerationToHalf_NotCorrected()
    {
        // 140 -> 70 bpm over 30 s and back: a deep deceleration, not a counting error.
        var input = Constant(600, 140);
        for (var i = 0; i < 240; i++)
        {
            input[100 + i] = 140 - (70 * MathF.Sin(MathF.PI * i / 240));
        }

        var (fhr, status, _) = Run(input);

        Assert.All(status, s => Assert.Equal(FhrSampleStatus.None, s));
        Assert.Equal(input, fhr);
    }

    [Fact]
    public void Process_HalvingCorrectionOff_HalvedValuesKept()
    {
        var input = Constant(400, 140);
        for (var i = 100; i < 180; i++)
        {
            input[i] = 70;
        }

        var (fhr, status, _) = Run(input, new CtgPreprocessor(new CtgPreprocessorOptions { CorrectHalvingDoubling = false, JumpRunMaximumSeconds = 0 }));

        Assert.Equal(70f, fhr[120]);
        Assert.Equal(FhrSampleStatus.None, status[120]);
    }

    [Fact]
    public void Process_ShortRunThatJumpsOnBothSides_RemovedAsJumpAndInterpolated()
    {
        // 140 | gap 2 s | 10 s at 190 | gap 2 s | 140: a Doppler artefact (maternal or noise) locked on for 10 s.
        var input = Constant(400, 140);
        for (var i = 100; i < 156; i++)
        {
            input[i] = i is < 108 or >= 148 ? float.NaN : 190;
        }

        var (fhr, status, loss) = Run(input);

        Assert.All(Enumerable.Range(108, 40), i => Assert.Equal(FhrSampleStatus.Jump | FhrSampleStatus.Interpolated, status[i]));
        Assert.All(Enumerable.Range(100, 8), i => Assert.Equal(FhrSampleStatus.Missing | FhrSampleStatus.Interpolated, status[i]));
        Assert.All(Enumerable.Range(100, 56), i => Assert.Equal(140f, fhr[i]));
        Assert.Equal(100.0 * 56 / 400, loss, 10);
    }

    [Fact]
    public void Process_ShortRunThatJumpsOnOneSideOnly_Kept()
    {
        var input = Constant(400, 140);
        for (var i = 100; i < 156; i++)
        {
            input[i] = i is < 108 or >= 148 ? float.NaN : 190;
        }

        for (var i = 156; i < 400; i++)
        {
            input[i] = 188;
        }

        var (_, status, _) = Run(input);

        Assert.Equal(FhrSampleStatus.None, status[120]);
    }

    [Fact]
    public void Process_RunShorterThanFiveSeconds_RemovedAsShortRun()
    {
        var input = Constant(200, float.NaN);
        for (var i = 0; i < 200; i++)
        {
            input[i] = i is >= 50 and < 66 ? 150 : i >= 100 ? 140 : float.NaN; // 4 s run, then a long run
        }

        var (fhr, status, _) = Run(input);

        Assert.All(Enumerable.Range(50, 16), i => Assert.Equal(FhrSampleStatus.ShortRun | FhrSampleStatus.Interpolated, status[i]));
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(140f, fhr[i])); // leading gap held at the first kept value
    }

    [Fact]
    public void Process_OutOfRangeAndZero_RemovedWithReason()
    {
        var input = Constant(200, 140);
        input[50] = 40;
        input[51] = 0;
        input[52] = 230;

        var (fhr, status, loss) = Run(input, new CtgPreprocessor(new CtgPreprocessorOptions { CorrectHalvingDoubling = false }));

        Assert.Equal(FhrSampleStatus.OutOfRange | FhrSampleStatus.Interpolated, status[50]);
        Assert.Equal(FhrSampleStatus.Missing | FhrSampleStatus.Interpolated, status[51]);
        Assert.Equal(FhrSampleStatus.OutOfRange | FhrSampleStatus.Interpolated, status[52]);
        Assert.Equal(140f, fhr[51]);
        Assert.Equal(1.5, loss, 10);
    }

    [Fact]
    public void Process_GapLongerThanMaximum_StaysNaN()
    {
        var input = Constant(400, 140);
        for (var i = 100; i < 200; i++)
        {
            input[i] = float.NaN;
        }

        input[300] = float.NaN;
        var (fhr, status, _) = Run(input, new CtgPreprocessor(new CtgPreprocessorOptions { MaximumInterpolationGapSeconds = 10 }));

        Assert.True(float.IsNaN(fhr[150]));
        Assert.Equal(FhrSampleStatus.Missing, status[150]);
        Assert.Equal(140f, fhr[300]);
    }

    [Fact]
    public void Process_LinearInterpolationBetweenNeighbours()
    {
        var input = Constant(100, 120);
        for (var i = 50; i < 100; i++)
        {
            input[i] = 130;
        }

        input[49] = input[50] = input[51] = float.NaN; // gap between 120 at 48 and 130 at 52

        var (fhr, _, _) = Run(input);

        Assert.Equal([122.5f, 125f, 127.5f], fhr[49..52]);
    }

    [Fact]
    public void Process_Recording_CombinesScalpChannelAsFhrmaDoes()
    {
        var recording = new CtgRecording(Constant(100, float.NaN), secondFetalHeartRate: Constant(100, 135));

        var clean = s_default.Process(recording);

        Assert.Equal(0, clean.SignalLossPercent);
        Assert.All(clean.FetalHeartRate.ToArray(), v => Assert.Equal(135f, v));
        Assert.True(clean.IsMeasured(10));
        Assert.Equal(TimeSpan.FromSeconds(2.5), clean.TimeOf(10));
        var single = new CtgPreprocessor(new CtgPreprocessorOptions { CombineChannels = false }).Process(recording);
        Assert.Equal(100, single.SignalLossPercent);
        Assert.True(float.IsNaN(single.FetalHeartRate.Span[0]));
    }

    [Theory]
    [InlineData(nameof(CtgPreprocessorOptions.MinimumBpm))]
    [InlineData(nameof(CtgPreprocessorOptions.MaximumBpm))]
    [InlineData(nameof(CtgPreprocessorOptions.MinimumRunSeconds))]
    [InlineData(nameof(CtgPreprocessorOptions.JumpBpm))]
    [InlineData(nameof(CtgPreprocessorOptions.HalvingDoublingToleranceBpm))]
    [InlineData(nameof(CtgPreprocessorOptions.MaximumInterpolationGapSeconds))]
    public void Constructor_OptionOutOfRange_ArgumentExceptionNamesIt(string option)
    {
        var options = new CtgPreprocessorOptions();
        typeof(CtgPreprocessorOptions).GetProperty(option)!.SetValue(options, double.NaN);

        var error = Assert.Throws<ArgumentException>(() => new CtgPreprocessor(options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_DestinationOfOtherLength_Throws() =>
        Assert.Throws<ArgumentException>(() => s_default.Process(new float[4], 4, new float[3], new FhrSampleStatus[4]));

    [Fact]
    public void AddNonprofitMonitoring_InvalidOptions_FailsOnResolveNamingTheOption()
    {
        using var provider = new ServiceCollection()
            .AddNonprofitMonitoring(o => o.MaximumBpm = 10)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CtgPreprocessor>());

        Assert.Contains("MaximumBpm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNonprofitMonitoring_Defaults_ResolvesSingleton()
    {
        using var provider = new ServiceCollection().AddNonprofitMonitoring().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<CtgPreprocessor>(), provider.GetRequiredService<CtgPreprocessor>());
    }
}
