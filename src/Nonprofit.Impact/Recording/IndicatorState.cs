using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Nonprofit.Impact;

/// <summary>The compiled form of one indicator: dimension lookups, the combination index, the per-day buckets.</summary>
internal sealed class IndicatorState
{
    /// <summary>The largest number of dimension-value combinations (each dimension counts its values plus "not given").</summary>
    public const int MaxCombinations = 1 << 20;

    private readonly ConcurrentDictionary<int, DayBucket> _days = new();
    private readonly int _stripes;
    private DayBucket? _current;

    public IndicatorState(IndicatorDefinition definition, int stripes)
    {
        Definition = definition;
        Id = definition.Id;
        Aggregation = definition.Aggregation;
        _stripes = stripes;
        NeedsLock = Aggregation is IndicatorAggregation.Last or IndicatorAggregation.DistinctCount;

        var dimensions = definition.Dimensions;
        if (dimensions.Count > 32)
        {
            throw new ArgumentException($"Indicator '{Id}' has {dimensions.Count} dimensions; at most 32 are supported.", nameof(definition));
        }

        DimensionIndex = dimensions.Select((d, i) => (d.Name, i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        ValueIndex = new FrozenDictionary<string, int>[dimensions.Count];
        Values = new string[dimensions.Count][];
        Strides = new int[dimensions.Count];
        TagKeys = new string[dimensions.Count];
        DimensionNames = new string[dimensions.Count];
        long combinations = 1;
        for (var d = 0; d < dimensions.Count; d++)
        {
            var allowed = dimensions[d].AllowedValues;
            ValueIndex[d] = allowed.Select((v, i) => (v, i)).ToFrozenDictionary(x => x.v, x => x.i + 1, StringComparer.Ordinal);
            // Interned, so values that come from literals in the app match by reference, before any hashing.
            Values[d] = [.. allowed.Select(string.Intern)];
            Strides[d] = (int)combinations;
            TagKeys[d] = "impact.dimension." + dimensions[d].Name;
            DimensionNames[d] = string.Intern(dimensions[d].Name);
            combinations *= allowed.Count + 1;
            if (combinations > MaxCombinations)
            {
                throw new ArgumentException(
                    $"Indicator '{Id}' has more than {MaxCombinations} combinations of dimension values; use fewer dimensions or values.", nameof(definition));
            }
        }

        Combinations = (int)combinations;
    }

    public IndicatorDefinition Definition { get; }

    public string Id { get; }

    public IndicatorAggregation Aggregation { get; }

    public bool NeedsLock { get; }

    public FrozenDictionary<string, int> DimensionIndex { get; }

    public FrozenDictionary<string, int>[] ValueIndex { get; }

    public string[][] Values { get; }

    public string[] DimensionNames { get; }

    public int[] Strides { get; }

    /// <summary>Finds the index of dimension <paramref name="name"/>, trying the declared position first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFindDimension(string? name, int position, out int index)
    {
        var names = DimensionNames;
        if ((uint)position < (uint)names.Length && (ReferenceEquals(names[position], name) || string.Equals(names[position], name, StringComparison.Ordinal)))
        {
            index = position;
            return true;
        }

        return DimensionIndex.TryGetValue(name ?? "", out index);
    }

    /// <summary>Finds the 1-based index of <paramref name="value"/> among dimension <paramref name="dimension"/>'s values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFindValue(int dimension, string? value, out int index)
    {
        var values = Values[dimension];
        if (values.Length <= 16 && value is not null)
        {
            // A short list is scanned: by reference (interned literals), else length then characters. Cheaper than hashing.
            for (var i = 0; i < values.Length; i++)
            {
                var candidate = values[i];
                // Length and last character first: allowed values usually differ there, so at most one full compare.
                if (ReferenceEquals(candidate, value)
                    || (candidate.Length == value.Length && candidate.Length > 0 && candidate[^1] == value[^1] && candidate.AsSpan().SequenceEqual(value)))
                {
                    index = i + 1;
                    return true;
                }
            }

            index = 0;
            return false;
        }

        return ValueIndex[dimension].TryGetValue(value ?? "", out index);
    }

    public string[] TagKeys { get; }

    public int Combinations { get; }

    public Instrument? ValueInstrument { get; set; }

    public DayBucket GetBucket(int day)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Day == day)
        {
            return current;
        }

        var bucket = _days.GetOrAdd(day, static (d, s) => new DayBucket(d, s._stripes, s.Combinations), this);

        // The newest day becomes the fast path; an old day recorded late does not displace it.
        if (current is null || day > current.Day)
        {
            Volatile.Write(ref _current, bucket);
        }

        return bucket;
    }

