using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>A frozen, case-insensitive set of words with a cached span lookup: one hash probe per query, no allocation.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _set = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordSet Empty { get; } = new([]);

    public int Count => _set.Count;

    public bool Contains(ReadOnlySpan<char> word) => _set.Count > 0 && _lookup.Contains(word);

    public IEnumerable<string> Words => _set;
}
