using System;
using System.Buffers;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Devanagari digits (० to ९, U+0966 to U+096F) read as ASCII digits: the digit-reading recognizers (numbers, dates,
/// ages, positions) scan a copy of the text in which each Devanagari digit is replaced by its ASCII digit. Each digit
/// is one UTF-16 unit in both scripts, so every offset in the copy is the same offset in the text.
/// </summary>
internal static class DevanagariDigits
{
    /// <summary>A text no longer than this is copied into the caller's stack buffer.</summary>
    public const int StackLength = 256;

    private const char Zero = '\u0966';
    private const char Nine = '\u096F';

    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789०१२३४५६७८९");

    /// <summary>Returns the index of the first digit (ASCII or Devanagari) in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfAnyDigit(ReadOnlySpan<char> text) => text.IndexOfAny(s_digits);

    /// <summary>Returns whether <paramref name="text"/> has a Devanagari digit.</summary>
    public static bool In(ReadOnlySpan<char> text) => text.IndexOfAnyInRange(Zero, Nine) >= 0;

    /// <summary>
    /// Returns whether <paramref name="text"/> has a digit (ASCII or Devanagari) and, in <paramref name="devanagari"/>,
    /// whether it has a Devanagari digit: one search on a text without digits, the common case.
    /// </summary>
    public static bool HasDigits(ReadOnlySpan<char> text, out bool devanagari)
    {
        var first = text.IndexOfAny(s_digits);
        devanagari = first >= 0 && In(text[first..]);
        return first >= 0;
    }

    /// <summary>Copies <paramref name="text"/> with its Devanagari digits made ASCII, into <paramref name="stack"/> when it fits.</summary>
    /// <param name="text">The text.</param>
    /// <param name="stack">A buffer of <see cref="StackLength"/> characters on the caller's stack.</param>
    /// <returns>The copy; dispose it to return a rented buffer.</returns>
    public static AsciiCopy Copy(ReadOnlySpan<char> text, Span<char> stack)
    {
        char[]? rented = null;
        var copy = text.Length <= stack.Length ? stack[..text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        text.CopyTo(copy);
        for (var i = copy.IndexOfAnyInRange(Zero, Nine); i >= 0; i = copy.IndexOfAnyInRange(Zero, Nine))
        {
            copy[i] = (char)('0' + (copy[i] - Zero));
        }

        return new AsciiCopy(copy, rented);
    }

    /// <summary>A text's copy with ASCII digits (see <see cref="Copy"/>).</summary>
    public readonly ref struct AsciiCopy
    {
        private readonly char[]? _rented;

        internal AsciiCopy(ReadOnlySpan<char> text, char[]? rented)
        {
            Text = text;
            _rented = rented;
        }

        /// <summary>Gets the copy.</summary>
        public ReadOnlySpan<char> Text { get; }

        /// <summary>Returns the rented buffer, if any (the copy is cleared first: it holds the text).</summary>
        public void Dispose()
        {
            if (_rented is not null)
            {
                _rented.AsSpan(0, Text.Length).Clear();
                ArrayPool<char>.Shared.Return(_rented);
            }
        }
    }
}
