using System;
using System.Buffers;
using System.Text;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Undoes what attackers use to hide words from the rules and the model, so the detector can read the text once more
/// without the mask: look-alike letters inside Latin words (Cyrillic and Greek homoglyphs, full-width forms), leetspeak
/// digits between letters ("ign0re"), letters spaced out one by one ("i g n o r e", "i.g.n.o.r.e"), and base64 or hex runs
/// of 16 characters or more that decode to readable UTF-8 text (replaced by that text). Zero-width and bidi controls need
/// nothing here: <c>GuardText.Normalize</c> drops them. Reversed and ROT13 text are tried on the normalised text when it
/// contains a reversed or ROT13 form of a key word (the lexicon's masked forms).
/// One pass, linear in the text; the unmasked text is never longer than the input. Allocation-free apart from pooled buffers.
/// </summary>
internal static class InjectionUnmasking
{
    /// <summary>The shortest base64 or hex run that is decoded.</summary>
    internal const int MinEncodedRun = 16;

    /// <summary>The fewest single letters in a row, one separator apart, that are joined into a word.</summary>
    private const int MinSpacedLetters = 3;

    /// <summary>
    /// Whether the normalised text may hide something <see cref="Unmask"/> reveals, beyond what the rules already noted
    /// (<see cref="InjectionRuleMatch.MaybeMasked"/>): Greek, Cyrillic or full-width letters, or a digit between two letters.
    /// Vectorised searches, so a plain text costs little.
    /// </summary>
    public static bool MayHideLetters(ReadOnlySpan<char> normalized)
    {
        // Letters beyond Latin (rare in Latin-script text; Arabic and Devanagari text then takes the closer look).
        var other = normalized.IndexOfAnyExceptInRange(' ', '\u024F');
        if (other >= 0)
        {
            var rest = normalized[other..];
            if (rest.IndexOfAnyInRange('\u0370', '\u052F') >= 0 || rest.IndexOfAnyInRange('\uFF01', '\uFF5E') >= 0 || rest.Contains('\u0261'))
            {
                return true;
            }
        }

        // GuardText.Normalize writes every digit as '0'.
        var from = 0;
        while (true)
        {
            var i = normalized[from..].IndexOf('0');
            if (i < 0)
            {
                return false;
            }

            i += from;
            if (i > 0 && i + 1 < normalized.Length && char.IsLetter(normalized[i - 1]) && char.IsLetter(normalized[i + 1]))
            {
                return true;
            }

            from = i + 1;
        }
    }

    /// <summary>Writes the normalised text reversed (characters in reverse order, so words and their letters both turn).</summary>
    public static void Reverse(ReadOnlySpan<char> normalized, Span<char> destination)
    {
        normalized.CopyTo(destination);
        destination[..normalized.Length].Reverse();
    }

    /// <summary>Writes the normalised text with its ASCII letters rotated by 13.</summary>
    public static void Rot13(ReadOnlySpan<char> normalized, Span<char> destination)
    {
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            destination[i] = c is >= 'a' and <= 'z' ? (char)('a' + ((c - 'a' + 13) % 26)) : c;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> without its masks into <paramref name="destination"/> (at least as long as the text).
    /// </summary>
    /// <returns>The length written, or -1 when nothing was masked (the text would come out unchanged).</returns>
    public static int Unmask(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length)
        {
            throw new ArgumentException("The destination must be at least as long as the text.", nameof(destination));
        }

        var changed = false;
        var length = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsBase64Char(c) && (i == 0 || !IsBase64Char(text[i - 1])))
            {
                // A run is looked at once, from its first character: linear however long the text.
                var end = i;
                while (end < text.Length && IsBase64Char(text[end]))
                {
                    end++;
                }

                if (end - i >= MinEncodedRun)
                {
                    var decoded = TryDecode(text[i..end], destination[length..]);
                    if (decoded > 0)
                    {
                        length += decoded;
                        changed = true;
                        i = end;
                        while (i < text.Length && i - end < 2 && text[i] == '=')
                        {
                            i++;
                        }

                        continue;
                    }

                    // Letters spaced with dashes or underscores ("i-g-n-o-r-e-a-l-l-…") are base64 characters too: a
                    // run that is not base64 but is such a spaced run goes on to the spaced-letter step below.
                    if (!(IsLetter(c) && IsSpacedRun(text, i, out _)))
                    {
                        // An identifier, a key or a binary attachment: copied as it is (its digits are not leetspeak).
                        text[i..end].CopyTo(destination[length..]);
                        length += end - i;
                        i = end;
                        continue;
                    }
                }
            }

