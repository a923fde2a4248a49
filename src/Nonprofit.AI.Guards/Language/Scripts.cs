using System;

namespace Nonprofit.AI.Guards;

/// <summary>ISO 15924 codes of the scripts <see cref="LanguageIdentifier"/> tells apart.</summary>
internal static class Scripts
{
    public const string Latin = "Latn";
    public const string Devanagari = "Deva";
    public const string Arabic = "Arab";
    public const string Han = "Hani";
    public const string HanSimplified = "Hans";
    public const string HanTraditional = "Hant";
    public const string Japanese = "Jpan";
    public const string Korean = "Kore";
    public const string Cyrillic = "Cyrl";
    public const string Greek = "Grek";
    public const string Hebrew = "Hebr";
    public const string Thai = "Thai";
    public const string Bengali = "Beng";
    public const string Gurmukhi = "Guru";
    public const string Gujarati = "Gujr";
    public const string Tamil = "Taml";
    public const string Telugu = "Telu";
    public const string Kannada = "Knda";
    public const string Malayalam = "Mlym";
    public const string Georgian = "Geor";
    public const string Armenian = "Armn";
    public const string Ethiopic = "Ethi";
    public const string Other = "Zyyy";
}

/// <summary>Letters of a text counted per script, in one pass, without allocating.</summary>
internal struct ScriptCounts
{
    private const int ScriptCount = 20;

    // Index order matches s_names.
    private static readonly string[] s_names =
    [
        Scripts.Latin, Scripts.Devanagari, Scripts.Arabic, Scripts.Han, Scripts.Japanese, Scripts.Korean, Scripts.Cyrillic,
        Scripts.Greek, Scripts.Hebrew, Scripts.Thai, Scripts.Bengali, Scripts.Gurmukhi, Scripts.Gujarati, Scripts.Tamil,
        Scripts.Telugu, Scripts.Kannada, Scripts.Malayalam, Scripts.Georgian, Scripts.Armenian, Scripts.Ethiopic,
    ];

    private CountBuffer _counts;

    /// <summary>All letters counted (of any script, including ones not listed).</summary>
    public int Letters { get; private set; }

    /// <summary>Arabic-script letters only Urdu (among Arabic, Persian, Urdu) uses: ٹ ڈ ڑ ں ے.</summary>
    public int UrduLetters { get; private set; }

    /// <summary>Arabic-script letters Persian and Urdu use and Arabic does not: پ چ ژ گ.</summary>
    public int PersianLetters { get; private set; }

    /// <summary>Han characters only simplified Chinese writes (of a short list of frequent ones).</summary>
    public int SimplifiedHan { get; private set; }

    /// <summary>Han characters only traditional Chinese writes (of a short list of frequent ones).</summary>
    public int TraditionalHan { get; private set; }

    /// <summary>The letters of the most frequent script.</summary>
    public readonly int MainCount
    {
        get
        {
            var max = 0;
            for (var i = 0; i < ScriptCount; i++)
            {
                max = Math.Max(max, _counts[i]);
            }

            return max;
        }
    }

    public static ScriptCounts Of(ReadOnlySpan<char> text)
    {
        var counts = default(ScriptCounts);
        foreach (var c in text)
        {
            counts.Add(c);
        }

        return counts;
    }

    /// <summary>The most frequent script other than Latin, or null when there is none.</summary>
    public readonly string? OtherScript()
    {
        var best = -1;
        var max = 0;
        for (var i = 1; i < ScriptCount; i++)
        {
            if (_counts[i] > max)
            {
                max = _counts[i];
                best = i;
            }
        }

        return best < 0 ? null : s_names[best];
    }

    /// <summary>The letters counted for <paramref name="script"/> (one of the ISO 15924 codes this type names).</summary>
    public readonly int Count(string script) => Array.IndexOf(s_names, script) is var i and >= 0 ? _counts[i] : 0;

    /// <summary>The ISO 15924 code of the most frequent script; Kana makes Han text Japanese; null without letters.</summary>
    public readonly string? MainScript()
    {
        if (Letters == 0)
        {
            return null;
        }

        var best = -1;
        var max = 0;
        for (var i = 0; i < ScriptCount; i++)
        {
            if (_counts[i] > max)
            {
                max = _counts[i];
                best = i;
            }
        }

        return best < 0 ? Scripts.Other : s_names[best];
    }

    private void Add(char c)
    {
        int index;
        if (c < 0x80)
        {
            if (!char.IsAsciiLetter(c))
            {
                return;
            }

            index = 0;
        }
        else if (!char.IsLetter(c))
        {
            // Devanagari and other Brahmic vowel signs are marks, not letters: count them with their script.
            if (c is >= '\u0900' and <= '\u097F' && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                _counts[1]++;
                Letters++;
            }

            return;
        }
        else
        {
            index = c switch
            {
                <= '\u024F' => 0,
                >= '\u1E00' and <= '\u1EFF' => 0,
                >= '\u0370' and <= '\u03FF' => 7,
                >= '\u0400' and <= '\u052F' => 6,
                >= '\u0530' and <= '\u058F' => 18,
                >= '\u0590' and <= '\u05FF' => 8,
                >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => 2,
                >= '\u0900' and <= '\u097F' => 1,
                >= '\u0980' and <= '\u09FF' => 10,
                >= '\u0A00' and <= '\u0A7F' => 11,
                >= '\u0A80' and <= '\u0AFF' => 12,
                >= '\u0B80' and <= '\u0BFF' => 13,
                >= '\u0C00' and <= '\u0C7F' => 14,
                >= '\u0C80' and <= '\u0CFF' => 15,
                >= '\u0D00' and <= '\u0D7F' => 16,
                >= '\u0E00' and <= '\u0E7F' => 9,
                >= '\u10A0' and <= '\u10FF' => 17,
                >= '\u1100' and <= '\u11FF' or >= '\uAC00' and <= '\uD7AF' or >= '\u3130' and <= '\u318F' => 5,
                >= '\u1200' and <= '\u139F' => 19,
                >= '\u3040' and <= '\u30FF' => 4,
                >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' => 3,
                _ => -1,
            };
        }

        Letters++;
        if (index < 0)
        {
            return;
        }

        if (index == 4)
        {
            // Kana: the text is Japanese; its kanji count for Japanese too (see below).
            _counts[4] += 2;
            return;
        }

        _counts[index]++;
        if (index == 2)
        {
            if (c is '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06D2')
            {
                UrduLetters++;
            }
            else if (c is '\u067E' or '\u0686' or '\u0698' or '\u06AF')
            {
                PersianLetters++;
            }
        }
        else if (index == 3)
        {
            if ("们这个说会来时为对与还么吗让国学见过们问间东车长门没".Contains(c, StringComparison.Ordinal))
            {
                SimplifiedHan++;
            }
            else if ("們這個說會來時為對與還麼嗎讓國學見過問間東車長門沒".Contains(c, StringComparison.Ordinal))
            {
                TraditionalHan++;
            }
        }
    }

    [System.Runtime.CompilerServices.InlineArray(ScriptCount)]
    private struct CountBuffer
    {
        private int _element;
    }
}
