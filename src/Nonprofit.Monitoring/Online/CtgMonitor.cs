using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nonprofit.Monitoring;

/// <summary>
/// Watches a live CTG, sample by sample, and raises alerts: signal loss (by the share of lost samples in a sliding window,
/// and by a watchdog when samples stop arriving), tachycardia, bradycardia, prolonged deceleration (escalated past
/// 5 minutes), FIGO category change and suspected false signal. Thresholds and their sources are on
/// <see cref="CtgMonitorOptions"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every rule runs on sample counts, so the events do not depend on how the samples are chunked into
/// <see cref="Process(ReadOnlySpan{CtgSample})"/> calls. Events are returned by <c>Process</c>, pushed to subscribed
/// observers (<see cref="Subscribe"/>) and yielded by <see cref="WatchAsync"/>. Watchdog events happen between samples,
/// on a <see cref="TimeProvider"/> timer: they reach observers and <see cref="WatchAsync"/> only.
/// </para>
/// <para>
/// Thread-safe: calls are serialised by a lock. Nothing the monitor logs, counts or puts in an event contains a measured
/// value. One monitor follows one recording; <see cref="Reset"/> starts a new one.
/// </para>
/// </remarks>
public sealed partial class CtgMonitor : IObservable<CtgMonitorEvent>, IDisposable
{
    /// <summary>The name of the meter the monitor publishes its event counter on.</summary>
    public const string MeterName = "Nonprofit.Monitoring";

    /// <summary>The name of the counter of raised events, tagged <c>kind</c> and <c>phase</c> (no values).</summary>
    public const string EventCounterName = "nonprofit.monitoring.ctg.events";

    private static readonly Meter s_meter = new(MeterName, typeof(CtgMonitor).Assembly.GetName().Version?.ToString());

    private readonly CtgMonitorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Counter<long> _counter;
    private readonly ITimer? _watchdog;
    private readonly Lock _gate = new();
    private readonly DateTimeOffset? _configuredStart;
    private readonly double _fs;

    // Window lengths in samples.
    private readonly int _lossWindow;
    private readonly int _baselineWindow;
    private readonly int _smoothingWindow;
    private readonly int _recoverySamples;
    private readonly int _evaluationInterval;
    private readonly int _categoryWindow;
    private readonly int _minimumCategorySamples;

    // Samples (raw) and their valid merged FHR (NaN when lost), in a ring that holds every window.
    private readonly CtgSample[] _ring;
    private readonly float[] _valueRing;
    private readonly OnlineBaseline _baselineHistogram;
    private readonly CtgMonitorWindowAssessor _assessor;

    private IObserver<CtgMonitorEvent>[] _observers = [];
    private DateTimeOffset? _start;
    private long _count;
    private bool _disposed;

    // Signal loss.
    private int _lostInWindow;
    private bool _windowLoss;
    private bool _stalled;
    private long _lossStart;

    // Baseline, tachycardia, bradycardia.
    private double _baseline = double.NaN;
    private bool _tachycardia;
    private long _tachycardiaStart;
    private bool _bradycardia;
    private long _bradycardiaStart;

    // Deceleration.
    private double _smoothSum;
    private int _smoothCount;
    private bool _inDeceleration;
    private double _decelerationReference;
    private long _decelerationStart;
    private long _lastBelow;
    private int _recovered;
    private bool _deep;
    private bool _prolongedRaised;
    private bool _escalated;

    /// <summary>Initializes a monitor for one recording.</summary>
    /// <param name="options">The rules; copied and validated.</param>
    /// <param name="timeProvider">The clock of the watchdog, of <see cref="CtgMonitorEvent.RaisedAt"/> and, when <paramref name="recordingStart"/> is not given, of the recording's start; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="recordingStart">When the first sample was recorded; when <see langword="null"/>, the clock's time at the first sample.</param>
    /// <param name="logger">A logger for raised events (kind, phase, sample index; never a value); none when <see langword="null"/>.</param>
    /// <param name="meterFactory">Creates the <c>Nonprofit.Monitoring</c> meter (from DI); a process-wide meter when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public CtgMonitor(
        CtgMonitorOptions options,
        TimeProvider? timeProvider = null,
        DateTimeOffset? recordingStart = null,
        ILogger<CtgMonitor>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options.Clone();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var meter = meterFactory is null
            ? s_meter
            : meterFactory.Create(new MeterOptions(MeterName) { Version = typeof(CtgMonitor).Assembly.GetName().Version?.ToString() });
        _counter = meter.CreateCounter<long>(EventCounterName, "{event}", "CTG monitor events raised, by kind and phase.");
        _configuredStart = recordingStart;
        _start = recordingStart;
        _fs = _options.SampleRateHz;

