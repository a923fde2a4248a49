using System;
using System.Text;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Replaces the pseudonyms a vault handed out for one scope (<c>&lt;TYPE_N&gt;</c>) with their values. Text that looks
/// like a pseudonym but is not in the vault stays as it is.
/// </summary>
internal static class PseudonymRestorer
{
    /// <summary>The longest pseudonym body (between the angle brackets) that is looked up.</summary>
    public const int MaxBodyLength = 64;

    public static bool IsBodyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>Restores <paramref name="text"/>; returns it unchanged (same instance) when nothing was restored.</summary>
    public static string Restore(string text, IPseudonymVault vault, string scope, ref int restored)
    {
        var open = text.IndexOf('<', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        StringBuilder? sb = null;
        var copied = 0;
        while (open >= 0)
        {
            var close = BodyEnd(text, open);
            if (close > 0 && vault.TryReveal(scope, text[open..(close + 1)], out var value))
            {
                sb ??= new StringBuilder(text.Length + 16);
                sb.Append(text, copied, open - copied).Append(value);
                copied = close + 1;
                restored++;
                open = close + 1 < text.Length ? text.IndexOf('<', close + 1) : -1;
            }
            else
            {
                open = open + 1 < text.Length ? text.IndexOf('<', open + 1) : -1;
            }
        }

        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The index of the '&gt;' closing a pseudonym-shaped token that starts at <paramref name="open"/>, or -1.</summary>
    private static int BodyEnd(string text, int open)
    {
        var limit = Math.Min(text.Length, open + 2 + MaxBodyLength);
        for (var i = open + 1; i < limit; i++)
        {
            var c = text[i];
            if (c == '>')
            {
                return i > open + 1 ? i : -1;
            }

            if (!IsBodyChar(c))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The length of the shortest suffix of <paramref name="text"/> that could still be the start of a pseudonym when
    /// more text follows: from the last '&lt;' when only body characters follow it (and not too many), else 0.
    /// </summary>
    public static int OpenSuffixLength(ReadOnlySpan<char> text)
    {
        var open = text.LastIndexOf('<');
        if (open < 0 || text.Length - open - 1 > MaxBodyLength)
        {
            return 0;
        }

        for (var i = open + 1; i < text.Length; i++)
        {
            if (!IsBodyChar(text[i]))
            {
                return 0;
            }
        }

        return text.Length - open;
    }
}
