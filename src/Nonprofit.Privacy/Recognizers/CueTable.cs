using System;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// A small read-only table from a cue phrase's first word to its phrases, keyed by the hash the word table uses
/// (<see cref="WordTable.Hash"/>: FNV-1a over the folded characters), that answers exactly as the case-insensitive
/// (<see cref="StringComparison.OrdinalIgnoreCase"/>) dictionary it is built from: a key whose folded form equals the
/// word's is confirmed with an <see cref="StringComparison.OrdinalIgnoreCase"/> comparison, and a word no key
/// confirms (one whose lower-case folding and upper-case comparison disagree, such as a Kelvin sign) asks the
/// dictionary. A hit costs a short hash over the word and one probe in a table that stays in cache, instead of a
/// Marvin hash of the upper-cased word and a probe in the dictionary's buckets.
/// </summary>
/// <typeparam name="TValue">The phrases of a first word.</typeparam>
internal sealed class CueTable<TValue>
{
    private readonly Entry[] _entries;
    private readonly int _shift;
    private readonly FrozenDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _dictionary;

    /// <summary>Initializes a table with the keys and values of <paramref name="dictionary"/>, which must compare with <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
    /// <param name="dictionary">The cues by first word.</param>
    public CueTable(FrozenDictionary<string, TValue> dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        if (!ReferenceEquals(dictionary.Comparer, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The dictionary must compare with OrdinalIgnoreCase.", nameof(dictionary));
        }

        _dictionary = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, dictionary.Count * 4));
        _shift = 32 - BitOperations.Log2((uint)size);
        _entries = new Entry[size];
        foreach (var (key, value) in dictionary)
        {
            var folded = WordTable.Folded(key, key.Length);
            var hash = WordTable.Hash(folded);
            var b = Bucket(hash);
            while (_entries[b].Key is not null)
            {
                b = (b + 1) & (size - 1);
            }

            _entries[b] = new Entry(hash, folded, key, value);
        }
    }

    /// <summary>Gets the phrases whose first word equals <paramref name="word"/> ignoring case, as the dictionary finds them.</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">The phrases, when found.</param>
    /// <returns>Whether a first word equals <paramref name="word"/>.</returns>
    public bool TryGetValue(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out TValue value)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var hash = WordTable.Hash(word);
        for (var b = Bucket(hash); ; b = (b + 1) & mask)
        {
            ref readonly var e = ref entries[b];
            if (e.Key is null)
            {
                break;
            }

            if (e.Hash == hash && WordTable.EqualsFolded(e.Folded, word) && word.Equals(e.Key, StringComparison.OrdinalIgnoreCase))
            {
                value = e.Value;
                return true;
            }
        }

        // No key with the word's folded form equals it ignoring case: only the dictionary can tell (almost never a hit).
        return _dictionary.TryGetValue(word, out value);
    }

    private int Bucket(uint hash) => (int)((hash * 2654435769u) >> _shift);

    private readonly record struct Entry(uint Hash, string Folded, string Key, TValue Value);
}
