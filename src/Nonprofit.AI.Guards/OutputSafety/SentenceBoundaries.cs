using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Where sentences end, for the per-sentence checks and the streaming hold-back: a newline, <c>! ?</c>, the CJK,
/// Devanagari and Arabic stops (<c>。！？।؟</c>), or a full stop followed by white space or the end (so "2.5 mg" and
/// "www.example.org" do not end a sentence).
/// </summary>
internal static class SentenceBoundaries
{
    /// <summary>Whether a sentence ends at <paramref name="i"/> (inclusive).</summary>
    /// <param name="text">The text.</param>
    /// <param name="i">A position in <paramref name="text"/>.</param>
    /// <param name="atEnd">Whether <paramref name="text"/> is complete (a final full stop ends a sentence).</param>
    public static bool EndsAt(ReadOnlySpan<char> text, int i, bool atEnd = true) =>
        text[i] is '\n' or '!' or '?' or '。' or '！' or '？' or '।' or '؟' ||
        (text[i] == '.' && (i + 1 < text.Length ? char.IsWhiteSpace(text[i + 1]) : atEnd));

    /// <summary>The start and length of the sentence holding <paramref name="index"/>.</summary>
    public static (int Start, int Length) Around(ReadOnlySpan<char> text, int index)
    {
        var start = index;
        while (start > 0 && !EndsAt(text, start - 1))
        {
            start--;
        }

        var end = index;
        while (end < text.Length && !EndsAt(text, end))
        {
            end++;
        }

        return (start, Math.Min(text.Length, end + 1) - start);
    }

    /// <summary>The length of the first sentence of <paramref name="text"/> (its end included), or the whole length.</summary>
    public static int First(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (EndsAt(text, i))
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
