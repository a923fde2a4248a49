using System.Diagnostics.Metrics;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Monitoring.Tests.Synthetic;
using static Nonprofit.Monitoring.Tests.Online.MonitorReplay;

namespace Nonprofit.Monitoring.Tests.Online;

public sealed class CtgMonitorTests
{
    private const CtgMonitorEventKind Loss = CtgMonitorEventKind.SignalLoss;
    private const CtgMonitorEventKind Prolonged = CtgMonitorEventKind.ProlongedDeceleration;

    [Fact]
    public void SignalLoss_GapInWindow_StartsAndEnds()
    {
        var events = Run(Trace((140, 300), (float.NaN, 90), (140, 300)));

        var started = Assert.Single(events.Of(Loss, CtgMonitorEventPhase.Started));
        var ended = Assert.Single(events.Of(Loss, CtgMonitorEventPhase.Ended));
        Assert.Equal(300 * 4, started.StartIndex);
        Assert.Equal(390 * 4, ended.EndIndex);
        Assert.Equal(Start.AddSeconds(300), started.StartTime);
        Assert.Equal(Start.AddSeconds(390), ended.EndTime);

        // Half the 60-s window lost raises it: 30 s after the gap started.
        Assert.Equal((300 + 30) * 4, started.SampleIndex + 1);
    }

    [Fact]
    public void SignalLoss_ShortGapsAndLostQuality_OnlyLongLossCounts()
    {
        // 20 s of loss is a third of the window: no alert. Quality Lost counts as lost even with a value.
        Assert.Empty(Run(Trace((140, 300), (float.NaN, 20), (140, 300))).Of(Loss));
        var samples = Trace((140, 600));
        for (var i = 1200; i < 1400; i++)
        {
            samples[i] = samples[i] with { Quality = SignalQuality.Lost };
        }

        Assert.Single(Run(samples).Of(Loss, CtgMonitorEventPhase.Started));
    }

    [Fact]
    public void Watchdog_SamplesStop_RaisesSignalLossAfterTimeout_AndEndsWhenTheyResume()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = new CtgMonitor(new CtgMonitorOptions { WatchdogTimeout = TimeSpan.FromSeconds(10) }, clock);
        var seen = new List<CtgMonitorEvent>();
        using var subscription = monitor.Subscribe(new Collector(seen));
        var samples = Trace((140, 30));

        foreach (var sample in samples)
        {
            Assert.Empty(monitor.Process(sample));
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        clock.Advance(TimeSpan.FromSeconds(9.5));
        Assert.Empty(seen);
        clock.Advance(TimeSpan.FromSeconds(0.5));

        var started = Assert.Single(seen);
        Assert.Equal((Loss, CtgMonitorEventPhase.Started), (started.Kind, started.Phase));
        Assert.Equal(samples.Length, started.SampleIndex);
        Assert.Equal(samples.Length, started.StartIndex);
        Assert.Equal(Start.AddSeconds(30), started.StartTime);
        Assert.Equal(Start.AddSeconds(30 + 10), started.RaisedAt);

        // The timer does not fire twice for one stall.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(seen);

        var resumed = monitor.Process(samples[0]);
        var ended = Assert.Single(resumed);
        Assert.Equal((Loss, CtgMonitorEventPhase.Ended), (ended.Kind, ended.Phase));
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void Watchdog_SamplesKeepComing_NeverFires()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = new CtgMonitor(new CtgMonitorOptions(), clock);
        var seen = new List<CtgMonitorEvent>();
        using var subscription = monitor.Subscribe(new Collector(seen));
        foreach (var sample in Trace((140, 120)))
        {
            monitor.Process(sample);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Empty(seen);
    }

    [Fact]
    public void Tachycardia_BaselineAbove160_RaisedAfterTenMinutes()
    {
        var events = Run(Trace((175, 15 * 60), (140, 15 * 60)));

        var started = Assert.Single(events.Of(CtgMonitorEventKind.Tachycardia, CtgMonitorEventPhase.Started));
        Assert.Equal(0, started.StartIndex);
        Assert.Equal((10 * 60 * 4) - 1, started.SampleIndex);
        var ended = Assert.Single(events.Of(CtgMonitorEventKind.Tachycardia, CtgMonitorEventPhase.Ended));
        Assert.InRange(ended.EndIndex!.Value / 4.0 / 60, 20, 25);
        Assert.Empty(events.Of(CtgMonitorEventKind.Bradycardia));
    }

    [Fact]
    public void Tachycardia_SyntheticBaseline170_Raised_AndNotAt140()
    {
        var tachy = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 3, BaselineBpm = 170, DurationMinutes = 20 });
        Assert.Single(Run(tachy.Recording).Of(CtgMonitorEventKind.Tachycardia, CtgMonitorEventPhase.Started));