        _lossWindow = Samples(_options.SignalLossWindowSeconds);
        _baselineWindow = Samples(_options.BaselineWindowMinutes * 60);
        _smoothingWindow = Samples(_options.SmoothingSeconds);
        _recoverySamples = Samples(_options.RecoverySeconds);
        _evaluationInterval = Samples(_options.EvaluationIntervalSeconds);
        _categoryWindow = Samples(_options.CategoryWindowMinutes * 60);
        _minimumCategorySamples = Samples(_options.MinimumCategoryMinutes * 60);
        var capacity = Math.Max(Math.Max(_lossWindow, _baselineWindow), Math.Max(_smoothingWindow, _categoryWindow)) + 1;
        _ring = new CtgSample[capacity];
        _valueRing = new float[capacity];
        _baselineHistogram = new OnlineBaseline(_options.MinimumBpm, _options.MaximumBpm);
        _assessor = new CtgMonitorWindowAssessor(_options);

        if (_options.WatchdogTimeout > TimeSpan.Zero)
        {
            _watchdog = _timeProvider.CreateTimer(static state => ((CtgMonitor)state!).OnWatchdog(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Gets when the recording started: the configured start, or the clock's time at the first sample; <see langword="null"/> before it.</summary>
    public DateTimeOffset? RecordingStart
    {
        get
        {
            lock (_gate)
            {
                return _start;
            }
        }
    }

    /// <summary>Gets the number of samples processed since construction or <see cref="Reset"/>.</summary>
    public long SampleCount
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Gets the current baseline estimate in bpm (over the last <see cref="CtgMonitorOptions.BaselineWindowMinutes"/>), or NaN before there is one.</summary>
    public double BaselineBpm
    {
        get
        {
            lock (_gate)
            {
                return _baseline;
            }
        }
    }

    /// <summary>Processes one sample.</summary>
    /// <param name="sample">The sample.</param>
    /// <returns>The events it raised, in order (empty, without allocating, when none).</returns>
    /// <exception cref="ObjectDisposedException">The monitor is disposed.</exception>
    public IReadOnlyList<CtgMonitorEvent> Process(CtgSample sample) => Process(new ReadOnlySpan<CtgSample>(in sample));

    /// <summary>Processes consecutive samples.</summary>
    /// <param name="samples">The samples, in time order, continuing the previous call's.</param>
    /// <returns>The events they raised, in order (empty, without allocating, when none).</returns>
    /// <exception cref="ObjectDisposedException">The monitor is disposed.</exception>
    public IReadOnlyList<CtgMonitorEvent> Process(ReadOnlySpan<CtgSample> samples)
    {
        List<CtgMonitorEvent>? events = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (samples.IsEmpty)
            {
                return [];
            }

            _start ??= _timeProvider.GetUtcNow();
            if (_stalled)
            {
                _stalled = false;
                if (!_windowLoss)
                {
                    Raise(ref events, CtgMonitorEventKind.SignalLoss, CtgMonitorEventPhase.Ended, _lossStart, _count, "Samples arrive again after the watchdog timeout.");
                }
            }

            foreach (var sample in samples)
            {
                Step(sample, ref events);
            }

            _watchdog?.Change(_options.WatchdogTimeout, Timeout.InfiniteTimeSpan);
        }

        if (events is null)
        {
            return [];
        }

        Publish(events);
        return events;
    }

    /// <summary>
    /// Feeds <paramref name="samples"/> to the monitor as they arrive and yields every event, watchdog events included
    /// (raised while the source is waiting for its next sample).
    /// </summary>
    /// <param name="samples">The live samples.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The events, in the order they were raised; the sequence ends when <paramref name="samples"/> ends, and rethrows its failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<CtgMonitorEvent> WatchAsync(IAsyncEnumerable<CtgSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return WatchCoreAsync(samples, cancellationToken);
    }

    /// <summary>Subscribes an observer to every event the monitor raises (from <c>Process</c> and from the watchdog).</summary>
    /// <param name="observer">The observer; called on the thread that raised the event, after the monitor's lock is released.</param>
    /// <returns>Unsubscribes when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observer"/> is <see langword="null"/>.</exception>
    public IDisposable Subscribe(IObserver<CtgMonitorEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    /// <summary>Forgets every sample and condition (no events are raised for conditions that were active), for a new recording.</summary>
    /// <exception cref="ObjectDisposedException">The monitor is disposed.</exception>
    public void Reset()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _watchdog?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _start = _configuredStart;
            _count = 0;
            _lostInWindow = 0;
            _windowLoss = _stalled = false;
            _baseline = double.NaN;
            _tachycardia = _bradycardia = false;
            _smoothSum = 0;
            _smoothCount = 0;
            _inDeceleration = false;
            _baselineHistogram.Clear();
            _assessor.Reset();
        }
    }

