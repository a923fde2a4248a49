using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Nonprofit.Impact;

/// <summary>
/// Records impact measurements the moment they happen and aggregates them in memory, per UTC day and per
/// combination of dimension values, rolled up to weeks, months, quarters and years on read. Thread-safe and
/// lock-free on the hot path for sum and mean indicators (a striped lock guards last-value and distinct-count
/// indicators); recording allocates nothing. Publishes <see cref="System.Diagnostics.Metrics"/> instruments on
/// the <c>Nonprofit.Impact</c> meter so OpenTelemetry can export to Prometheus or OTLP.
/// </summary>
/// <remarks>
/// Every measurement is validated: an unknown indicator, an undeclared dimension, a value outside the
/// dimension's allowed values or a non-finite number throws <see cref="ArgumentException"/>; nothing is dropped
/// silently. Error messages name the indicator and dimension, never the rejected value (it could be personal data).
/// The recorder keeps aggregates only; use an <see cref="IImpactStore"/> to keep individual measurements durably.
/// </remarks>
public sealed class ImpactRecorder : IDisposable
{
    /// <summary>The name of the meter the recorder publishes on.</summary>
    public const string MeterName = "Nonprofit.Impact";

    private readonly FrozenDictionary<string, IndicatorState> _indicators;
    private readonly TimeProvider _timeProvider;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _measurements;
    private readonly int _ownedStripes;

    // Each thread that records gets a process-wide slot number once. Threads whose slot is below a recorder's
    // owned-stripe count write their own cells with plain stores (no other thread writes them); the rest share
    // one last stripe updated with atomic operations. Readers merge all stripes.
    // A thread's slot returns to the pool when the thread dies (its lease becomes unreachable and is finalized),
    // so programs that start short-lived threads keep using owned stripes.
    private static readonly ConcurrentQueue<int> s_freeSlots = new();
    private static int s_nextSlot = -1;
    [ThreadStatic]
    private static int s_slotPlusOne;
#pragma warning disable IDE0052 // Never read: it only keeps the lease alive exactly as long as its thread.
    [ThreadStatic]
    private static SlotLease? s_lease;
#pragma warning restore IDE0052
    private readonly string[] _fastIds;
    private readonly IndicatorState[] _fastStates;

    /// <summary>Initializes a recorder for <paramref name="indicators"/>.</summary>
    /// <param name="indicators">The indicators that may be recorded; each is validated.</param>
    /// <param name="timeProvider">The clock for measurements recorded without a timestamp; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="meterFactory">The factory that creates the <c>Nonprofit.Impact</c> meter (from DI); a private meter when <see langword="null"/>.</param>
    /// <exception cref="FrameworkValidationException">An indicator is invalid or two share an id.</exception>
    public ImpactRecorder(IEnumerable<IndicatorDefinition> indicators, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _ownedStripes = Math.Clamp(Environment.ProcessorCount * 4, 8, 64);
        var stripes = _ownedStripes + 1;

        var list = indicators.ToList();
        var errors = new List<FrameworkError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                errors.Add(new FrameworkError($"indicators[{i}]", "An indicator must not be null."));
                continue;
            }

