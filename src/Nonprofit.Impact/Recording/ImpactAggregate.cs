using System;
using System.Collections.Generic;

namespace Nonprofit.Impact;

/// <summary>The aggregated value of an indicator over a period, for one combination of dimension values.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="PeriodStart">The period's first day.</param>
/// <param name="PeriodEnd">The period's last day (inclusive).</param>
/// <param name="Dimensions">The dimension values of the combination; empty for measurements recorded without dimensions, or for a total.</param>
/// <param name="Count">How many measurements were aggregated.</param>
/// <param name="Value">The aggregated value by the indicator's <see cref="IndicatorAggregation"/> (sum, mean, last or distinct count).</param>
public sealed record ImpactAggregate(
    string IndicatorId, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<DimensionValue> Dimensions, long Count, double Value);
