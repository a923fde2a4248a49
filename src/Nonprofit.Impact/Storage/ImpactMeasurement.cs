using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact;

/// <summary>
/// One measurement of an indicator as stored: an event id that makes writes idempotent (a retried event is not
/// counted twice), the indicator, the value, its disaggregation and when it happened. Never personal data:
/// dimension values are categories such as <c>female</c> or <c>KE-047</c>, never a phone number or a name.
/// </summary>
/// <param name="EventId">A unique id of the event that produced the measurement (a GUID, or an idempotency key of the app).</param>
/// <param name="IndicatorId">The <see cref="IndicatorDefinition.Id"/>.</param>
/// <param name="Value">The value (1 for a count of one).</param>
/// <param name="Dimensions">The dimension values, at most one per dimension.</param>
/// <param name="Timestamp">When the event happened.</param>
public sealed record ImpactMeasurement(string EventId, string IndicatorId, double Value, IReadOnlyList<DimensionValue> Dimensions, DateTimeOffset Timestamp);

/// <summary>What to read back from an <see cref="IImpactStore"/>. Every condition given must hold.</summary>
public sealed class MeasurementQuery
{
    /// <summary>Gets or sets the indicator to read, or <see langword="null"/> for all.</summary>
    public string? IndicatorId { get; set; }

    /// <summary>Gets or sets the first instant to include, or <see langword="null"/> for no lower bound.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Gets or sets the first instant to exclude, or <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>Gets dimension values a measurement must all carry.</summary>
    public IList<DimensionValue> Dimensions { get; } = new List<DimensionValue>();
}

/// <summary>
/// Durable, append-only storage of measurements. Writes are idempotent by <see cref="ImpactMeasurement.EventId"/>
/// and a batch is written entirely or not at all.
/// </summary>
public interface IImpactStore : IAsyncDisposable
{
    /// <summary>Appends a batch in one transaction; events already stored are skipped.</summary>
    /// <param name="batch">The measurements.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled batch writes nothing.</param>
    /// <returns>How many measurements were new.</returns>
    Task<int> AppendAsync(IReadOnlyList<ImpactMeasurement> batch, CancellationToken cancellationToken = default);

    /// <summary>Reads the measurements matching <paramref name="query"/>, in timestamp order.</summary>
    /// <param name="query">The conditions.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The measurements.</returns>
    IAsyncEnumerable<ImpactMeasurement> QueryAsync(MeasurementQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Aggregates the measurements matching <paramref name="query"/>: one group per combination of dimension values
    /// (in canonical order, sorted by name), or one group for all of them. The default implementation reads
    /// <see cref="QueryAsync"/>; stores that can aggregate where the data lives (SQL) override it.
    /// </summary>
    /// <param name="query">The conditions.</param>
    /// <param name="byDimensions"><see langword="true"/> for a group per combination; <see langword="false"/> for one group of all (empty when nothing matches).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups that have at least one measurement, ordered by their dimension names and values (ordinal).</returns>
    async Task<IReadOnlyList<MeasurementGroup>> GroupAsync(MeasurementQuery query, bool byDimensions, CancellationToken cancellationToken = default)
    {
        var groups = new Dictionary<string, (IReadOnlyList<DimensionValue> Dimensions, long Count, double Sum, long LastTicks, double Last, HashSet<double> Distinct)>(StringComparer.Ordinal);
        await foreach (var m in QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<DimensionValue> dimensions = byDimensions ? [.. m.Dimensions.OrderBy(d => d.Name, StringComparer.Ordinal)] : [];
            var key = GroupOrder.Key(dimensions);
            if (!groups.TryGetValue(key, out var g))
            {
                g = (dimensions, 0, 0, long.MinValue, 0, []);
            }

            g.Count++;
            g.Sum += m.Value;
            if (m.Timestamp.UtcTicks >= g.LastTicks)
            {
                g.LastTicks = m.Timestamp.UtcTicks;
                g.Last = m.Value;
            }

            g.Distinct.Add(m.Value);
            groups[key] = g;
        }

        return [.. groups.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new MeasurementGroup(kv.Value.Dimensions, kv.Value.Count, kv.Value.Sum, kv.Value.Last, new DateTimeOffset(kv.Value.LastTicks, TimeSpan.Zero), kv.Value.Distinct.Count))];
    }
}

/// <summary>The order of groups: by the canonical key of their dimension values.</summary>
internal static class GroupOrder
{
    public static string Key(IReadOnlyList<DimensionValue> dimensions) => string.Join('\u001f', dimensions.Select(d => d.Name + "\u001e" + d.Value));
}

/// <summary>Measurements aggregated for one combination of dimension values (see <see cref="IImpactStore.GroupAsync"/>).</summary>
/// <param name="Dimensions">The dimension values, sorted by name; empty for measurements without dimensions or for a group of all.</param>
/// <param name="Count">How many measurements.</param>
/// <param name="Sum">The sum of their values.</param>
/// <param name="LastValue">The value of the latest measurement (by timestamp; among equal timestamps, any one of them).</param>
/// <param name="LastTimestamp">The latest timestamp.</param>
/// <param name="DistinctValues">How many distinct values.</param>
public sealed record MeasurementGroup(IReadOnlyList<DimensionValue> Dimensions, long Count, double Sum, double LastValue, DateTimeOffset LastTimestamp, long DistinctValues);