    /// <summary>Merges the cells of the days in [fromDay, toDay] per combination.</summary>
    public Dictionary<int, Accumulator> CollectRange(int fromDay, int toDay)
    {
        var into = new Dictionary<int, Accumulator>();
        foreach (var bucket in Days(fromDay, toDay))
        {
            bucket.CollectInto(Aggregation, NeedsLock, into);
        }

        return into;
    }

    public IEnumerable<DayBucket> Days(int fromDay, int toDay) =>
        _days.Where(kv => kv.Key >= fromDay && kv.Key <= toDay).OrderBy(kv => kv.Key).Select(kv => kv.Value);

    /// <summary>Decodes a combination index into its dimension values.</summary>
    public IReadOnlyList<DimensionValue> Decode(int combination)
    {
        if (combination == 0)
        {
            return [];
        }

        var list = new List<DimensionValue>();
        for (var d = Strides.Length - 1; d >= 0; d--)
        {
            var index = combination / Strides[d];
            combination %= Strides[d];
            if (index > 0)
            {
                list.Add(new DimensionValue(DimensionNames[d], Values[d][index - 1]));
            }
        }

        list.Reverse();
        return list;
    }
}

/// <summary>
/// The cells of one UTC day: one per combination of dimension values, per stripe (threads hash onto stripes so
/// concurrent recorders rarely touch the same cache line). Chunks of cells are allocated on first use.
/// </summary>
internal sealed class DayBucket
{
    public const int ChunkShift = 6;
    public const int ChunkSize = 1 << ChunkShift;

    private readonly Cell[]?[] _chunks;
    private readonly int _chunksPerStripe;
    private Dictionary<int, HashSet<double>>? _distinct;

    public DayBucket(int day, int stripes, int combinations)
    {
        Day = day;
        Stripes = stripes;
        _chunksPerStripe = (combinations + ChunkSize - 1) >> ChunkShift;
        _chunks = new Cell[]?[stripes * _chunksPerStripe];
    }

    public int Day { get; }

    public int Stripes { get; }

    public Lock Gate { get; } = new();

    public ref Cell GetCell(int stripe, int combination)
    {
        var index = (stripe * _chunksPerStripe) + (combination >> ChunkShift);
        var chunk = Volatile.Read(ref _chunks[index]) ?? AllocateChunk(index);
        return ref chunk[combination & (ChunkSize - 1)];
    }

    /// <summary>Adds a value to the distinct set of a combination; the caller holds <see cref="Gate"/>.</summary>
    public void AddDistinct(int combination, double value)
    {
        _distinct ??= [];
        if (!_distinct.TryGetValue(combination, out var set))
        {
            _distinct[combination] = set = [];
        }

        set.Add(value);
    }

    /// <summary>Merges every combination with at least one measurement, across stripes, into <paramref name="into"/>.</summary>
    public void CollectInto(IndicatorAggregation aggregation, bool needsLock, Dictionary<int, Accumulator> into)
    {
        for (var stripe = 0; stripe < Stripes; stripe++)
        {
            for (var c = 0; c < _chunksPerStripe; c++)
            {
                var chunk = Volatile.Read(ref _chunks[(stripe * _chunksPerStripe) + c]);
                if (chunk is null)
                {
                    continue;
                }

                for (var i = 0; i < chunk.Length; i++)
                {
                    Accumulator snapshot;
                    if (needsLock)
                    {
                        lock (Gate)
                        {
                            snapshot = chunk[i].Snapshot();
                        }
                    }
                    else
                    {
                        snapshot = chunk[i].Snapshot();
                    }

                    if (snapshot.Count == 0)
                    {
                        continue;
                    }

                    var combination = (c << ChunkShift) + i;
                    ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(into, combination, out var exists);
                    if (!exists)
                    {
                        slot = Accumulator.Empty;
                    }

                    slot.Merge(snapshot);
                    if (aggregation == IndicatorAggregation.DistinctCount)
                    {
                        lock (Gate)
                        {
                            if (_distinct is not null && _distinct.TryGetValue(combination, out var set))
                            {
                                (slot.Distinct ??= []).UnionWith(set);
                            }
                        }
                    }
                }
            }
        }
    }

    private Cell[] AllocateChunk(int index)
    {
        var chunk = new Cell[ChunkSize];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i].LastTicks = long.MinValue;
        }

        return Interlocked.CompareExchange(ref _chunks[index], chunk, null) ?? chunk;
    }
}

/// <summary>One aggregation cell, updated with atomic operations.</summary>
internal struct Cell
{
    public long Count;
    public double Sum;
    public long LastTicks;
    public double Last;

    public readonly Accumulator Snapshot() => new()
    {
        Count = Volatile.Read(ref Unsafe.AsRef(in Count)),
        Sum = Sum,
        LastTicks = LastTicks,
        Last = Last,
    };
}
