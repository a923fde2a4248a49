using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Nonprofit.Analyzers.Core;

/// <summary>Splits identifiers into lower-case words: <c>dateOfBirth</c>, <c>DATE_OF_BIRTH</c> and <c>DateOfBirth</c> all give "date", "of", "birth".</summary>
internal static class IdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>(4);
        var text = RemoveDiacritics(identifier.TrimStart('@', '_'));
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(text, ref start, i, words);
                continue;
            }

            if (start >= 0 && IsBoundary(text, i))
            {
                Flush(text, ref start, i, words);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(text, ref start, text.Length, words);
        return words;
    }

    private static bool IsBoundary(string text, int i)
    {
        var previous = text[i - 1];
        var c = text[i];
        if (char.IsDigit(c) != char.IsDigit(previous))
        {
            return true;
        }

        if (char.IsUpper(c) && char.IsLower(previous))
        {
            return true;
        }

        // "SSNNumber": the last capital of a run starts the next word when a lower-case letter follows.
        return char.IsUpper(c) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }

    private static void Flush(string text, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(text.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }

    private static string RemoveDiacritics(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
