using System;
using System.Buffers;

namespace Nonprofit.AI.Guards;

/// <summary>
/// A small deterministic Devanagari → Latin transliteration of Hindi as people type it in chat ("Hinglish"): consonants
/// and vowels to their common ASCII spellings (<c>ख</c> → <c>kh</c>, <c>आ</c> → <c>aa</c>, the sign <c>ा</c> → <c>a</c>,
/// <c>ज़</c> → <c>z</c>), anusvara and chandrabindu → <c>n</c> (<c>m</c> before a labial), and Hindi schwa deletion: the
/// inherent <c>a</c> of a word's last consonant is dropped (<c>नफ़रत</c> → <c>nafrat</c>), and inside a word in the
/// context vowel–consonant–(a)–consonant–vowel, scanning from the right (<c>समझना</c> → <c>samajhna</c>). Danda → full stop, Devanagari digits → ASCII digits; everything
/// that is not Devanagari is copied unchanged. Used by <see cref="HateSpeechModel"/> in front of its featurizer so that
/// Devanagari Hindi meets the features of romanised Hindi (Multilingual HateCheck's Hindi is romanised).
/// </summary>
internal static class DevanagariTransliteration
{
    /// <summary>The most Latin characters one Devanagari character becomes (<c>छ</c> → <c>chha</c>).</summary>
    public const int MaxExpansion = 4;

    private const char Virama = '\u094D';
    private const char Nukta = '\u093C';
    private const char Inherent = '\0';
    private const int WordStackLimit = 128;

    // U+0900..U+097F: the Latin spelling of a consonant, independent vowel or vowel sign; null = not a letter we spell.
    private static readonly string?[] s_latin = BuildTable();

    /// <summary>Whether <paramref name="text"/> has any character of the Devanagari block.</summary>
    public static bool Contains(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\u0900', '\u097F') >= 0;

    /// <summary>Transliterates <paramref name="text"/> (allocating; for training code).</summary>
    public static string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Contains(text))
        {
            return text;
        }

