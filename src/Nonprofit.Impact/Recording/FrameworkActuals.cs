using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact;

/// <summary>
/// Computes the actuals of a framework's periods from recorded measurements: for every indicator and period,
/// one total actual (no dimensions) and one actual per combination of dimension values that was recorded,
/// aggregated by the indicator's <see cref="IndicatorAggregation"/>. Baselines and targets are kept.
/// </summary>
public static class FrameworkActuals
{
    /// <summary>Returns a copy of <paramref name="framework"/> whose actuals come from <paramref name="recorder"/>'s aggregates.</summary>
    /// <param name="framework">The framework; it is not modified.</param>
    /// <param name="recorder">The recorder holding the measurements.</param>
    /// <returns>A new framework. Indicators the recorder does not know keep their actuals.</returns>
    public static ResultsFramework FromRecorder(ResultsFramework framework, ImpactRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(recorder);
        var copy = Clone(framework);
        foreach (var indicator in copy.EnumerateIndicators())
        {
            if (!recorder.HasIndicator(indicator.Id))
            {
                continue;
            }

            foreach (var period in indicator.Periods)
            {
                var totals = new PeriodTotals();
                foreach (var (dimensions, accumulator) in recorder.CollectRange(indicator.Id, period.Start.DayNumber, period.End.DayNumber))
                {
                    totals.Add(dimensions, accumulator);
                }
                totals.WriteTo(indicator, period);
            }
        }

        return copy;
    }

    /// <summary>Returns a copy of <paramref name="framework"/> whose actuals are aggregated from the measurements in <paramref name="store"/>.</summary>
    /// <param name="framework">The framework; it is not modified.</param>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>A new framework; every indicator's period actuals are replaced by what the store holds (none when it holds nothing).</returns>
    public static async Task<ResultsFramework> FromStoreAsync(ResultsFramework framework, IImpactStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(store);
        var copy = Clone(framework);
        foreach (var indicator in copy.EnumerateIndicators())
        {
            if (indicator.Measure == IndicatorMeasure.Qualitative)
            {
                continue;
            }

            foreach (var period in indicator.Periods)
            {
                var query = new MeasurementQuery
                {
                    IndicatorId = indicator.Id,
                    From = new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    To = new DateTimeOffset(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                };
                var totals = new PeriodTotals();
                foreach (var group in await store.GroupAsync(query, byDimensions: true, cancellationToken).ConfigureAwait(false))
                {
                    totals.Add(group.Dimensions, ToAccumulator(group));
                }

                if (indicator.Aggregation == IndicatorAggregation.DistinctCount)
                {
                    // Distinct values do not add up across combinations: the total is counted on its own.
                    var all = await store.GroupAsync(query, byDimensions: false, cancellationToken).ConfigureAwait(false);
                    totals.OverrideTotal(all.Count == 0 ? Accumulator.Empty : ToAccumulator(all[0]));
                }

                totals.WriteTo(indicator, period);
            }
        }

        return copy;
    }

    /// <summary>Formats an aggregated value for a target or actual: invariant culture, shortest round-trip form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string FormatValue(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Accumulator ToAccumulator(MeasurementGroup group) => new()
    {
        Count = group.Count,
        Sum = group.Sum,
        LastTicks = group.LastTimestamp.UtcTicks,
        Last = group.LastValue,
        DistinctCount = group.DistinctValues,
    };

    internal static ResultsFramework Clone(ResultsFramework framework) =>
        System.Text.Json.JsonSerializer.Deserialize<ResultsFramework>(ResultsFrameworkJson.Serialize(framework), ResultsFrameworkJson.Options)!;

    private sealed class PeriodTotals
    {
        private readonly Dictionary<string, (IReadOnlyList<DimensionValue> Dimensions, Accumulator Accumulator)> _byCombination = new(StringComparer.Ordinal);
        private Accumulator _total = Accumulator.Empty;

        public void Add(IReadOnlyList<DimensionValue> dimensions, Accumulator accumulator)
        {
            _total.Merge(accumulator);
            if (dimensions.Count == 0)
            {
                return;
            }

            var sorted = dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
            var key = string.Join('\u001f', sorted.Select(d => d.Name + "\u001e" + d.Value));
            if (!_byCombination.TryGetValue(key, out var entry))
            {
                entry = (sorted, Accumulator.Empty);
            }

            entry.Accumulator.Merge(accumulator);
            _byCombination[key] = entry;
        }

        public void OverrideTotal(Accumulator total) => _total = total;

        public void WriteTo(IndicatorDefinition indicator, IndicatorPeriod period)
        {
            period.Actuals.Clear();
            if (_total.Count == 0)
            {
                return;
            }

            period.Actuals.Add(new PeriodValue { Value = FormatValue(_total.Value(indicator.Aggregation)) });
            foreach (var (_, (dimensions, accumulator)) in _byCombination.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var actual = new PeriodValue { Value = FormatValue(accumulator.Value(indicator.Aggregation)) };
                foreach (var d in dimensions)
                {
                    actual.Dimensions.Add(d);
                }

                period.Actuals.Add(actual);
            }
        }
    }
}
