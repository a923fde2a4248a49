using System;

namespace Nonprofit.Privacy;

/// <summary>
/// A piece of personal data found in a text: where it is, what it is and how sure the detector is. It holds
/// no copy of the value, so a match may be logged or counted without leaking it.
/// </summary>
/// <param name="Type">The kind of personal data.</param>
/// <param name="Start">The UTF-16 offset of the first character in the text.</param>
/// <param name="Length">The number of UTF-16 characters.</param>
/// <param name="Score">Confidence from 0 to 1, after context scoring.</param>
/// <param name="Recognizer">The name of the recognizer that found it.</param>
public readonly record struct PiiMatch(PiiEntityType Type, int Start, int Length, double Score, string Recognizer)
{
    /// <summary>Gets the offset just past the last character (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>Returns whether this match shares at least one character with <paramref name="other"/>.</summary>
    /// <param name="other">Another match in the same text.</param>
    /// <returns><see langword="true"/> when the two ranges overlap.</returns>
    public bool Overlaps(PiiMatch other) => Start < other.End && other.Start < End;

    /// <summary>Gets the matched characters from <paramref name="text"/>.</summary>
    /// <param name="text">The text the match was found in.</param>
    /// <returns>The matched slice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The match lies outside <paramref name="text"/>.</exception>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
