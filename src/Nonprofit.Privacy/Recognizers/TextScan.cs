using System;
using System.Buffers;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>Character classes and small scanning helpers shared by the recognizers.</summary>
internal static class TextScan
{
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Returns whether <paramref name="c"/> continues a word (letter, digit, combining mark).</summary>
    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>Returns whether the character before <paramref name="index"/> is not a word character.</summary>
    public static bool StartsWord(ReadOnlySpan<char> text, int index) => index == 0 || !IsWordChar(text[index - 1]);

    /// <summary>Returns whether the character at <paramref name="index"/> is not a word character.</summary>
    public static bool EndsWord(ReadOnlySpan<char> text, int index) => index >= text.Length || !IsWordChar(text[index]);

    /// <summary>Copies the ASCII digits of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of digits copied, or -1 if they do not fit.</returns>
    public static int CopyDigits(ReadOnlySpan<char> source, Span<char> destination)
    {
        var n = 0;
        foreach (var c in source)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == destination.Length)
                {
                    return -1;
                }

                destination[n++] = c;
            }
        }

        return n;
    }
}
