using System;
using System.Collections.Generic;
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
}
