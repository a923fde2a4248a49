using System;
using System.Collections.Generic;
using System.Numerics;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// A read-only, case-insensitive table from word to <see cref="WordClass"/>, keyed by a hash of the word's
/// lower-case characters that the tokenizer computes while it reads the word: one probe per lookup, no
/// second pass over the characters unless the hash matches, no allocation.
/// </summary>
internal sealed class WordTable
{
    /// <summary>The hash of the empty word; extend it with <see cref="Step"/> one character at a time.</summary>
    public const uint Seed = 2166136261;

    /// <summary>The FNV-1a multiplier of <see cref="Step"/>.</summary>
    public const uint Prime = 16777619;

    // Open addressing; each slot holds the word's hash beside its entry, so a probe that misses reads one slot.
    private readonly Slot[] _slots;
    private readonly string[] _keys;
    private readonly WordClass[] _values;
    private readonly int _shift;

    public WordTable(IEnumerable<KeyValuePair<string, WordClass>> words)
    {
        var folded = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        foreach (var (word, c) in words)
        {
            var key = Folded(word, word.Length);
            folded[key] = folded.GetValueOrDefault(key) | c;
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, folded.Count * 2));
        _shift = 32 - BitOperations.Log2((uint)size);
        _slots = new Slot[size];
        _keys = new string[folded.Count];
        _values = new WordClass[folded.Count];
        var n = 0;
        foreach (var (key, value) in folded)
        {
            var hash = Hash(key);
            _keys[n] = key;
            _values[n] = value;
            var b = Bucket(hash);
            while (_slots[b].Entry != 0)
            {
                b = (b + 1) & (size - 1);
            }

            _slots[b] = new Slot(hash, ++n);
        }
    }

    /// <summary>Gets the number of words.</summary>
    public int Count => _keys.Length;

    // char.ToLowerInvariant of every UTF-16 code unit, computed once with two string-wide calls: a per-character
    // call goes to ICU on Linux, which costs far more than the rest of the scan. Surrogates map to themselves, as
    // char.ToLowerInvariant maps them.
    private static readonly char[] s_lower = BuildLowerTable();

    /// <summary>Folds a character to the lower case the table compares in (<see cref="char.ToLowerInvariant"/>, from a table).</summary>
    public static char Fold(char c) => c < 128 ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : s_lower[c];

    private static char[] BuildLowerTable()
    {
        var table = new char[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        new string(table, 0, 0xD800).ToLowerInvariant().CopyTo(table.AsSpan());
        new string(table, 0xE000, 0x2000).ToLowerInvariant().CopyTo(table.AsSpan(0xE000));
        return table;
    }

    /// <summary>Returns the first <paramref name="length"/> characters of <paramref name="word"/>, folded with <see cref="Fold"/>.</summary>
    public static string Folded(string word, int length) =>
        string.Create(length, word, static (dest, w) =>
        {
            for (var i = 0; i < dest.Length; i++)
            {
                dest[i] = Fold(w[i]);
            }
        });

    /// <summary>Extends <paramref name="hash"/> with one character (FNV-1a over the folded character).</summary>
    public static uint Step(uint hash, char c) => (hash ^ Fold(c)) * Prime;

    /// <summary>Returns the hash of <paramref name="word"/>, as <see cref="Step"/> computes it character by character.</summary>
    public static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = Seed;
        foreach (var c in word)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    /// <summary>Returns the classes of <paramref name="word"/>, whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public WordClass Find(ReadOnlySpan<char> word, uint hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var b = Bucket(hash); ; b = (b + 1) & mask)
        {
            var slot = slots[b];
            if (slot.Entry == 0)
            {
                return WordClass.None;
            }

            if (slot.Hash == hash && EqualsFolded(_keys[slot.Entry - 1], word))
            {
                return _values[slot.Entry - 1];
            }
        }
    }

    private int Bucket(uint hash) => (int)((hash * 2654435769u) >> _shift);

    /// <summary>Returns whether <paramref name="word"/>, folded with <see cref="Fold"/>, equals the folded <paramref name="key"/>.</summary>
    public static bool EqualsFolded(string key, ReadOnlySpan<char> word)
    {
        if (key.Length != word.Length)
        {
            return false;
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != Fold(word[i]))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Slot(uint Hash, int Entry); // Entry: index + 1; 0 is empty
}
