using System.Collections.Generic;

namespace Nonprofit.Impact;

/// <summary>Everything needed to aggregate values by any <see cref="IndicatorAggregation"/>; merges associatively.</summary>
internal struct Accumulator
{
    public long Count;
    public double Sum;
    public long LastTicks;
    public double Last;
    public HashSet<double>? Distinct;

    /// <summary>A distinct count computed elsewhere (in SQL), used when <see cref="Distinct"/> is null.</summary>
    public long DistinctCount;

    public static Accumulator Empty => new() { LastTicks = long.MinValue };

    public readonly bool IsEmpty => Count == 0;

    public void Add(double value, long ticks, bool distinct)
    {
        Count++;
        Sum += value;
        if (ticks >= LastTicks)
        {
            LastTicks = ticks;
            Last = value;
        }

        if (distinct)
        {
            (Distinct ??= []).Add(value);
        }
    }

    public void Merge(in Accumulator other)
    {
        if (other.Count == 0)
        {
            return;
        }

        Count += other.Count;
        Sum += other.Sum;
        if (other.LastTicks >= LastTicks)
        {
            LastTicks = other.LastTicks;
            Last = other.Last;
        }

        if (other.Distinct is not null)
        {
            (Distinct ??= []).UnionWith(other.Distinct);
        }

        DistinctCount += other.DistinctCount;
    }

    public readonly double Value(IndicatorAggregation aggregation) => aggregation switch
    {
        IndicatorAggregation.Sum => Sum,
        IndicatorAggregation.Mean => Count == 0 ? double.NaN : Sum / Count,
        IndicatorAggregation.Last => Last,
        _ => Distinct?.Count ?? DistinctCount,
    };
}
