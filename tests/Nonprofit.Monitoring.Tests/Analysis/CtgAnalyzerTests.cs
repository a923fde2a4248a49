using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring.Tests.Analysis;

public sealed class CtgAnalyzerTests
{
    private const double Fs = 4;

    /// <summary>A flat 140 bpm trace with ±2 bpm seeded noise, <paramref name="minutes"/> long.</summary>
    private static float[] Flat(double minutes, double level = 140, int seed = 1)
    {
        var random = new Random(seed);
        var x = new float[(int)(minutes * 60 * Fs)];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(level + (4 * (random.NextDouble() - 0.5)));
        }

        return x;
    }

    /// <summary>Adds a sin² bump (gradual: nadir at the middle) of <paramref name="depth"/> bpm from <paramref name="startS"/> for <paramref name="lengthS"/>.</summary>
    private static void Gradual(float[] x, double startS, double lengthS, double depth)
    {
        var s = (int)(startS * Fs);
        var n = (int)(lengthS * Fs);
        for (var i = 0; i < n; i++)
        {
            var shape = Math.Sin(Math.PI * i / n);
            x[s + i] += (float)(depth * shape * shape);
        }
    }

    /// <summary>Adds a V-shaped drop: <paramref name="onsetS"/> down, a plateau, <paramref name="onsetS"/> back up.</summary>
    private static void Abrupt(float[] x, double startS, double lengthS, double depth, double onsetS)
    {
        var s = (int)(startS * Fs);
        var n = (int)(lengthS * Fs);
        var ramp = (int)(onsetS * Fs);
        for (var i = 0; i < n; i++)
        {
            var level = Math.Min(1.0, Math.Min((double)i / ramp, (double)(n - i) / ramp));
            x[s + i] -= (float)(depth * level);
        }
    }

    /// <summary>A TOCO channel at tone 10 with sin² contractions of 40 units, 60 s long, starting at the given seconds.</summary>
    private static float[] Toco(int length, params double[] startsS) => Toco(length, 60, startsS);

    /// <summary>As above with contractions <paramref name="durationS"/> long.</summary>
    private static float[] Toco(int length, double durationS, double[] startsS)
    {
        var ua = new float[length];
        ua.AsSpan().Fill(10);
        foreach (var start in startsS)
        {
            var s = (int)(start * Fs);
            var n = (int)(durationS * Fs);
            for (var i = 0; i < n; i++)
            {
                var shape = Math.Sin(Math.PI * i / n);
                ua[s + i] += (float)(40 * shape * shape);
            }
        }

        return ua;
    }

    private static CtgAnalysis Analyze(float[] fhr, float[]? ua = null, CtgAnalyzerOptions? options = null, BaselineMethod method = BaselineMethod.RobustWeightedMedian)
    {
        options ??= new CtgAnalyzerOptions();
        options.BaselineMethod = method;
        return new CtgAnalyzer(options).Analyze(new CtgRecording(fhr, Fs, uterineActivity: ua));
    }

    [Theory]
    [InlineData(BaselineMethod.Figo)]
    [InlineData(BaselineMethod.RobustWeightedMedian)]
    public void Analyze_FlatTrace_BaselineLevelNoEvents(BaselineMethod method)
    {
        var analysis = Analyze(Flat(30, 142.6), method: method);

        Assert.Equal(30 * 60 * 4, analysis.Length);
        Assert.Equal(analysis.Length, analysis.Baseline.Length);
        Assert.InRange(analysis.BaselineBpm, 142.1, 143.1);
        Assert.Equal(145, analysis.ClinicalBaselineBpm);
        Assert.Empty(analysis.Accelerations);
        Assert.Empty(analysis.Decelerations);
        Assert.False(analysis.Tachycardia || analysis.Bradycardia);
        Assert.Equal(method, analysis.BaselineMethod);
    }

    [Theory]
    [InlineData(BaselineMethod.Figo)]
    [InlineData(BaselineMethod.RobustWeightedMedian)]
    public void Analyze_AbruptDropWithoutUa_Variable(BaselineMethod method)
    {
        var x = Flat(30);
        Abrupt(x, 600, 50, 40, 10);

        var analysis = Analyze(x, method: method);

        var d = Assert.Single(analysis.Decelerations);
        Assert.Equal(DecelerationType.Variable, d.Type);
        Assert.InRange(d.StartSeconds, 590, 606);
        Assert.InRange(d.EndSeconds, 644, 660);
        Assert.InRange(d.AmplitudeBpm, 35, 45);
        Assert.InRange(d.ExtremumSeconds, 605, 645);
        Assert.Null(d.ContractionIndex);
        Assert.Equal(0, d.SignalLossFraction);
        Assert.InRange(analysis.BaselineBpm, 139, 141);
    }

    [Fact]
    public void Analyze_GradualDropWithoutUa_Unknown()
    {
        var x = Flat(30);
        Gradual(x, 600, 90, -25);

        var d = Assert.Single(Analyze(x).Decelerations);

        Assert.Equal(DecelerationType.Unknown, d.Type);
        Assert.True(d.OnsetToNadirSeconds >= 30);
    }

    [Fact]
    public void Analyze_GradualDropMirroringContraction_Early()
    {
        // 90 s mirror images: onset to nadir 45 s (gradual), nadir at the contraction's peak.
        var x = Flat(30);
        Gradual(x, 600, 90, -25);
        var ua = Toco(x.Length, 90, [300, 600, 900]);

        var analysis = Analyze(x, ua);

        Assert.Equal(3, analysis.Contractions.Count);
        var d = Assert.Single(analysis.Decelerations);
        Assert.Equal(DecelerationType.Early, d.Type);
        Assert.Equal(1, d.ContractionIndex);
        Assert.InRange(d.NadirLagSeconds!.Value, -5, 5);
    }

    [Fact]
    public void Analyze_GradualDropAfterContraction_Late()
    {
        // Starts 30 s after the contraction, nadir 30 s after its peak.
        var x = Flat(30);
        Gradual(x, 630, 90, -25);
        var ua = Toco(x.Length, 90, [300, 600, 900]);

        var d = Assert.Single(Analyze(x, ua).Decelerations);

        Assert.Equal(DecelerationType.Late, d.Type);
        Assert.Equal(1, d.ContractionIndex);
        Assert.InRange(d.NadirLagSeconds!.Value, 22, 38);
    }

    [Fact]
    public void Analyze_AbruptDropDuringContraction_Variable()
    {
        var x = Flat(30);
        Abrupt(x, 610, 40, 50, 8);
        var ua = Toco(x.Length, 300, 600, 900);

        var d = Assert.Single(Analyze(x, ua).Decelerations);

        Assert.Equal(DecelerationType.Variable, d.Type);
        Assert.True(d.OnsetToNadirSeconds < 30);
    }

    [Theory]
    [InlineData(BaselineMethod.Figo)]
    [InlineData(BaselineMethod.RobustWeightedMedian)]
    public void Analyze_FourMinuteDrop_Prolonged(BaselineMethod method)
    {
        var x = Flat(40);
        Abrupt(x, 900, 240, 40, 20);

        var d = Assert.Single(Analyze(x, method: method).Decelerations);

        Assert.Equal(DecelerationType.Prolonged, d.Type);
        Assert.InRange(d.DurationSeconds, 200, 260);
    }

    [Fact]
    public void Analyze_Acceleration_FoundAndPretermThresholds()
    {
        var x = Flat(30);
        Gradual(x, 300, 40, 25);   // 25 bpm over 40 s: an acceleration
        Gradual(x, 900, 24, 13);   // 13 bpm, about 12 s above 10 bpm: only before 32 weeks

        var term = Analyze(x);
        var preterm = Analyze(x, options: new CtgAnalyzerOptions { PretermBefore32Weeks = true });

        var a = Assert.Single(term.Accelerations);
        Assert.InRange(a.ExtremumSeconds, 310, 330);
        Assert.InRange(a.AmplitudeBpm, 21, 28);
        Assert.Equal(2, preterm.Accelerations.Count);
    }

    [Fact]
    public void Analyze_AccelerationTouchingTheBaselineBriefly_OneEvent_LongerReturn_Two()
    {
        var x = Flat(30);
        Abrupt(x, 300, 30, -25, 3);   // two rises (3-s ramps) 2 s apart: one acceleration that touches the baseline
        Abrupt(x, 332, 30, -25, 3);
        Abrupt(x, 900, 30, -25, 3);   // 10 s apart: two accelerations
        Abrupt(x, 940, 30, -25, 3);

        var accelerations = Analyze(x).Accelerations;

        Assert.Equal(3, accelerations.Count);
        Assert.InRange(accelerations[0].StartSeconds, 295, 310);
        Assert.InRange(accelerations[0].EndSeconds, 352, 367);
        Assert.InRange(accelerations[1].EndSeconds, 925, 935); // the 10 s return splits (a start may sit a few
        Assert.InRange(accelerations[2].StartSeconds, 930, 945); // seconds early, at a noise crossing before the rise)
        Assert.True(accelerations[1].EndSeconds < accelerations[2].StartSeconds);
    }

    [Fact]
    public void Analyze_EventMostlyLost_DiscardedUnlessKept()
    {
        var x = Flat(30);
        Abrupt(x, 600, 60, 40, 10);
        x.AsSpan((int)(605 * Fs), (int)(30 * Fs)).Fill(float.NaN);

        var discarded = Analyze(x);
        var kept = Analyze(x, options: new CtgAnalyzerOptions { KeepUnreliableEvents = true });

        Assert.Empty(discarded.Decelerations);
        var d = Assert.Single(kept.Decelerations);
        Assert.True(d.SignalLossFraction > 0.33);
        Assert.InRange(kept.SignalLossPercent, 100.0 * 30 / 1800 * 0.99, 100.0 * 30 / 1800 * 1.01);
    }

    [Theory]
    [InlineData(170, true, false)]
    [InlineData(100, false, true)]
    [InlineData(150, false, false)]
    public void Analyze_SustainedLevel_TachyOrBradycardia(double level, bool tachycardia, bool bradycardia)
    {
        var x = Flat(10, 140).Concat(Flat(15, level, seed: 2)).Concat(Flat(10, 140, seed: 3)).ToArray();

        var analysis = Analyze(x);

        Assert.Equal(tachycardia, analysis.Tachycardia);
        Assert.Equal(bradycardia, analysis.Bradycardia);
        Assert.Equal(tachycardia ? analysis.TachycardiaSeconds : analysis.BradycardiaSeconds, (tachycardia || bradycardia) ? Math.Max(analysis.TachycardiaSeconds, analysis.BradycardiaSeconds) : 0);
        if (tachycardia || bradycardia)
        {
            Assert.InRange(Math.Max(analysis.TachycardiaSeconds, analysis.BradycardiaSeconds), 600, 900);
        }
    }

    [Fact]
    public void Analyze_ShortHighLevel_NoTachycardia()
    {
        var x = Flat(15, 140).Concat(Flat(5, 175, seed: 2)).Concat(Flat(15, 140, seed: 3)).ToArray();

        Assert.False(Analyze(x).Tachycardia);
    }

    [Theory]
    [InlineData(100, true)]   // every 100 s: 6 per 10 min
    [InlineData(150, false)]  // every 150 s: 4 per 10 min
    public void Analyze_ContractionRate_Tachysystole(double everySeconds, bool expected)
    {
        var x = Flat(40);
        var starts = Enumerable.Range(0, 40).Select(k => 30 + (k * everySeconds)).Where(s => s + 60 < 40 * 60).ToArray();

        var analysis = Analyze(x, Toco(x.Length, starts));

        Assert.Equal(starts.Length, analysis.Contractions.Count);
        Assert.Equal(expected, analysis.Tachysystole);
        Assert.InRange(analysis.MaximumContractionsPer10Minutes, (600 / everySeconds) - 0.5, (600 / everySeconds) + 0.5);
        for (var k = 0; k < starts.Length; k++)
        {
            Assert.InRange(analysis.Contractions[k].PeakSeconds, starts[k] + 25, starts[k] + 35);
            Assert.InRange(analysis.Contractions[k].AmplitudeAboveTone, 30, 41);
        }
    }

    [Fact]
    public void Analyze_NoUterineActivity_NoContractions()
    {
        var analysis = Analyze(Flat(20));

        Assert.False(analysis.HasUterineActivity);
        Assert.Empty(analysis.Contractions);
        Assert.Equal(0, analysis.ContractionsPer10Minutes);
        Assert.False(analysis.Tachysystole);
    }

    [Fact]
    public void Analyze_NoSignal_NaNBaselineNoEvents()
    {
        var x = new float[4 * 600];
        x.AsSpan().Fill(float.NaN);

        var analysis = Analyze(x);

        Assert.True(double.IsNaN(analysis.BaselineBpm));
        Assert.True(double.IsNaN(analysis.ClinicalBaselineBpm));
        Assert.Empty(analysis.Decelerations);
        Assert.Equal(100, analysis.SignalLossPercent);
    }

    [Fact]
    public void Analyze_Empty_NoThrow()
    {
        var analysis = Analyze([]);

        Assert.Equal(0, analysis.Length);
        Assert.True(double.IsNaN(analysis.BaselineBpm));
    }

    [Fact]
    public void Analyze_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new CtgAnalyzer().Analyze(new CtgRecording(Flat(5)), cts.Token));
        Assert.Throws<ArgumentNullException>(() => new CtgAnalyzer().Analyze(null!));
    }

    public static TheoryData<Action<CtgAnalyzerOptions>, string> InvalidOptions => new()
    {
        { o => o.BaselineMethod = (BaselineMethod)7, nameof(CtgAnalyzerOptions.BaselineMethod) },
        { o => o.BaselineWindowMinutes = 0, nameof(CtgAnalyzerOptions.BaselineWindowMinutes) },
        { o => o.AccelerationAmplitudeBpm = -1, nameof(CtgAnalyzerOptions.AccelerationAmplitudeBpm) },
        { o => o.DecelerationMinimumSeconds = double.NaN, nameof(CtgAnalyzerOptions.DecelerationMinimumSeconds) },
        { o => o.AccelerationMaximumSeconds = 5, nameof(CtgAnalyzerOptions.AccelerationMaximumSeconds) },
        { o => o.MaximumEventSignalLoss = 1.5, nameof(CtgAnalyzerOptions.MaximumEventSignalLoss) },
        { o => o.TachycardiaBpm = 100, nameof(CtgAnalyzerOptions.TachycardiaBpm) },
        { o => o.ContractionAmplitude = 0, nameof(CtgAnalyzerOptions.ContractionAmplitude) },
        { o => o.ProlongedDecelerationSeconds = double.PositiveInfinity, nameof(CtgAnalyzerOptions.ProlongedDecelerationSeconds) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ArgumentExceptionNamingIt(Action<CtgAnalyzerOptions> change, string name)
    {
        var options = new CtgAnalyzerOptions();
        change(options);

        var error = Assert.Throws<ArgumentException>(() => new CtgAnalyzer(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CopiesOptions()
    {
        var options = new CtgAnalyzerOptions { BaselineMethod = BaselineMethod.Figo };
        var analyzer = new CtgAnalyzer(options);
        options.BaselineMethod = BaselineMethod.RobustWeightedMedian;

        Assert.Equal(BaselineMethod.Figo, analyzer.Analyze(new CtgRecording(Flat(5))).BaselineMethod);
    }

    [Fact]
    public void AddNonprofitMonitoring_RegistersAnalyzerOnTheSharedPreprocessor()
    {
        using var provider = new ServiceCollection()
            .AddNonprofitMonitoring(p => p.MaximumBpm = 210, a => a.BaselineMethod = BaselineMethod.Figo)
            .BuildServiceProvider();

        var analyzer = provider.GetRequiredService<CtgAnalyzer>();

        Assert.Same(analyzer, provider.GetRequiredService<CtgAnalyzer>());
        Assert.Equal(BaselineMethod.Figo, analyzer.Analyze(new CtgRecording(Flat(5))).BaselineMethod);
        using var defaults = new ServiceCollection().AddNonprofitMonitoring().BuildServiceProvider();
        Assert.Equal(BaselineMethod.RobustWeightedMedian, defaults.GetRequiredService<CtgAnalyzer>().Analyze(new CtgRecording(Flat(5))).BaselineMethod);
    }

    [Fact]
    public void AddNonprofitMonitoring_InvalidAnalyzerOption_FailsValidation()
    {
        using var provider = new ServiceCollection()
            .AddNonprofitMonitoring(null, a => a.DecelerationAmplitudeBpm = 0)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CtgAnalyzer>());
        Assert.Contains(nameof(CtgAnalyzerOptions.DecelerationAmplitudeBpm), error.Message, StringComparison.Ordinal);
    }
}
