using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Nonprofit.AI.Guards.Detection;

/// <summary>
/// The one text normalisation every detector of this package uses, so that lexicons, n-gram models and the CLI agree:
/// lower-case (invariant), Latin diacritics removed (<c>é</c> → <c>e</c>), apostrophes dropped (<c>don't</c> →
/// <c>dont</c>), every decimal digit of any script mapped to <c>0</c>, every other non-letter (punctuation, symbols,
/// emoji, whitespace) mapped to one space, no leading or trailing space. Letters and combining marks of other scripts
/// (Devanagari matras, Arabic harakat) are kept, because they carry meaning there.
/// </summary>
internal static class GuardText
{
    private const char Drop = '\0';
    private const char Space = ' ';

    // Folded form of U+0000..U+024F: a lower-case letter without diacritics, '0', Space or Drop.
    private static readonly char[] s_latinTable = BuildLatinTable(keepDiacritics: false);

    // The same, but letters keep their diacritics (é stays é): for language identification, where ã, ñ, ł, ß matter.
    private static readonly char[] s_latinTableWithDiacritics = BuildLatinTable(keepDiacritics: true);

    /// <summary>Normalises <paramref name="text"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The normalised text (never longer than the input).</returns>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        char[]? rented = null;
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var length = Normalize(text, buffer);
        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Normalises <paramref name="text"/> into <paramref name="destination"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="destination">At least as long as <paramref name="text"/>.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="text"/>.</exception>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination) => Normalize(text, destination, keepDiacritics: false);

    /// <summary>
    /// Normalises <paramref name="text"/> into <paramref name="destination"/>, optionally keeping the diacritics of
    /// precomposed Latin letters (<c>São</c> → <c>são</c> instead of <c>sao</c>); everything else as
    /// <see cref="Normalize(ReadOnlySpan{char}, Span{char})"/>. Applying it twice gives the same text.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="destination">At least as long as <paramref name="text"/>.</param>
    /// <param name="keepDiacritics">Whether precomposed Latin letters keep their diacritics (combining marks are still dropped).</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="text"/>.</exception>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, bool keepDiacritics)
    {
        if (destination.Length < text.Length)
        {
            throw new ArgumentException("The destination must be at least as long as the text.", nameof(destination));
        }

        var table = keepDiacritics ? s_latinTableWithDiacritics : s_latinTable;
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var folded = c < table.Length ? table[c] : Fold(c);
            if (folded == Drop)
            {
                continue;
            }

            if (folded == Space)
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[length++] = Space;
                pendingSpace = false;
            }

            destination[length++] = folded;
        }

        return length;
    }

    /// <summary>Folds one character: a letter or mark to keep, <c>'0'</c>, <c>' '</c> (a separator) or <c>'\0'</c> (drop).</summary>
    private static char Fold(char c)
    {
        if (c < s_latinTable.Length)
        {
            return s_latinTable[c];
        }

        if (c is '\u2019' or '\u2018' or '\u02BC')
        {
            return Drop;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                return char.ToLowerInvariant(c);
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.ModifierLetter:
                return c;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                // Latin combining diacritics (U+0300..U+036F) are dropped; other scripts' marks are letters' parts.
                return c is >= '\u0300' and <= '\u036F' ? Drop : c;
            case UnicodeCategory.DecimalDigitNumber:
                return '0';
            case UnicodeCategory.Format:
                return Drop; // zero-width joiners and the like
            default:
                return Space;
        }
    }

    private static char[] BuildLatinTable(bool keepDiacritics)
    {
        var table = new char[0x250];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (c is '\'' or '`' or '\u00B4')
            {
                table[i] = Drop;
            }
            else if (char.IsDigit(c))
            {
                table[i] = '0';
            }
            else if (char.IsLetter(c))
            {
                var lower = char.ToLowerInvariant(c);
                if (keepDiacritics)
                {
                    table[i] = lower;
                    continue;
                }

                var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
                table[i] = decomposed.Length > 0 && decomposed[0] < 0x250 && char.IsLetter(decomposed[0]) ? decomposed[0] : lower;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
            {
                table[i] = Drop;
            }
            else
            {
                table[i] = Space;
            }
        }

        return table;
    }
}