    /// <summary>Stops the watchdog and completes every observer.</summary>
    public void Dispose()
    {
        IObserver<CtgMonitorEvent>[] observers;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            observers = _observers;
            _observers = [];
        }

        _watchdog?.Dispose();
        foreach (var observer in observers)
        {
            observer.OnCompleted();
        }
    }

    private int Samples(double seconds) => Math.Max(1, (int)Math.Round(seconds * _fs));

    private void Step(in CtgSample sample, ref List<CtgMonitorEvent>? events)
    {
        var index = _count;
        var value = ValidFhr(sample);
        var slot = (int)(index % _ring.Length);
        _ring[slot] = sample;
        _valueRing[slot] = value;
        _count++;

        // Sliding windows: add the new sample, drop the one that left.
        var lost = float.IsNaN(value);
        _lostInWindow += lost ? 1 : 0;
        if (index >= _lossWindow && float.IsNaN(ValueAt(index - _lossWindow)))
        {
            _lostInWindow--;
        }

        _baselineHistogram.Add(value);
        if (index >= _baselineWindow)
        {
            _baselineHistogram.Remove(ValueAt(index - _baselineWindow));
        }

        if (!lost)
        {
            _smoothSum += value;
            _smoothCount++;
        }

        if (index >= _smoothingWindow && ValueAt(index - _smoothingWindow) is var old && !float.IsNaN(old))
        {
            _smoothSum -= old;
            _smoothCount--;
        }

        CheckSignalLoss(index, ref events);
        CheckDeceleration(index, ref events);
        if (_count % _evaluationInterval == 0)
        {
            Evaluate(ref events);
        }
    }

    private float ValueAt(long index) => _valueRing[(int)(index % _ring.Length)];

    private float ValidFhr(in CtgSample sample)
    {
        if (sample.Quality == SignalQuality.Lost)
        {
            return float.NaN;
        }

        var a = InRange(sample.FetalHeartRate);
        var b = InRange(sample.SecondFetalHeartRate);
        return float.IsNaN(a) ? b : float.IsNaN(b) ? a : Math.Max(a, b);
    }

    private float InRange(float bpm) => bpm >= _options.MinimumBpm && bpm <= _options.MaximumBpm ? bpm : float.NaN;

    private void CheckSignalLoss(long index, ref List<CtgMonitorEvent>? events)
    {
        var percent = 100.0 * _lostInWindow / _lossWindow;
        if (!_windowLoss && percent >= _options.SignalLossStartPercent)
        {
            _windowLoss = true;
            var first = Math.Max(0, index - _lossWindow + 1);
            while (first < index && !float.IsNaN(ValueAt(first)))
            {
                first++;
            }

            if (!_stalled)
            {
                _lossStart = first;
                Raise(ref events, CtgMonitorEventKind.SignalLoss, CtgMonitorEventPhase.Started, first, null, Invariant(
                    $"At least {_options.SignalLossStartPercent}% of the fetal heart rate samples of the last {_options.SignalLossWindowSeconds} s are lost."));
            }
        }
        else if (_windowLoss && percent <= _options.SignalLossEndPercent)
        {
            _windowLoss = false;
            var last = index;
            var oldest = Math.Max(0, index - _lossWindow + 1);
            while (last > oldest && !float.IsNaN(ValueAt(last)))
            {
                last--;
            }

            Raise(ref events, CtgMonitorEventKind.SignalLoss, CtgMonitorEventPhase.Ended, _lossStart, last + 1, Invariant(
                $"At most {_options.SignalLossEndPercent}% of the fetal heart rate samples of the last {_options.SignalLossWindowSeconds} s are lost."));
        }
    }

    private void CheckDeceleration(long index, ref List<CtgMonitorEvent>? events)
    {
        if (_smoothCount == 0)
        {
            return; // Nothing measured in the smoothing window: neither a departure nor a recovery.
        }

        var smoothed = _smoothSum / _smoothCount;
        var reference = _inDeceleration ? _decelerationReference : _baseline;
        double departure, deep;
        if (double.IsNaN(reference))
        {
            departure = deep = _options.SevereBpm;
        }
        else
        {
            departure = reference - _options.DepartureBpm;
            deep = reference - _options.DecelerationDepthBpm;
            if (reference >= _options.BradycardiaBpm)
            {
                deep = Math.Max(deep, _options.SevereBpm);
                departure = Math.Max(departure, deep);
            }
        }

        // The trailing mean lags by half its window: the onset and end are moved back by that much.
        var lag = _smoothingWindow / 2;
        if (!_inDeceleration)
        {
            if (smoothed < departure)
            {
                _inDeceleration = true;
                _decelerationReference = reference;
                _decelerationStart = Math.Max(0, index - lag);
                _lastBelow = index;
                _recovered = 0;
                _deep = smoothed < deep;
                _prolongedRaised = _escalated = false;
            }

            return;
        }

        if (smoothed < departure)
        {
            _lastBelow = index;
            _recovered = 0;
            _deep |= smoothed < deep;
        }
        else if (++_recovered >= _recoverySamples)
        {
            _inDeceleration = false;
            if (_prolongedRaised)
            {
                Raise(ref events, CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Ended, _decelerationStart,
                    Math.Max(_decelerationStart + 1, _lastBelow + 1 - lag), "The heart rate has returned to the baseline.");
            }

            return;
        }

        var duration = (_lastBelow - lag + 1 - _decelerationStart) / _fs;
        if (_deep && !_prolongedRaised && duration > _options.ProlongedDecelerationSeconds)
        {
            _prolongedRaised = true;
            Raise(ref events, CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Started, _decelerationStart, null, Invariant(
                $"A deceleration of at least {_options.DecelerationDepthBpm} bpm below the baseline (or under {_options.SevereBpm} bpm) has lasted more than {_options.ProlongedDecelerationSeconds} s (FIGO 2015)."));
        }

        if (_prolongedRaised && !_escalated && duration > _options.EscalationSeconds)
        {
            _escalated = true;
            Raise(ref events, CtgMonitorEventKind.ProlongedDeceleration, CtgMonitorEventPhase.Escalated, _decelerationStart, null, Invariant(
                $"The prolonged deceleration has lasted more than {_options.EscalationSeconds} s (FIGO 2015: suspect acute hypoxia)."));
        }
    }

    private void Evaluate(ref List<CtgMonitorEvent>? events)
    {
        if (_count >= _baselineWindow && _baselineHistogram.Valid * 100.0 >= _options.BaselineMinimumValidPercent * _baselineWindow)
        {
            _baseline = _baselineHistogram.Estimate();
            var windowStart = _count - _baselineWindow;
            var minutes = _options.BaselineWindowMinutes;
            if (!_tachycardia && _baseline > _options.TachycardiaBpm)
            {
                _tachycardia = true;
                _tachycardiaStart = windowStart;
                Raise(ref events, CtgMonitorEventKind.Tachycardia, CtgMonitorEventPhase.Started, windowStart, null, Invariant(
                    $"The baseline of the last {minutes} min is above {_options.TachycardiaBpm} bpm (FIGO 2015)."));
            }
            else if (_tachycardia && _baseline <= _options.TachycardiaBpm)
            {
                _tachycardia = false;
                Raise(ref events, CtgMonitorEventKind.Tachycardia, CtgMonitorEventPhase.Ended, _tachycardiaStart, _count, Invariant(
                    $"The baseline of the last {minutes} min is no longer above {_options.TachycardiaBpm} bpm."));
            }

            if (!_bradycardia && _baseline < _options.BradycardiaBpm)
            {
                _bradycardia = true;
                _bradycardiaStart = windowStart;
                Raise(ref events, CtgMonitorEventKind.Bradycardia, CtgMonitorEventPhase.Started, windowStart, null, Invariant(
                    $"The baseline of the last {minutes} min is below {_options.BradycardiaBpm} bpm (FIGO 2015)."));
            }
            else if (_bradycardia && _baseline >= _options.BradycardiaBpm)
            {
                _bradycardia = false;
                Raise(ref events, CtgMonitorEventKind.Bradycardia, CtgMonitorEventPhase.Ended, _bradycardiaStart, _count, Invariant(
                    $"The baseline of the last {minutes} min is no longer below {_options.BradycardiaBpm} bpm."));
            }
        }

        if (_count >= _minimumCategorySamples)
        {
            var length = (int)Math.Min(_count, _categoryWindow);
            foreach (var finding in _assessor.Assess(_ring, _count, length, _evaluationInterval))
            {
                Raise(ref events, finding.Kind, finding.Phase, finding.StartIndex, finding.EndIndex, finding.Reason, category: finding.Category, previousCategory: finding.PreviousCategory);
            }
        }
    }

    private void Raise(ref List<CtgMonitorEvent>? events, CtgMonitorEventKind kind, CtgMonitorEventPhase phase, long startIndex, long? endIndex, string reason, long? sampleIndex = null, FigoCategory? category = null, FigoCategory? previousCategory = null)
    {
        var start = _start ?? _timeProvider.GetUtcNow();
        var e = new CtgMonitorEvent
        {
            Kind = kind,
            Phase = phase,
            SampleIndex = sampleIndex ?? Math.Max(0, _count - 1),
            StartIndex = startIndex,
            EndIndex = endIndex,
            StartTime = start + TimeSpan.FromSeconds(startIndex / _fs),
            EndTime = endIndex is { } end ? start + TimeSpan.FromSeconds(end / _fs) : null,
            RaisedAt = _timeProvider.GetUtcNow(),
            Reason = reason,
            Category = category,
            PreviousCategory = previousCategory,
        };
        (events ??= []).Add(e);
        _counter.Add(1, new KeyValuePair<string, object?>("kind", KindTag(kind)), new KeyValuePair<string, object?>("phase", PhaseTag(phase)));
        Log.EventRaised(_logger, kind, phase, e.SampleIndex);
    }

    private void OnWatchdog()
    {
        List<CtgMonitorEvent>? events = null;
        lock (_gate)
        {
            if (_disposed || _stalled || _count == 0)
            {
                return;
            }

            _stalled = true;
            Log.WatchdogFired(_logger, _options.WatchdogTimeout.TotalSeconds);
            if (!_windowLoss)
            {
                _lossStart = _count;
                Raise(ref events, CtgMonitorEventKind.SignalLoss, CtgMonitorEventPhase.Started, _count, null, Invariant(
                    $"No samples arrived for {_options.WatchdogTimeout.TotalSeconds} s."), sampleIndex: _count);
            }
        }

        if (events is not null)
        {
            Publish(events);
        }
    }

    private void Publish(List<CtgMonitorEvent> events)
    {
        var observers = Volatile.Read(ref _observers);
        foreach (var e in events)
        {
            foreach (var observer in observers)
            {
                observer.OnNext(e);
            }
        }
    }

    private async IAsyncEnumerable<CtgMonitorEvent> WatchCoreAsync(IAsyncEnumerable<CtgSample> samples, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<CtgMonitorEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var subscription = Subscribe(new ChannelObserver(channel.Writer));
        var pump = PumpAsync(samples, channel.Writer, stop.Token);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(IAsyncEnumerable<CtgSample> samples, ChannelWriter<CtgMonitorEvent> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var sample in samples.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                Process(sample);
            }

            writer.TryComplete();
        }