            FrameworkValidator.ValidateIndicator(list[i], $"indicators[{i}]", errors);
            if (!ids.Add(list[i].Id))
            {
                errors.Add(new FrameworkError($"indicators[{i}].id", $"Duplicate indicator id '{list[i].Id}'."));
            }
        }

        if (errors.Count > 0)
        {
            throw new FrameworkValidationException(errors);
        }

        _indicators = list.ToFrozenDictionary(d => string.Intern(d.Id), d => new IndicatorState(d, stripes), StringComparer.Ordinal);

        // Ids passed as literals are interned: a reference scan finds them before any hashing.
        _fastIds = _indicators.Count <= 16 ? [.. _indicators.Keys] : [];
        _fastStates = [.. _fastIds.Select(id => _indicators[id])];

        if (meterFactory is null)
        {
            _meter = new Meter(MeterName, typeof(ImpactRecorder).Assembly.GetName().Version?.ToString());
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(new MeterOptions(MeterName) { Version = typeof(ImpactRecorder).Assembly.GetName().Version?.ToString() });
        }

        _measurements = _meter.CreateCounter<long>(
            "nonprofit.impact.measurements", "{measurement}", "Measurements recorded, tagged with the indicator and its dimension values.");
        foreach (var state in _indicators.Values)
        {
            var unit = string.IsNullOrEmpty(state.Definition.Unit) ? "1" : state.Definition.Unit;
            var name = "nonprofit.impact.indicator." + state.Id;
            var description = state.Definition.Name?.Text;
            state.ValueInstrument = state.Aggregation switch
            {
                IndicatorAggregation.Sum => _meter.CreateUpDownCounter<double>(name, unit, description),
                IndicatorAggregation.Mean => _meter.CreateHistogram<double>(name, unit, description),
                IndicatorAggregation.Last => _meter.CreateGauge<double>(name, unit, description),
                _ => null,
            };
        }
    }

    /// <summary>Gets the indicators the recorder accepts.</summary>
    public IEnumerable<IndicatorDefinition> Indicators => _indicators.Values.Select(s => s.Definition);

    /// <summary>Records a measurement now (time from the recorder's <see cref="TimeProvider"/>) without dimensions.</summary>
    /// <param name="indicatorId">The indicator's id.</param>
    /// <param name="value">The value (1 to count one event).</param>
    /// <exception cref="ArgumentException">The indicator is unknown or the value is not finite.</exception>
    public void Record(string indicatorId, double value) => Record(indicatorId, value, [], _timeProvider.GetUtcNow());

    /// <summary>Records a measurement now (time from the recorder's <see cref="TimeProvider"/>).</summary>
    /// <param name="indicatorId">The indicator's id.</param>
    /// <param name="value">The value (1 to count one event).</param>
    /// <param name="dimensions">The dimension values, at most one per dimension.</param>
    /// <exception cref="ArgumentException">The indicator, a dimension or a dimension value is unknown, a dimension is repeated, or the value is not finite.</exception>
    public void Record(string indicatorId, double value, ReadOnlySpan<Dimension> dimensions) =>
        Record(indicatorId, value, dimensions, _timeProvider.GetUtcNow());

    /// <summary>Records a measurement that happened at <paramref name="timestamp"/>.</summary>
    /// <param name="indicatorId">The indicator's id.</param>
    /// <param name="value">The value (1 to count one event).</param>
    /// <param name="dimensions">The dimension values, at most one per dimension.</param>
    /// <param name="timestamp">When it happened; aggregated into its UTC day.</param>
    /// <exception cref="ArgumentException">The indicator, a dimension or a dimension value is unknown, a dimension is repeated, or the value is not finite.</exception>
    public void Record(string indicatorId, double value, ReadOnlySpan<Dimension> dimensions, DateTimeOffset timestamp)
    {
        var state = FindState(indicatorId);
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(indicatorId, nameof(value));
        }

        var combination = 0;
        var seen = 0u;
        for (var i = 0; i < dimensions.Length; i++)
        {
            ref readonly var dimension = ref dimensions[i];
            if (!state.TryFindDimension(dimension.Name, i, out var d))
            {
                ThrowUnknownDimension(indicatorId, dimension.Name, nameof(dimensions));
            }

            if (!state.TryFindValue(d, dimension.Value, out var v))
            {
                ThrowValueNotAllowed(indicatorId, dimension.Name!, nameof(dimensions));
            }

            var bit = 1u << d;
            if ((seen & bit) != 0)
            {
                ThrowRepeatedDimension(indicatorId, dimension.Name!, nameof(dimensions));
            }

            seen |= bit;
            combination += v * state.Strides[d];
        }

        var ticks = timestamp.UtcTicks;
        var bucket = state.GetBucket((int)(ticks / TimeSpan.TicksPerDay));
        var slot = s_slotPlusOne - 1;
        if (slot < 0)
        {
            slot = AssignSlot();
        }

        if (state.NeedsLock)
        {
            ref var cell = ref bucket.GetCell(Math.Min(slot, _ownedStripes), combination);
            lock (bucket.Gate)
            {
                cell.Count++;
                cell.Sum += value;
                if (ticks >= cell.LastTicks)
                {
                    cell.LastTicks = ticks;
                    cell.Last = value;
                }

                if (state.Aggregation == IndicatorAggregation.DistinctCount)
                {
                    bucket.AddDistinct(combination, value);
                }
            }
        }
        else if (slot < _ownedStripes)
        {
            // This thread is the only writer of its stripe: aligned 8-byte stores, no atomics needed.
            ref var cell = ref bucket.GetCell(slot, combination);
            Volatile.Write(ref cell.Sum, cell.Sum + value);
            Volatile.Write(ref cell.Count, cell.Count + 1);
        }
        else
        {
            ref var cell = ref bucket.GetCell(_ownedStripes, combination);
            AddAtomic(ref cell.Sum, value);
            Interlocked.Increment(ref cell.Count);
        }

        if (_measurements.Enabled || state.ValueInstrument is { Enabled: true })
        {
            Publish(state, value, dimensions);
        }
    }

    /// <summary>Aggregates an indicator per period of <paramref name="length"/> and per combination of dimension values.</summary>
    /// <param name="indicatorId">The indicator's id.</param>
    /// <param name="length">The period length.</param>
    /// <param name="from">The first day to include, or <see langword="null"/>.</param>
    /// <param name="to">The last day to include, or <see langword="null"/>.</param>
    /// <returns>One aggregate per period and combination that has measurements, ordered by period.</returns>
    /// <exception cref="ArgumentException">The indicator is unknown.</exception>
    public IReadOnlyList<ImpactAggregate> Aggregate(string indicatorId, PeriodLength length, DateOnly? from = null, DateOnly? to = null)
    {
        var state = GetState(indicatorId);
        var periods = new SortedDictionary<DateOnly, Dictionary<int, Accumulator>>();
        foreach (var bucket in state.Days(from?.DayNumber ?? int.MinValue, to?.DayNumber ?? int.MaxValue))
        {
            var start = PeriodMath.PeriodStart(DateOnly.FromDayNumber(bucket.Day), length);
            if (!periods.TryGetValue(start, out var combinations))
            {
                periods[start] = combinations = [];
            }

            bucket.CollectInto(state.Aggregation, state.NeedsLock, combinations);
        }

        var result = new List<ImpactAggregate>();
        foreach (var (start, combinations) in periods)
        {
            var end = PeriodMath.PeriodEnd(start, length);
            foreach (var (combination, accumulator) in combinations.OrderBy(kv => kv.Key))
            {
                result.Add(new ImpactAggregate(state.Id, start, end, state.Decode(combination), accumulator.Count, accumulator.Value(state.Aggregation)));
            }
        }

        return result;
    }

    /// <summary>Aggregates an indicator over the days <paramref name="from"/> to <paramref name="to"/>, across every combination of dimension values.</summary>
    /// <param name="indicatorId">The indicator's id.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day (inclusive).</param>
    /// <returns>The total; <see cref="ImpactAggregate.Count"/> is 0 when nothing was recorded.</returns>
    /// <exception cref="ArgumentException">The indicator is unknown.</exception>
    public ImpactAggregate Total(string indicatorId, DateOnly from, DateOnly to)
    {
        var state = GetState(indicatorId);
        var total = Accumulator.Empty;
        foreach (var accumulator in state.CollectRange(from.DayNumber, to.DayNumber).Values)
        {
            total.Merge(accumulator);
        }

        return new ImpactAggregate(state.Id, from, to, [], total.Count, total.Count == 0 ? 0 : total.Value(state.Aggregation));
    }

    /// <summary>Merges an indicator's cells over the days [fromDay, toDay], per combination of dimension values (decoded).</summary>
    internal IEnumerable<(IReadOnlyList<DimensionValue> Dimensions, Accumulator Accumulator)> CollectRange(string indicatorId, int fromDay, int toDay)
    {
        var state = GetState(indicatorId);
        foreach (var (combination, accumulator) in state.CollectRange(fromDay, toDay))
        {
            yield return (state.Decode(combination), accumulator);
        }
    }

    internal bool HasIndicator(string indicatorId) => _indicators.ContainsKey(indicatorId);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private IndicatorState FindState(string indicatorId)
    {
        var ids = _fastIds;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ReferenceEquals(ids[i], indicatorId))
            {
                return _fastStates[i];
            }
        }

        ArgumentNullException.ThrowIfNull(indicatorId);
        for (var i = 0; i < ids.Length; i++)
        {
            var candidate = ids[i];
            if (candidate.Length == indicatorId.Length && candidate.AsSpan().SequenceEqual(indicatorId))
            {
                return _fastStates[i];
            }
        }

        return GetState(indicatorId);
    }

    private IndicatorState GetState(string indicatorId)
    {
        ArgumentNullException.ThrowIfNull(indicatorId);
        if (!_indicators.TryGetValue(indicatorId, out var state))
        {
            ThrowUnknownIndicator(indicatorId);
        }

        return state;
    }

    private void Publish(IndicatorState state, double value, ReadOnlySpan<Dimension> dimensions)
    {
        var tags = new TagList { { "impact.indicator", state.Id } };
        for (var i = 0; i < dimensions.Length; i++)
        {
            // Validated by Record (so found, with the same by-position fast path); values are from the allowed list,
            // so tags stay low-cardinality and never personal.
            state.TryFindDimension(dimensions[i].Name, i, out var d);
            tags.Add(state.TagKeys[d], dimensions[i].Value);
        }

        _measurements.Add(1, tags);
        switch (state.ValueInstrument)
        {
            case UpDownCounter<double> counter:
                counter.Add(value, tags);
                break;
            case Histogram<double> histogram:
                histogram.Record(value, tags);
                break;
            case Gauge<double> gauge:
                gauge.Record(value, tags);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AssignSlot()
    {
        if (!s_freeSlots.TryDequeue(out var slot))
        {
            slot = Interlocked.Increment(ref s_nextSlot);
            slot = slot < 0 ? int.MaxValue - 1 : slot;
        }

        s_lease = new SlotLease(slot);
        s_slotPlusOne = slot + 1;
        return slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddAtomic(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref target, current + value, current);
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }

    [DoesNotReturn]
    private static void ThrowUnknownIndicator(string indicatorId) =>
        throw new ArgumentException($"Unknown indicator {Quote(indicatorId)}: declare it in the framework the recorder was created with.", nameof(indicatorId));

    [DoesNotReturn]
    private static void ThrowNotFinite(string indicatorId, string paramName) =>
        throw new ArgumentException($"The value for indicator '{indicatorId}' is NaN or infinite; record a finite number.", paramName);

    [DoesNotReturn]
    private static void ThrowUnknownDimension(string indicatorId, string? name, string paramName) =>
        throw new ArgumentException($"Indicator '{indicatorId}' declares no dimension {Quote(name)}.", paramName);

    /// <summary>Quotes a name the caller passed only when it is a well-formed id that does not look personal: a mistaken call must not put personal data into an exception.</summary>
    private static string Quote(string? name) =>
        name is not null && FrameworkValidator.IsValidId(name) && !PersonalDataHeuristics.LooksPersonal(name)
            ? $"'{name}'"
            : "(not shown: it is not a well-formed id and could be personal data)";

    [DoesNotReturn]
    private static void ThrowValueNotAllowed(string indicatorId, string name, string paramName) =>
        throw new ArgumentException(
            $"The value given for dimension '{name}' of indicator '{indicatorId}' is not one of its allowed values (the value is not shown: it could be personal data).", paramName);

    [DoesNotReturn]
    private static void ThrowRepeatedDimension(string indicatorId, string name, string paramName) =>
        throw new ArgumentException($"Dimension '{name}' of indicator '{indicatorId}' is given more than once.", paramName);

    /// <summary>Returns a dead thread's slot to the pool.</summary>
    private sealed class SlotLease(int slot)
    {
        ~SlotLease() => s_freeSlots.Enqueue(slot);
    }
}