        var normal = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = 3, DurationMinutes = 20 });
        Assert.Empty(Run(normal.Recording).Of(CtgMonitorEventKind.Tachycardia));
    }

    [Fact]
    public void Bradycardia_BaselineBelow110_RaisedAfterTenMinutes()
    {
        var events = Run(Trace((104, 12 * 60)));

        var started = Assert.Single(events.Of(CtgMonitorEventKind.Bradycardia, CtgMonitorEventPhase.Started));
        Assert.Equal(0, started.StartIndex);
        Assert.Equal((10 * 60 * 4) - 1, started.SampleIndex);
        Assert.Empty(events.Of(CtgMonitorEventKind.Tachycardia));
        Assert.Empty(events.Of(Prolonged));
    }

    [Fact]
    public void ProlongedDeceleration_SixMinutesAt90_StartsEscalatesAndEnds()
    {
        var events = Run(Trace((140, 12 * 60), (90, 6 * 60), (140, 5 * 60)));

        var started = Assert.Single(events.Of(Prolonged, CtgMonitorEventPhase.Started));
        var escalated = Assert.Single(events.Of(Prolonged, CtgMonitorEventPhase.Escalated));
        var ended = Assert.Single(events.Of(Prolonged, CtgMonitorEventPhase.Ended));
        var onset = 12 * 60 * 4;
        Assert.InRange(started.StartIndex, onset - 32, onset + 32); // within half the 15-s smoothing window
        Assert.InRange((started.SampleIndex - onset) / 4.0, 180, 200);
        Assert.InRange((escalated.SampleIndex - onset) / 4.0, 300, 320);
        Assert.InRange(ended.EndIndex!.Value, onset + (360 * 4) - 40, onset + (360 * 4) + 40);
        Assert.Equal(started.StartIndex, ended.StartIndex);
    }

    [Fact]
    public void ProlongedDeceleration_FourMinutes20Below_NotEscalated_ShortOnesIgnored()
    {
        var events = Run(Trace((140, 12 * 60), (120, 4 * 60), (140, 3 * 60), (100, 150), (140, 3 * 60)));

        var started = Assert.Single(events.Of(Prolonged, CtgMonitorEventPhase.Started));
        Assert.InRange(started.StartIndex / 4.0, (12 * 60) - 5, (12 * 60) + 5);
        Assert.Empty(events.Of(Prolonged, CtgMonitorEventPhase.Escalated));
        Assert.Single(events.Of(Prolonged, CtgMonitorEventPhase.Ended));
    }

    [Fact]
    public void ProlongedDeceleration_FallBelow100BeforeAnyBaseline_CountsOnTheSeverePath()
    {
        var events = Run(Trace((140, 60), (85, 4 * 60), (140, 60)));

        Assert.Single(events.Of(Prolonged, CtgMonitorEventPhase.Started));
    }

    [Fact]
    public void ProlongedDeceleration_SyntheticEvents_Detected_NoFalseAlarms()
    {
        var checkedEvents = 0;
        for (var seed = 1; seed <= 4; seed++)
        {
            var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions
            {
                Seed = seed,
                DurationMinutes = 60,
                ProlongedDecelerationsPerHour = 3,
                SignalLossFraction = 0.02,
            });
            var raised = Run(ctg.Recording).Of(Prolonged, CtgMonitorEventPhase.Started).ToList();
            var truth = ctg.Events.Where(e => e.Kind == SyntheticEventKind.ProlongedDeceleration).ToList();

            // Every raised one overlaps a true prolonged deceleration ...
            Assert.All(raised, e => Assert.Contains(truth, t => t.Interval.Start - 120 <= e.StartIndex && e.StartIndex < t.Interval.End));

            // ... and every true one long enough past its ramps (30 s each) is raised (measured at a 5-bpm departure).
            foreach (var t in truth.Where(t => t.Interval.Length >= 230 * 4 && t.Interval.Start >= 10 * 60 * 4))
            {
                Assert.Contains(raised, e => t.Interval.Start - 120 <= e.StartIndex && e.StartIndex < t.Interval.End);
                checkedEvents++;
            }
        }

        Assert.True(checkedEvents >= 3, "The seeds must place enough long prolonged decelerations to test detection.");

        for (var seed = 10; seed < 14; seed++)
        {
            var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions { Seed = seed, DurationMinutes = 60, DecelerationProbability = 0.8 });
            Assert.Empty(Run(ctg.Recording).Of(Prolonged));
        }
    }

    [Fact]
    public void Process_AnyChunking_SameEventsAsOneByOne()
    {
        var ctg = SyntheticCtgGenerator.Generate(new SyntheticCtgOptions
        {
            Seed = 7,
            DurationMinutes = 40,
            ProlongedDecelerationsPerHour = 3,
            SignalLossFraction = 0.1,
        });
        var samples = CtgSample.FromRecording(ctg.Recording);
        var expected = Run(samples);
        Assert.NotEmpty(expected);

        Gen.Int[1, 2000].List[1, 50].Sample(
            chunks => Assert.Equal(expected, Run(samples, chunkLengths: chunks)),
            iter: 20);
    }

    [Fact]
    public void Events_TimesAndCounter_FollowTheRecordingTimeline()
    {
        var counted = new List<(long Value, string Kind, string Phase)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CtgMonitor.MeterName && instrument.Name == CtgMonitor.EventCounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var kind = tags.ToArray().Single(t => t.Key == "kind").Value as string;
            var phase = tags.ToArray().Single(t => t.Key == "phase").Value as string;
            lock (counted)
            {
                counted.Add((value, kind!, phase!));
            }
        });
        listener.Start();

        var events = Run(Trace((140, 300), (float.NaN, 90), (140, 300)));

        Assert.All(events, e => Assert.Equal(Start.AddSeconds(e.StartIndex / 4.0), e.StartTime));
        Assert.All(events, e => Assert.Equal(Start.AddHours(3), e.RaisedAt));
        Assert.All(events, e => Assert.DoesNotContain("140", e.Reason, StringComparison.Ordinal));
        lock (counted)
        {
            Assert.Contains((1L, "signal_loss", "started"), counted);
            Assert.Contains((1L, "signal_loss", "ended"), counted);
        }
    }

    [Fact]
    public async Task WatchAsync_YieldsTheEventsOfProcess_AndEndsWithTheSource()
    {
        var samples = Trace((140, 300), (float.NaN, 90), (140, 300));
        using var monitor = new CtgMonitor(new CtgMonitorOptions(), new FakeTimeProvider(Start.AddHours(3)), Start);
        var events = new List<CtgMonitorEvent>();
        await foreach (var e in monitor.WatchAsync(Source()))
        {
            events.Add(e);
        }

        Assert.Equal(Run(samples), events);
        Assert.Equal(samples.Length, monitor.SampleCount);

        async IAsyncEnumerable<CtgSample> Source()
        {
            foreach (var sample in samples)
            {
                yield return sample;
            }

            await Task.Yield();
        }
    }

    [Fact]
    public async Task WatchAsync_SourceStalls_WatchdogEventIsYielded()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = new CtgMonitor(new CtgMonitorOptions(), clock, Start);
        var release = new TaskCompletionSource();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var enumerator = monitor.WatchAsync(Source(), cts.Token).GetAsyncEnumerator(cts.Token);
        var next = enumerator.MoveNextAsync().AsTask();
        while (monitor.SampleCount < 40)
        {
            await Task.Delay(5);
        }

        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await next);
        Assert.Equal((Loss, CtgMonitorEventPhase.Started, 40L), (enumerator.Current.Kind, enumerator.Current.Phase, enumerator.Current.SampleIndex));

        release.SetResult();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(CtgMonitorEventPhase.Ended, enumerator.Current.Phase);
        Assert.False(await enumerator.MoveNextAsync());
        await enumerator.DisposeAsync();

        async IAsyncEnumerable<CtgSample> Source()
        {
            foreach (var sample in Trace((140, 10)))
            {
                yield return sample;
            }

            await release.Task;
            yield return new CtgSample(140);
        }
    }

    [Fact]
    public async Task WatchAsync_SourceFails_Rethrows()
    {
        using var monitor = new CtgMonitor(new CtgMonitorOptions { WatchdogTimeout = TimeSpan.Zero });
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in monitor.WatchAsync(Failing()))
            {
            }
        });

        static async IAsyncEnumerable<CtgSample> Failing()
        {
            yield return new CtgSample(140);
            await Task.Yield();
            throw new InvalidOperationException("device");
        }
    }

    [Fact]
    public void Subscribe_Unsubscribe_Reset_Dispose()
    {
        using var monitor = new CtgMonitor(new CtgMonitorOptions { WatchdogTimeout = TimeSpan.Zero }, new FakeTimeProvider(Start), Start);
        var seen = new List<CtgMonitorEvent>();
        var collector = new Collector(seen);
        var subscription = monitor.Subscribe(collector);
        var gap = Trace((140, 30), (float.NaN, 60));
        Assert.NotEmpty(monitor.Process(gap));
        Assert.Single(seen);
        subscription.Dispose();

        monitor.Reset();
        Assert.Equal(0, monitor.SampleCount);
        Assert.NotEmpty(monitor.Process(gap));
        Assert.Single(seen);

        monitor.Subscribe(collector);
        monitor.Dispose();
        Assert.True(collector.Completed);
        Assert.Throws<ObjectDisposedException>(() => monitor.Process(gap));
    }

    [Fact]
    public void RecordingStart_FromTheClockAtTheFirstSample_WhenNotGiven()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = new CtgMonitor(new CtgMonitorOptions(), clock);
        Assert.Null(monitor.RecordingStart);
        clock.Advance(TimeSpan.FromMinutes(2));
        monitor.Process(new CtgSample(140));
        Assert.Equal(Start.AddMinutes(2), monitor.RecordingStart);
    }

    [Theory]
    [InlineData(nameof(CtgMonitorOptions.SampleRateHz))]
    [InlineData(nameof(CtgMonitorOptions.SignalLossStartPercent))]
    [InlineData(nameof(CtgMonitorOptions.WatchdogTimeout))]
    [InlineData(nameof(CtgMonitorOptions.TachycardiaBpm))]
    [InlineData(nameof(CtgMonitorOptions.DepartureBpm))]
    [InlineData(nameof(CtgMonitorOptions.EscalationSeconds))]
    [InlineData(nameof(CtgMonitorOptions.CategoryWindowMinutes))]
    [InlineData(nameof(CtgMonitorOptions.FalseSignalEndPercent))]
    [InlineData(nameof(CtgMonitorOptions.CategoryConfirmations))]
    public void Options_OutOfRange_ThrowNamingTheOption(string name)
    {
        var options = new CtgMonitorOptions();
        switch (name)
        {
            case nameof(CtgMonitorOptions.SampleRateHz): options.SampleRateHz = double.NaN; break;
            case nameof(CtgMonitorOptions.SignalLossStartPercent): options.SignalLossStartPercent = 10; break;
            case nameof(CtgMonitorOptions.WatchdogTimeout): options.WatchdogTimeout = TimeSpan.FromSeconds(-1); break;
            case nameof(CtgMonitorOptions.TachycardiaBpm): options.TachycardiaBpm = 100; break;
            case nameof(CtgMonitorOptions.DepartureBpm): options.DepartureBpm = 20; break;
            case nameof(CtgMonitorOptions.EscalationSeconds): options.EscalationSeconds = 100; break;
            case nameof(CtgMonitorOptions.CategoryWindowMinutes): options.CategoryWindowMinutes = 5; break;
            case nameof(CtgMonitorOptions.CategoryConfirmations): options.CategoryConfirmations = 0; break;
            default: options.FalseSignalEndPercent = 90; break;
        }

        var ex = Assert.Throws<ArgumentException>(() => new CtgMonitor(options));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNonprofitMonitoring_RegistersAValidatedFactory()
    {
        var services = new ServiceCollection().AddNonprofitMonitoring();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        using (var provider = services.BuildServiceProvider())
        {
            using var monitor = provider.GetRequiredService<CtgMonitorFactory>().Create(Start);
            Assert.Equal(Start, monitor.RecordingStart);
        }

        var bad = new ServiceCollection().AddNonprofitMonitoring().Configure<CtgMonitorOptions>(o => o.BradycardiaBpm = -1);
        using var badProvider = bad.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => badProvider.GetRequiredService<CtgMonitorFactory>());
        Assert.Contains(nameof(CtgMonitorOptions.BradycardiaBpm), error.Message, StringComparison.Ordinal);
    }

    private sealed class Collector(List<CtgMonitorEvent> events) : IObserver<CtgMonitorEvent>
    {
        public bool Completed { get; private set; }

        public void OnCompleted() => Completed = true;

        public void OnError(Exception error) => throw error;

        public void OnNext(CtgMonitorEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