        var buffer = new char[text.Length * MaxExpansion];
        return new string(buffer, 0, Transliterate(text, buffer));
    }

    /// <summary>Transliterates <paramref name="text"/> into <paramref name="destination"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="destination">At least <see cref="MaxExpansion"/> times as long as <paramref name="text"/>.</param>
    /// <returns>The number of characters written.</returns>
    public static int Transliterate(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length * MaxExpansion)
        {
            throw new ArgumentException("The destination must be MaxExpansion times as long as the text.", nameof(destination));
        }

        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                destination[written++] = text[i] switch
                {
                    '\u0964' or '\u0965' => '.', // danda
                    >= '\u0966' and <= '\u096F' => (char)('0' + (text[i] - '\u0966')), // digits
                    _ => text[i],
                };
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            written += Word(text[i..end], destination[written..]);
            i = end;
        }

        return written;
    }

    private static bool IsWordChar(char c) => c is (>= '\u0900' and <= '\u0963') or (>= '\u0970' and <= '\u097F') or '\u200C' or '\u200D';

    /// <summary>One Devanagari word: units of consonant (or independent vowel) + vowel + nasal/visarga, schwa deletion, spelling.</summary>
    private static int Word(ReadOnlySpan<char> word, Span<char> destination)
    {
        int[]? rented = null;
        var size = word.Length * 3;
        var units = size <= WordStackLimit * 3 ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size));
        try
        {
            // units[3k] = the letter (consonant or independent vowel, with nukta folded in as a negative code),
            // units[3k+1] = the vowel sign, Inherent, or Virama, units[3k+2] = the nasal/visarga sign or 0.
            var count = 0;
            foreach (var c in word)
            {
                if (c is '\u200C' or '\u200D')
                {
                    continue;
                }

                if (c == Nukta)
                {
                    if (count > 0 && units[(3 * (count - 1)) + 1] == Inherent && units[3 * (count - 1)] > 0)
                    {
                        units[3 * (count - 1)] = -units[3 * (count - 1)];
                    }

                    continue;
                }

                if (c is '\u0901' or '\u0902' or '\u0903')
                {
                    if (count > 0)
                    {
                        units[(3 * (count - 1)) + 2] = c;
                    }

                    continue;
                }

                if (IsVowelSign(c) || c == Virama)
                {
                    if (count > 0 && IsConsonant(Math.Abs(units[3 * (count - 1)])) && units[(3 * (count - 1)) + 1] == Inherent)
                    {
                        units[(3 * (count - 1)) + 1] = c;
                    }

                    continue;
                }

                units[3 * count] = c;
                units[(3 * count) + 1] = IsConsonant(c) ? Inherent : c; // an independent vowel is its own vowel
                units[(3 * count) + 2] = 0;
                count++;
            }

            // Schwa deletion; a deleted schwa is marked as a virama.
            if (count >= 2 && units[(3 * (count - 1)) + 1] == Inherent && units[(3 * (count - 2)) + 1] != Virama)
            {
                units[(3 * (count - 1)) + 1] = Virama;
            }

            for (var k = count - 2; k >= 1; k--)
            {
                if (units[(3 * k) + 1] == Inherent && units[(3 * k) + 2] == 0 && HasVowel(units, k - 1) && HasVowel(units, k + 1)
                    && IsConsonant(Math.Abs(units[3 * (k + 1)])))
                {
                    units[(3 * k) + 1] = Virama;
                }
            }

            var written = 0;
            for (var k = 0; k < count; k++)
            {
                var letter = units[3 * k];
                written += Append(Spelling(letter), destination[written..]);
                var vowel = units[(3 * k) + 1];
                if (IsConsonant(Math.Abs(letter)))
                {
                    written += vowel == Inherent ? Append("a", destination[written..]) : vowel == Virama ? 0 : Append(s_latin[vowel - 0x0900], destination[written..]);
                }

                var mark = units[(3 * k) + 2];
                if (mark != 0)
                {
                    var next = k + 1 < count ? Math.Abs(units[3 * (k + 1)]) : 0;
                    destination[written++] = mark == '\u0903' ? 'h' : next is '\u092A' or '\u092B' or '\u092C' or '\u092D' or '\u092E' ? 'm' : 'n';
                }
            }

            return written;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private static bool HasVowel(ReadOnlySpan<int> units, int k) => units[(3 * k) + 1] != Virama;

    private static bool IsConsonant(int c) => c is (>= 0x0915 and <= 0x0939) or (>= 0x0958 and <= 0x095F);

    private static bool IsVowelSign(char c) => c is (>= '\u093E' and <= '\u094C') or '\u0962' or '\u0963';

    /// <summary>The spelling of a letter; a negative code is the letter with a nukta.</summary>
    private static string Spelling(int letter) => letter switch
    {
        -0x0915 => "q",
        -0x091C => "z",
        -0x0921 => "r",
        -0x0922 => "rh",
        -0x092B => "f",
        < 0 => s_latin[-letter - 0x0900] ?? string.Empty,
        _ => s_latin[letter - 0x0900] ?? string.Empty,
    };

    private static int Append(string? text, Span<char> destination)
    {
        if (text is null)
        {
            return 0;
        }

        text.CopyTo(destination);
        return text.Length;
    }

    private static string?[] BuildTable()
    {
        var table = new string?[0x80];
        void Set(int first, params string[] spellings)
        {
            for (var k = 0; k < spellings.Length; k++)
            {
                table[first - 0x0900 + k] = spellings[k].Length == 0 ? null : spellings[k];
            }
        }

        // Independent vowels U+0904..U+0914.
        Set(0x0904, "a", "a", "aa", "i", "ee", "u", "oo", "ri", "li", "e", "e", "e", "ai", "o", "o", "o", "au");

        // Consonants U+0915..U+0939.
        Set(0x0915, "k", "kh", "g", "gh", "n", "ch", "chh", "j", "jh", "n", "t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n", "n",
            "p", "f", "b", "bh", "m", "y", "r", "r", "l", "l", "l", "v", "sh", "sh", "s", "h");

        // Vowel signs U+093E..U+094C.
        Set(0x093E, "a", "i", "i", "u", "oo", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au");

        // Consonants with nukta U+0958..U+095F, vocalic signs U+0962..U+0963, om.
        Set(0x0958, "q", "kh", "g", "z", "r", "rh", "f", "y");
        Set(0x0962, "li", "li");
        Set(0x0950, "om");
        return table;
    }
}
