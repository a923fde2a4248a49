using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nonprofit.AI.Guards.Detection;

/// <summary>Receives the feature buckets of a text, one call per occurrence (a bucket may come several times).</summary>
internal interface IFeatureVisitor
{
    /// <summary>One occurrence of a feature.</summary>
    /// <param name="bucket">The feature's bucket, in <c>[0, BucketCount)</c>.</param>
    void Add(int bucket);
}

/// <summary>
/// Hashed features of a text normalised by <see cref="GuardText"/>: character n-grams (over the text padded with one
/// space at each end, so word starts and ends are features), and optionally words and word bigrams, each hashed
/// (FNV-1a, then mixed) into <c>2^bucketBits</c> buckets. Allocation-free; the same text always gives the same buckets,
/// on every platform.
/// </summary>
internal sealed class TextFeaturizer
{
    private const uint Prime = 16777619;
    private const uint CharSeed = 2166136261;
    private const uint WordSeed = 0x9E3779B9;
    private const uint BigramSeed = 0x85EBCA6B;
    private const int StackLimit = 1026;

    // Character n-grams hashed at once by VisitBlocks: one start position per vector lane.
    private const int Lanes = 8;

    /// <summary>Creates a featurizer.</summary>
    /// <param name="bucketBits">The number of buckets as a power of two, 8 to 24.</param>
    /// <param name="minCharN">The shortest character n-gram, 1 to 8; 0 for no character n-grams (then <paramref name="maxCharN"/> must be 0).</param>
    /// <param name="maxCharN">The longest character n-gram, <paramref name="minCharN"/> to 8.</param>
    /// <param name="words">Whether whole words are features.</param>
    /// <param name="wordBigrams">Whether pairs of consecutive words are features.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of its range, or no feature kind is on.</exception>
    public TextFeaturizer(int bucketBits, int minCharN, int maxCharN, bool words, bool wordBigrams)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, 24);
        ArgumentOutOfRangeException.ThrowIfNegative(minCharN);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCharN, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharN, minCharN);
        if (minCharN == 0 && maxCharN != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minCharN), "With character n-grams on, the shortest n-gram must be at least 1.");
        }

        if (maxCharN == 0 && !words && !wordBigrams)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCharN), "At least one kind of feature (character n-grams, words, word bigrams) must be on.");
        }

        BucketBits = bucketBits;
        MinCharN = minCharN;
        MaxCharN = maxCharN;
        Words = words;
        WordBigrams = wordBigrams;
    }

    /// <summary>The number of buckets as a power of two.</summary>
    public int BucketBits { get; }

    /// <summary>The number of buckets.</summary>
    public int BucketCount => 1 << BucketBits;

    /// <summary>The shortest character n-gram (0: none).</summary>
    public int MinCharN { get; }

    /// <summary>The longest character n-gram (0: none).</summary>
    public int MaxCharN { get; }

    /// <summary>Whether whole words are features.</summary>
    public bool Words { get; }

    /// <summary>Whether pairs of consecutive words are features.</summary>
    public bool WordBigrams { get; }

    /// <summary>Calls <paramref name="visitor"/> for every feature occurrence of <paramref name="normalized"/>.</summary>
    /// <typeparam name="TVisitor">The visitor; a struct or ref struct to stay allocation-free.</typeparam>
    /// <param name="normalized">Text already normalised by <see cref="GuardText.Normalize(ReadOnlySpan{char})"/>.</param>
    /// <param name="visitor">The receiver.</param>
    /// <returns>The number of occurrences reported.</returns>
    public int Visit<TVisitor>(ReadOnlySpan<char> normalized, ref TVisitor visitor)
        where TVisitor : IFeatureVisitor, allows ref struct
    {
        if (normalized.IsEmpty)
        {
            return 0;
        }

        var mask = (uint)(BucketCount - 1);
        var count = 0;
        if (MaxCharN > 0)
        {
            // The text padded with one space at each end, so the n-gram loop reads it without branching on the ends.
            var padded = normalized.Length + 2;
            char[]? rented = null;
            var text = padded <= StackLimit ? stackalloc char[padded] : (rented = ArrayPool<char>.Shared.Rent(padded)).AsSpan(0, padded);
            text[0] = ' ';
            normalized.CopyTo(text[1..]);
            text[padded - 1] = ' ';
            var minN = MinCharN;
            var maxN = MaxCharN;
            var start = Vector256.IsHardwareAccelerated ? VisitBlocks(text, minN, maxN, mask, ref visitor, ref count) : 0;
            for (; start < padded; start++)
            {
                var hash = CharSeed;
                var window = text.Slice(start, Math.Min(maxN, padded - start));
                for (var k = 0; k < window.Length; k++)
                {
                    var c = window[k];
                    hash = (hash ^ c) * Prime;
                    var n = k + 1;
                    if (n >= minN && !(n == 1 && c == ' '))
                    {
                        visitor.Add((int)(Mix(hash + (uint)n) & mask));
                        count++;
                    }
                }
            }

            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        if (Words || WordBigrams)
        {
            // Words are the runs between spaces (empty runs skipped), hashed in one pass over the text.
            var previous = 0u;
            var havePrevious = false;
            var hash = WordSeed;
            var inWord = false;
            for (var i = 0; i <= normalized.Length; i++)
            {
                if (i < normalized.Length && normalized[i] != ' ')
                {
                    hash = (hash ^ normalized[i]) * Prime;
                    inWord = true;
                    continue;
                }

                if (!inWord)
                {
                    continue;
                }

                if (Words)
                {
                    visitor.Add((int)(Mix(hash) & mask));
                    count++;
                }

                if (WordBigrams && havePrevious)
                {
                    visitor.Add((int)(Mix((previous * 31) ^ hash ^ BigramSeed) & mask));
                    count++;
                }

                previous = hash;
                havePrevious = true;
                hash = WordSeed;
                inWord = false;
            }
        }

        return count;
    }

    /// <summary>
    /// The character n-grams of the start positions <c>0, 1, …</c> of <paramref name="text"/> (padded) for as long as
    /// <see cref="Lanes"/> consecutive starts all have their full <paramref name="maxN"/>-character window: each lane of a
    /// vector hashes one start position (the same FNV-1a steps and <see cref="Mix"/> as the scalar loop, in 32-bit
    /// wrapping arithmetic), and the buckets are reported start by start, shortest n-gram first, exactly as the scalar
    /// loop reports them (with <paramref name="minN"/> = 1, a start on a space skips its unigram, as there). Texts
    /// shorter than one block report nothing here and cost only the length check.
    /// </summary>
    /// <returns>The first start position left to the scalar loop.</returns>
    private static int VisitBlocks<TVisitor>(scoped ReadOnlySpan<char> text, int minN, int maxN, uint mask, ref TVisitor visitor, ref int count)
        where TVisitor : IFeatureVisitor, allows ref struct
    {
        // The last block starts at text.Length - maxN - Lanes + 1: its last lane's window and its last 8-character load end at the text's end.
        var blocks = (text.Length - maxN + 1) / Lanes;
        if (blocks <= 0)
        {
            return 0;
        }

        var grams = maxN - minN + 1;
        Span<uint> block = stackalloc uint[Lanes * 8];
        ref var first = ref MemoryMarshal.GetReference(block);
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var vmask = Vector256.Create(mask);
        var prime = Vector256.Create(Prime);
        var mix1 = Vector256.Create(0x85EBCA6Bu);
        var mix2 = Vector256.Create(0xC2B2AE35u);
        var end = blocks * Lanes;
        for (var start = 0; start < end; start += Lanes)
        {
            var hash = Vector256.Create(CharSeed);
            for (var k = 0; k < maxN; k++)
            {
                var c = Vector256.WidenLower(Vector128.LoadUnsafe(ref chars, (nuint)(start + k)).ToVector256Unsafe());
                hash = (hash ^ c) * prime;
                var n = k + 1;
                if (n >= minN)
                {
                    // Mix(hash + n) & mask, lane-wise.
                    var h = hash + Vector256.Create((uint)n);
                    h ^= Vector256.ShiftRightLogical(h, 16);
                    h *= mix1;
                    h ^= Vector256.ShiftRightLogical(h, 13);
                    h *= mix2;
                    h ^= Vector256.ShiftRightLogical(h, 16);
                    (h & vmask).StoreUnsafe(ref first, (nuint)((n - minN) * Lanes));
                }
            }

            for (var lane = 0; lane < Lanes; lane++)
            {
                var g = minN == 1 && Unsafe.Add(ref chars, start + lane) == ' ' ? 1 : 0;
                count += grams - g;
                for (; g < grams; g++)
                {
                    visitor.Add((int)Unsafe.Add(ref first, (g * Lanes) + lane));
                }
            }
        }

        return end;
    }

    /// <summary>
    /// An upper bound of the number of feature occurrences <see cref="Visit{TVisitor}"/> reports for a text of
    /// <paramref name="length"/> characters.
    /// </summary>
    /// <param name="length">The length of the normalised text.</param>
    /// <returns>The bound (0 for an empty text).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The bound does not fit in an array (a text of hundreds of millions of characters): computed in 64 bits, so it
    /// never wraps to a small or negative count.
    /// </exception>
    public int MaxCount(int length)
    {
        if (length <= 0)
        {
            return 0;
        }

        var chars = MaxCharN > 0 ? ((long)length + 2) * (MaxCharN - MinCharN + 1) : 0L;
        var count = chars + (Words ? length : 0L) + (WordBigrams ? length : 0L);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Array.MaxLength, nameof(length));
        return (int)count;
    }

    /// <summary>The number of feature occurrences of <paramref name="normalized"/>.</summary>
    /// <param name="normalized">Normalised text.</param>
    /// <returns>The count <see cref="Visit{TVisitor}"/> would report.</returns>
    public int Count(ReadOnlySpan<char> normalized)
    {
        var counter = default(Counter);
        return Visit(normalized, ref counter);
    }

    private static uint Mix(uint h)
    {
        // murmur3 finalizer: spreads FNV's low-bit bias before masking.
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }

    private struct Counter : IFeatureVisitor
    {
        public readonly void Add(int bucket)
        {
        }
    }
}