#pragma warning disable CA1031 // The failure is handed to the reader, which rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            writer.TryComplete(ex);
        }
    }

    private void Unsubscribe(IObserver<CtgMonitorEvent> observer)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_observers, observer);
            if (index >= 0)
            {
                _observers = [.. _observers[..index], .. _observers[(index + 1)..]];
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string KindTag(CtgMonitorEventKind kind) => kind switch
    {
        CtgMonitorEventKind.SignalLoss => "signal_loss",
        CtgMonitorEventKind.Tachycardia => "tachycardia",
        CtgMonitorEventKind.Bradycardia => "bradycardia",
        CtgMonitorEventKind.ProlongedDeceleration => "prolonged_deceleration",
        CtgMonitorEventKind.CategoryChange => "category_change",
        CtgMonitorEventKind.SuspectedFalseSignal => "suspected_false_signal",
        _ => "other",
    };

    private static string PhaseTag(CtgMonitorEventPhase phase) => phase switch
    {
        CtgMonitorEventPhase.Started => "started",
        CtgMonitorEventPhase.Escalated => "escalated",
        CtgMonitorEventPhase.Ended => "ended",
        _ => "changed",
    };

    private sealed class Subscription(CtgMonitor monitor, IObserver<CtgMonitorEvent> observer) : IDisposable
    {
        public void Dispose() => monitor.Unsubscribe(observer);
    }

    private sealed class ChannelObserver(ChannelWriter<CtgMonitorEvent> writer) : IObserver<CtgMonitorEvent>
    {
        public void OnCompleted() => writer.TryComplete();

        public void OnError(Exception error) => writer.TryComplete(error);

        public void OnNext(CtgMonitorEvent value) => writer.TryWrite(value);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "CTG monitor raised {Kind} ({Phase}) at sample {SampleIndex}")]
        public static partial void EventRaised(ILogger logger, CtgMonitorEventKind kind, CtgMonitorEventPhase phase, long sampleIndex);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "CTG monitor received no samples for {TimeoutSeconds} s")]
        public static partial void WatchdogFired(ILogger logger, double timeoutSeconds);
    }
}
