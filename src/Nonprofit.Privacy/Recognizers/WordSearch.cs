using System;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Finds any of a list of words or phrases (case-insensitive, at word boundaries): each run of letters that
/// starts a word is looked up among the words' first runs, so a search costs one hash probe per word of the
/// text at most; only a hit compares whole phrases. The run's hash (<see cref="WordTable.Hash"/> of its folded
/// letters) is computed while reading it, and runs whose length or first letter no search word has are
/// skipped without a probe. No allocation.
/// </summary>
internal sealed class WordSearch
{
    private readonly int[] _buckets; // entry index + 1; 0 is empty
    private readonly uint[] _hashes;
    private readonly string[] _keys; // folded first runs
    private readonly string[][] _words; // the words that start with each first run
    private readonly int _shift;
    private readonly ulong _lengths; // bit n: some first run has n letters (n < 64)
    private readonly ulong _firstLetters; // bit (f & 63): some first run starts with the folded letter f

    public WordSearch(string[] words)
    {
        if (words.Any(w => w.Length == 0 || !char.IsLetter(w[0])))
        {
            throw new ArgumentException("Every search word starts with a letter.", nameof(words));
        }

        var groups = words.GroupBy(FoldedFirstRun, StringComparer.Ordinal).ToArray();
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, groups.Length * 4));
        _shift = 32 - BitOperations.Log2((uint)size);
        _buckets = new int[size];
        _hashes = new uint[groups.Length];
        _keys = new string[groups.Length];
        _words = new string[groups.Length][];
        for (var n = 0; n < groups.Length; n++)
        {
            var key = groups[n].Key;
            _keys[n] = key;
            _words[n] = [.. groups[n]];
            _hashes[n] = WordTable.Hash(key);
            _lengths |= key.Length < 64 ? 1UL << key.Length : 0;
            _firstLetters |= 1UL << (key[0] & 63);
            var b = Bucket(_hashes[n]);
            while (_buckets[b] != 0)
            {
                b = (b + 1) & (size - 1);
            }

            _buckets[b] = n + 1;
        }
    }

    /// <summary>Returns whether <paramref name="span"/> contains one of the words at word boundaries.</summary>
    public bool ContainsWord(ReadOnlySpan<char> span)
    {
        // A short span of ASCII characters (the context windows): its letters as bits, and the runs of letters found
        // from those bits instead of a branch per character.
        if (span.Length < 64 && TryAsciiLetters(span, out var letters))
        {
            var starts = letters & ~(letters << 1);
            while (starts != 0)
            {
                var p = BitOperations.TrailingZeroCount(starts);
                var length = BitOperations.TrailingZeroCount(~letters >> p); // bit 63 is never a letter: the run ends
                if (((_lengths >> length) & 1) != 0 && ((_firstLetters >> (WordTable.Fold(span[p]) & 63)) & 1) != 0
                    && StartsWord(span, p, p + length))
                {
                    return true;
                }

                starts &= starts - 1;
            }

            return false;
        }

        return ContainsWordScalar(span);
    }

    /// <summary>The letters of <paramref name="span"/> (fewer than 64 characters) as bits; false when a character is not ASCII.</summary>
    internal static bool TryAsciiLetters(ReadOnlySpan<char> span, out ulong letters)
    {
        letters = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var units = MemoryMarshal.Cast<char, ushort>(span);
            var ascii = Vector128.Create((ushort)128);
            var lowerCase = Vector128.Create((ushort)0x20);
            var a = Vector128.Create((ushort)'a');
            var alphabet = Vector128.Create((ushort)26);
            for (; i + Vector128<ushort>.Count <= units.Length; i += Vector128<ushort>.Count)
            {
                var v = Vector128.Create(units.Slice(i, Vector128<ushort>.Count));
                if (Vector128.GreaterThanOrEqualAny(v, ascii))
                {
                    return false;
                }

                letters |= (ulong)Vector128.LessThan((v | lowerCase) - a, alphabet).ExtractMostSignificantBits() << i;
            }
        }

        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (c >= 128)
            {
                return false;
            }

            letters |= (char.IsAsciiLetter(c) ? 1UL : 0UL) << i;
        }

        return true;
    }

    /// <summary>
    /// <see cref="ContainsWord"/> by a walk over the characters (any span; the reference for tests of the bit-mask path).
    /// </summary>
    internal bool ContainsWordScalar(ReadOnlySpan<char> span)
    {
        var p = 0;
        while (p < span.Length)
        {
            var c = span[p];
            if (!IsLetter(c))
            {
                p++;
                continue;
            }

            // A run of letters after a non-letter: the only place a word may start.
            var q = p + 1;
            while (q < span.Length && IsLetter(span[q]))
            {
                q++;
            }

            var length = q - p;
            if (length < 64 && ((_lengths >> length) & 1) != 0 && ((_firstLetters >> (WordTable.Fold(c) & 63)) & 1) != 0
                && StartsWord(span, p, q))
            {
                return true;
            }

            p = q;
        }

        return false;
    }

    /// <summary>Returns the offset of <paramref name="word"/> in <paramref name="span"/> at word boundaries (case-insensitive), or -1.</summary>
    public static int IndexOfWord(ReadOnlySpan<char> span, string word)
    {
        var offset = 0;
        while (offset < span.Length)
        {
            var i = span[offset..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return -1;
            }

            var at = offset + i;
            var after = at + word.Length;
            if ((at == 0 || !char.IsLetter(span[at - 1])) && (after >= span.Length || !char.IsLetter(span[after])))
            {
                return at;
            }

            offset = at + 1;
        }

        return -1;
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c) || (c >= 128 && char.IsLetter(c));

    /// <summary>Returns whether one of the words starts at <paramref name="p"/>, whose run of letters ends at <paramref name="q"/>.</summary>
    public bool StartsWord(ReadOnlySpan<char> span, int p, int q)
    {
        var run = span[p..q];
        var hash = WordTable.Hash(run);
        var mask = _buckets.Length - 1;
        for (var b = Bucket(hash); _buckets[b] != 0; b = (b + 1) & mask)
        {
            var e = _buckets[b] - 1;
            if (_hashes[e] != hash || !WordTable.EqualsFolded(_keys[e], run))
            {
                continue;
            }

            var rest = span[p..];
            foreach (var word in _words[e])
            {
                if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                    && (word.Length == rest.Length || !char.IsLetter(rest[word.Length])))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private int Bucket(uint hash) => (int)((hash * 2654435769u) >> _shift);

    /// <summary>Returns the first run of letters of <paramref name="word"/>, folded with <see cref="WordTable.Fold"/>.</summary>
    public static string FoldedFirstRun(string word)
    {
        var run = 1;
        while (run < word.Length && char.IsLetter(word[run]))
        {
            run++;
        }

        return WordTable.Folded(word, run);
    }
}