            var wordStart = IsWordChar(c) && (i == 0 || !IsWordChar(text[i - 1]));
            if (wordStart && IsLetter(c) && IsSpacedRun(text, i, out var spacedEnd))
            {
                for (var k = i; k < spacedEnd; k++)
                {
                    if (!IsSeparator(text[k]))
                    {
                        destination[length++] = Fold(text[k]);
                    }
                }

                changed = true;
                i = spacedEnd;
                continue;
            }

            if (wordStart)
            {
                var end = i;
                while (end < text.Length && IsWordChar(text[end]))
                {
                    end++;
                }

                length += CopyWord(text[i..end], destination[length..], ref changed);
                i = end;
                continue;
            }

            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                destination[length++] = (char)(c - 0xFEE0);
                changed = true;
            }
            else
            {
                destination[length++] = c;
            }

            i++;
        }

        return changed ? length : -1;
    }

    /// <summary>
    /// Copies a word, folding look-alike letters when it also has an ASCII letter (a mixed-script word: "іgnоre" with
    /// Cyrillic і and о; a word all in Cyrillic or Greek is left alone), full-width letters, and leetspeak digits when one
    /// sits between two letters and every digit of the word is a leet digit ("ign0re", "rul3s"; not "10am", "mp3", "covid19").
    /// </summary>
    private static int CopyWord(ReadOnlySpan<char> word, Span<char> destination, ref bool changed)
    {
        var ascii = false;
        var lookAlike = false;
        var leet = true;
        var between = false;
        var digits = false;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                ascii = true;
            }
            else if (c is >= '0' and <= '9')
            {
                digits = true;
                leet &= Leet(c) != c;
                between |= k > 0 && k < word.Length - 1 && char.IsAsciiLetter(word[k - 1]) && (char.IsAsciiLetter(word[k + 1]) || Leet(word[k + 1]) != word[k + 1]);
            }
            else if (Fold(c) != c)
            {
                lookAlike = true;
            }
        }

        var foldLeet = digits && leet && between;
        var foldLooks = lookAlike && (ascii || foldLeet);
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            var d = c;
            if (foldLeet && c is >= '0' and <= '9')
            {
                d = Leet(c);
            }
            else if (c is >= '\uFF01' and <= '\uFF5E')
            {
                d = (char)(c - 0xFEE0);
            }
            else if (foldLooks)
            {
                d = Fold(c);
            }

            changed |= d != c;
            destination[k] = d;
        }

        return word.Length;
    }

    /// <summary>
    /// Whether single letters, one separator (space, dot, dash, underscore, asterisk) apart, start at
    /// <paramref name="start"/>: at least <see cref="MinSpacedLetters"/> of them, the first not glued to a word before it.
    /// </summary>
    private static bool IsSpacedRun(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        if (start > 0 && IsWordChar(text[start - 1]))
        {
            return false;
        }

        var letters = 0;
        var k = start;
        char separator = '\0';
        while (k < text.Length && IsLetter(text[k]) && (k + 1 == text.Length || !IsWordChar(text[k + 1])))
        {
            letters++;
            end = k + 1;
            if (k + 2 < text.Length && IsSeparator(text[k + 1]) && (separator == '\0' || text[k + 1] == separator) && IsLetter(text[k + 2]))
            {
                separator = text[k + 1];
                k += 2;
                continue;
            }

            break;
        }

        return letters >= MinSpacedLetters;
    }

    /// <summary>
    /// Decodes a base64 (standard or URL-safe, padding optional) or hex run into text, if it is valid UTF-8 of readable
    /// text with at least one space (not an identifier or a binary attachment).
    /// </summary>
    /// <returns>The characters written (never more than the run's length), or 0.</returns>
    private static int TryDecode(ReadOnlySpan<char> run, Span<char> destination)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(run.Length);
        try
        {
            var count = IsHex(run) ? DecodeHex(run, bytes) : DecodeBase64(run, bytes);
            if (count <= 0)
            {
                return 0;
            }

            var utf8 = bytes.AsSpan(0, count);
            if (!System.Text.Unicode.Utf8.IsValid(utf8))
            {
                return 0;
            }

            var chars = Encoding.UTF8.GetCharCount(utf8);
            if (chars + 2 > run.Length || chars + 2 > destination.Length)
            {
                return 0;
            }

            var written = Encoding.UTF8.GetChars(utf8, destination[1..]);
            var text = destination.Slice(1, written);
            var letters = 0;
            var spaces = 0;
            foreach (var ch in text)
            {
                if (char.IsLetter(ch))
                {
                    letters++;
                }
                else if (ch == ' ')
                {
                    spaces++;
                }
                else if (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))
                {
                    return 0;
                }
            }

            if (spaces == 0 || letters * 10 < written * 6)
            {
                return 0;
            }

            destination[0] = ' ';
            destination[written + 1] = ' ';
            return written + 2;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool IsHex(ReadOnlySpan<char> run)
    {
        if (run.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in run)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int DecodeHex(ReadOnlySpan<char> run, Span<byte> bytes)
    {
        for (var k = 0; k < run.Length; k += 2)
        {
            bytes[k / 2] = (byte)((HexValue(run[k]) << 4) | HexValue(run[k + 1]));
        }

        return run.Length / 2;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static int DecodeBase64(ReadOnlySpan<char> run, Span<byte> bytes)
    {
        // Decoded by hand so that URL-safe letters and a missing padding need no copy: 4 characters → 3 bytes.
        var count = 0;
        var acc = 0;
        var bits = 0;
        foreach (var c in run)
        {
            var v = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '+' or '-' => 62,
                _ => 63, // '/' or '_'
            };
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[count++] = (byte)(acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }

        return run.Length % 4 == 1 ? 0 : count;
    }

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_';

    private static bool IsLetter(char c) => char.IsLetter(c);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || (c >= '\u0300' && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    private static bool IsSeparator(char c) => c is ' ' or '.' or '-' or '_' or '*' or '\u00B7';

    private static char Leet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        _ => c,
    };

    /// <summary>A Cyrillic or Greek look-alike of a Latin letter, or a full-width letter, as that Latin letter; else itself.</summary>
    internal static char Fold(char c) => c switch
    {
        >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' => (char)(c - 0xFEE0),
        '\u0430' or '\u0410' or '\u03B1' or '\u0391' => 'a',
        '\u0412' or '\u0392' or '\u03B2' => 'b',
        '\u0441' or '\u0421' or '\u03F2' => 'c',
        '\u0501' => 'd',
        '\u0435' or '\u0415' or '\u0395' or '\u03B5' => 'e',
        '\u0261' => 'g',
        '\u04BB' or '\u041D' or '\u0397' => 'h',
        '\u0456' or '\u0406' or '\u03B9' or '\u0399' or '\u04CF' => 'i',
        '\u0458' or '\u0408' => 'j',
        '\u043A' or '\u041A' or '\u03BA' or '\u039A' => 'k',
        '\u041C' or '\u039C' => 'm',
        '\u039D' or '\u03B7' => 'n',
        '\u043E' or '\u041E' or '\u03BF' or '\u039F' => 'o',
        '\u0440' or '\u0420' or '\u03C1' or '\u03A1' => 'p',
        '\u051B' => 'q',
        '\u0455' or '\u0405' => 's',
        '\u0422' or '\u03A4' or '\u03C4' => 't',
        '\u03C5' or '\u03A5' => 'u',
        '\u03BD' => 'v',
        '\u051D' => 'w',
        '\u0445' or '\u0425' or '\u03C7' or '\u03A7' => 'x',
        '\u0443' or '\u0423' or '\u03B3' => 'y',
        '\u0396' => 'z',
        _ => c,
    };
}
