using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// A read-only, case-insensitive table from word to <see cref="WordClass"/>, keyed by a hash of the word's
/// lower-case characters that the tokenizer computes while it reads the word: one probe per lookup, no
/// second pass over the characters unless the hash matches, no allocation. A slot holds the hash, the classes and
/// the folded word itself (when it has at most <see cref="InlineLength"/> characters, as almost all have), so a
/// lookup in the large gazetteer table reads one cache line, hit or miss; before it, a small filter (see
/// <see cref="MayContain"/>) rules out most words the table does not hold.
/// </summary>
internal sealed class WordTable
{
    /// <summary>The hash of the empty word; extend it with <see cref="Step"/> one character at a time.</summary>
    public const uint Seed = 2166136261;

    /// <summary>The FNV-1a multiplier of <see cref="Step"/>.</summary>
    public const uint Prime = 16777619;

    /// <summary>The longest word a slot holds itself; longer ones are kept apart.</summary>
    public const int InlineLength = 9;

    /// <summary>The number of words from which a table puts a <see cref="MayContain"/> filter in front of its slots.</summary>
    public const int FilterFrom = 16_384;

    // 2^12 64-bit blocks: 32 KB, two bits per word in one block (a blocked Bloom filter over the hash). Small on
    // purpose: a filter pays only if it stays in the core's caches while the slots do not. Stop 21's 256 KB filter
    // (1% false positives) touched as many distinct cache lines per pass as the slots it guarded and gained nothing;
    // this one passes about a third of the words the gazetteers do not list, and rules out the rest from lines that
    // every pass reuses many times.
    private const int FilterBlockBits = 12;

    // Open addressing with linear probing; 32-byte slots, so a slot never straddles a cache line.
    private readonly Slot[] _slots;

    // For a large table (the gazetteers: 8 MB of slots, far past the L2 cache), a filter that fits in it: most words
    // not in the table (about 40% of the capitalised words of the data set) are then ruled out by one read of the
    // filter instead of one of the slots.
    private readonly ulong[]? _filter;
    private readonly string[] _longKeys;
    private readonly int _shift;

    public WordTable(IEnumerable<KeyValuePair<string, WordClass>> words)
    {
        var folded = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        foreach (var (word, c) in words)
        {
            var key = Folded(word, word.Length);
            folded[key] = folded.GetValueOrDefault(key) | c;
        }

        folded.Remove(string.Empty);
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, folded.Count * 2));
        _shift = 32 - BitOperations.Log2((uint)size);
        _slots = new Slot[size];
        var longKeys = new List<string>();
        foreach (var (key, value) in folded)
        {
            var hash = Hash(key);
            var b = Bucket(hash);
            while (_slots[b].Length != 0)
            {
                b = (b + 1) & (size - 1);
            }

            ref var slot = ref _slots[b];
            slot.Hash = hash;
            slot.Class = value;
            slot.Length = checked((ushort)key.Length);
            if (key.Length <= InlineLength)
            {
                key.CopyTo(slot.Chars);
            }
            else
            {
                longKeys.Add(key);
                slot.LongKey = longKeys.Count;
            }
        }

        _longKeys = [.. longKeys];
        Count = folded.Count;
        if (Count >= FilterFrom)
        {
            _filter = new ulong[1 << FilterBlockBits];
            foreach (var key in folded.Keys)
            {
                var hash = Hash(key);
                _filter[FilterBlock(hash)] |= FilterBits(hash);
            }
        }
    }

    /// <summary>Gets whether this table has a <see cref="MayContain"/> filter.</summary>
    public bool HasFilter => _filter is not null;

    /// <summary>
    /// Returns false only when no word of the table has <paramref name="hash"/> (no false negatives); true for every
    /// word of the table and for some others (about a third for the gazetteers' table). Always true for a table without
    /// a filter.
    /// </summary>
    public bool MayContain(uint hash)
    {
        var filter = _filter;
        if (filter is null)
        {
            return true;
        }

        var bits = FilterBits(hash);
        return (filter[FilterBlock(hash)] & bits) == bits;
    }

    // The block from the top bits of the multiplicative hash the slots use; the two bits from a second mix.
    private static int FilterBlock(uint hash) => (int)((hash * 2654435769u) >> (32 - FilterBlockBits));

    private static ulong FilterBits(uint hash)
    {
        var y = (hash ^ (hash >> 15)) * 0x2C1B3C6Du;
        return (1UL << (int)(y >> 26)) | (1UL << (int)((y >> 20) & 63));
    }

    /// <summary>Gets the number of words.</summary>
    public int Count { get; }

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
    public WordClass Find(ReadOnlySpan<char> word, uint hash) => MayContain(hash) ? FindInSlots(word, hash) : WordClass.None;

    /// <summary>Returns what <see cref="Find"/> returns, without the filter (a reference for tests).</summary>
    internal WordClass FindInSlots(ReadOnlySpan<char> word, uint hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var b = Bucket(hash); ; b = (b + 1) & mask)
        {
            ref readonly var slot = ref slots[b];
            if (slot.Length == 0)
            {
                return WordClass.None;
            }

            if (slot.Hash == hash && slot.Length == word.Length
                && (slot.LongKey == 0 ? EqualsFolded(slot.Chars[..word.Length], word) : EqualsFolded(_longKeys[slot.LongKey - 1], word)))
            {
                return slot.Class;
            }
        }
    }

    private int Bucket(uint hash) => (int)((hash * 2654435769u) >> _shift);

    /// <summary>Returns whether <paramref name="word"/>, folded with <see cref="Fold"/>, equals the folded <paramref name="key"/>.</summary>
    public static bool EqualsFolded(string key, ReadOnlySpan<char> word) => EqualsFolded(key.AsSpan(), word);

    private static bool EqualsFolded(ReadOnlySpan<char> key, ReadOnlySpan<char> word)
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

    // 32 bytes. Length 0 marks an empty slot; LongKey is the index + 1 of a word longer than InlineLength.
    private struct Slot
    {
        public uint Hash;
        public WordClass Class;
        public int LongKey;
        public ushort Length;
        public InlineChars Chars;
    }

    [InlineArray(InlineLength)]
    private struct InlineChars
    {
        private char _first;
    }
}
