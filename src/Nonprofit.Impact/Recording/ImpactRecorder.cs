using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Numerics;
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
    private readonly int _stripeMask;

    /// <summary>Initializes a recorder for <paramref name="indicators"/>.</summary>
    /// <param name="indicators">The indicators that may be recorded; each is validated.</param>
    /// <param name="timeProvider">The clock for measurements recorded without a timestamp; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="meterFactory">The factory that creates the <c>Nonprofit.Impact</c> meter (from DI); a private meter when <see langword="null"/>.</param>
    /// <exception cref="FrameworkValidationException">An indicator is invalid or two share an id.</exception>
    public ImpactRecorder(IEnumerable<IndicatorDefinition> indicators, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        _timeProvider = timeProvider ?? TimeProvider.System;
        var stripes = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64));
        _stripeMask = stripes - 1;

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

        _indicators = list.ToFrozenDictionary(d => d.Id, d => new IndicatorState(d, stripes), StringComparer.Ordinal);

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
        ArgumentNullException.ThrowIfNull(indicatorId);
        if (!_indicators.TryGetValue(indicatorId, out var state))
        {
            ThrowUnknownIndicator(indicatorId);
        }

        if (!double.IsFinite(value))
        {
            ThrowNotFinite(indicatorId, nameof(value));
        }

        var combination = 0;
        var seen = 0u;
        for (var i = 0; i < dimensions.Length; i++)
        {
            ref readonly var dimension = ref dimensions[i];
            if (!state.DimensionIndex.TryGetValue(dimension.Name ?? "", out var d))
            {
                ThrowUnknownDimension(indicatorId, dimension.Name, nameof(dimensions));
            }

            if (!state.ValueIndex[d].TryGetValue(dimension.Value ?? "", out var v))
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
        ref var cell = ref bucket.GetCell(Environment.CurrentManagedThreadId & _stripeMask, combination);
        if (state.NeedsLock)
        {
            lock (bucket.Gate)
            {
                cell.Count++;
                cell.Sum += value;
                cell.Min = Math.Min(cell.Min, value);
                cell.Max = Math.Max(cell.Max, value);
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
        else
        {
            Interlocked.Increment(ref cell.Count);
            AddAtomic(ref cell.Sum, value);
            if (value < cell.Min)
            {
                MinAtomic(ref cell.Min, value);
            }

            if (value > cell.Max)
            {
                MaxAtomic(ref cell.Max, value);
            }
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

            bucket.Collect(state.Aggregation, (combination, accumulator) =>
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(combinations, combination, out var exists);
                if (!exists)
                {
                    slot = Accumulator.Empty;
                }

                slot.Merge(accumulator);
            });
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
        foreach (var bucket in state.Days(from.DayNumber, to.DayNumber))
        {
            bucket.Collect(state.Aggregation, (_, accumulator) => total.Merge(accumulator));
        }

        return new ImpactAggregate(state.Id, from, to, [], total.Count, total.Count == 0 ? 0 : total.Value(state.Aggregation));
    }

    /// <summary>Visits the day-level accumulators of an indicator in [fromDay, toDay].</summary>
    internal void CollectDays(string indicatorId, int fromDay, int toDay, Action<int, IReadOnlyList<DimensionValue>, Accumulator> visit)
    {
        var state = GetState(indicatorId);
        foreach (var bucket in state.Days(fromDay, toDay))
        {
            bucket.Collect(state.Aggregation, (combination, accumulator) => visit(bucket.Day, state.Decode(combination), accumulator));
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
        foreach (var dimension in dimensions)
        {
            // Values were validated against the allowed list, so tags stay low-cardinality and never personal.
            tags.Add(state.TagKeys[state.DimensionIndex[dimension.Name]], dimension.Value);
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

    private static void MinAtomic(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }

    private static void MaxAtomic(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }

    [DoesNotReturn]
    private static void ThrowUnknownIndicator(string indicatorId) =>
        throw new ArgumentException($"Unknown indicator '{indicatorId}': declare it in the framework the recorder was created with.", nameof(indicatorId));

    [DoesNotReturn]
    private static void ThrowNotFinite(string indicatorId, string paramName) =>
        throw new ArgumentException($"The value for indicator '{indicatorId}' is NaN or infinite; record a finite number.", paramName);

    [DoesNotReturn]
    private static void ThrowUnknownDimension(string indicatorId, string? name, string paramName) =>
        throw new ArgumentException($"Indicator '{indicatorId}' declares no dimension '{name}'.", paramName);

    [DoesNotReturn]
    private static void ThrowValueNotAllowed(string indicatorId, string name, string paramName) =>
        throw new ArgumentException(
            $"The value given for dimension '{name}' of indicator '{indicatorId}' is not one of its allowed values (the value is not shown: it could be personal data).", paramName);

    [DoesNotReturn]
    private static void ThrowRepeatedDimension(string indicatorId, string name, string paramName) =>
        throw new ArgumentException($"Dimension '{name}' of indicator '{indicatorId}' is given more than once.", paramName);
}
