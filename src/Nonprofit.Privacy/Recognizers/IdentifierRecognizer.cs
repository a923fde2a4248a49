using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Alphanumeric identifiers: IBAN (mod 97, per-country length, also written in groups of four), SWIFT/BIC
/// (context), UK NINO, ES DNI/NIE (mod-23 letter), IN PAN, KE KRA PIN, passport numbers (context) and crypto
/// wallet addresses (Base58Check, Bech32).
/// </summary>
internal sealed class IdentifierRecognizer : IPiiRecognizer
{
    private static readonly PiiEntityType[] s_types =
    [
        PiiEntityType.IbanCode, PiiEntityType.SwiftCode, PiiEntityType.UkNino, PiiEntityType.EsDni, PiiEntityType.EsNie,
        PiiEntityType.InPan, PiiEntityType.KeKraPin, PiiEntityType.Passport, PiiEntityType.Crypto,
    ];

    // IBAN lengths by country (ISO 13616 registry).
    private static readonly FrozenDictionary<string, int> s_ibanLengths = new Dictionary<string, int>
    {
        ["AD"] = 24,
        ["AE"] = 23,
        ["AL"] = 28,
        ["AT"] = 20,
        ["AZ"] = 28,
        ["BA"] = 20,
        ["BE"] = 16,
        ["BG"] = 22,
        ["BH"] = 22,
        ["BR"] = 29,
        ["BY"] = 28,
        ["CH"] = 21,
        ["CR"] = 22,
        ["CY"] = 28,
        ["CZ"] = 24,
        ["DE"] = 22,
        ["DK"] = 18,
        ["DO"] = 28,
        ["EE"] = 20,
        ["EG"] = 29,
        ["ES"] = 24,
        ["FI"] = 18,
        ["FO"] = 18,
        ["FR"] = 27,
        ["GB"] = 22,
        ["GE"] = 22,
        ["GI"] = 23,
        ["GL"] = 18,
        ["GR"] = 27,
        ["GT"] = 28,
        ["HR"] = 21,
        ["HU"] = 28,
        ["IE"] = 22,
        ["IL"] = 23,
        ["IQ"] = 23,
        ["IS"] = 26,
        ["IT"] = 27,
        ["JO"] = 30,
        ["KW"] = 30,
        ["KZ"] = 20,
        ["LB"] = 28,
        ["LC"] = 32,
        ["LI"] = 21,
        ["LT"] = 20,
        ["LU"] = 20,
        ["LV"] = 21,
        ["MC"] = 27,
        ["MD"] = 24,
        ["ME"] = 22,
        ["MK"] = 19,
        ["MR"] = 27,
        ["MT"] = 31,
        ["MU"] = 30,
        ["NL"] = 18,
        ["NO"] = 15,
        ["PK"] = 24,
        ["PL"] = 28,
        ["PS"] = 29,
        ["PT"] = 25,
        ["QA"] = 29,
        ["RO"] = 24,
        ["RS"] = 22,
        ["SA"] = 24,
        ["SC"] = 31,
        ["SE"] = 24,
        ["SI"] = 19,
        ["SK"] = 24,
        ["SM"] = 27,
        ["ST"] = 25,
        ["SV"] = 28,
        ["TL"] = 23,
        ["TN"] = 24,
        ["TR"] = 26,
        ["UA"] = 29,
        ["VA"] = 22,
        ["VG"] = 24,
        ["XK"] = 20,
        ["BI"] = 27,
        ["DJ"] = 27,
        ["LY"] = 25,
        ["RU"] = 33,
        ["SD"] = 18,
        ["SO"] = 23,
        ["NI"] = 28,
        ["MN"] = 20,
        ["OM"] = 23,
        ["YE"] = 30,
        ["HN"] = 28,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<char> s_triggers =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public string Name => "identifier";

    public IReadOnlyCollection<PiiEntityType> SupportedTypes => s_types;

    private readonly bool _capitalisedWords;

    /// <summary>Initializes the recognizer.</summary>
    public IdentifierRecognizer()
        : this(capitalisedWords: true)
    {
    }

    /// <summary>Initializes the recognizer; <paramref name="capitalisedWords"/> false reads every capitalised word's token in full (a reference for tests).</summary>
    internal IdentifierRecognizer(bool capitalisedWords)
    {
        _capitalisedWords = capitalisedWords;
    }

    public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
    {
        var i = 0;
        while (i < text.Length)
        {
            // Every identifier has a digit or an upper-case letter: lower-case words are skipped in bulk.
            var next = text[i..].IndexOfAny(s_triggers);
            if (next < 0)
            {
                return;
            }

            var start = i + next;
            if (_capitalisedWords && IsPlainCapitalised(text, i, start, out var wordEnd))
            {
                // "Paris", "Thanks": a capital that starts a run of ASCII letters and digits, then only lower-case
                // letters. No identifier is such a token (each needs a digit or two capitals); only a two-letter one
                // before a hyphen may start a MAC address ("Ab-cd-ef-01-23-45").
                if (wordEnd - start == 2 && wordEnd < text.Length && text[wordEnd] == '-')
                {
                    CheckHyphenated(text, start, wordEnd, results);
                }

                i = wordEnd;
                continue;
            }

            while (start > i && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            var end = start;
            var digits = 0;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                digits += char.IsAsciiDigit(text[end]) ? 1 : 0;
                end++;
            }

            // Whether the token is bounded by non-word characters is asked only where its length allows a match.
            var length = end - start;
            if (length >= 6 && (digits > 0 || length is 8 or 11) && IsWordBounded(text, start, end))
            {
                Check(text, start, end, digits, results);
                CheckHyphenated(text, start, end, results);
            }
            else if (length <= 2 && end < text.Length && text[end] == '-')
            {
                CheckHyphenated(text, start, end, results);
            }
            else if (length == 4 && digits == 2 && char.IsAsciiLetter(text[start]) && IsWordBounded(text, start, end))
            {
                // "GB59 NAWV 7713 ...": an IBAN written in groups.
                TryGroupedIban(text, start, results);
            }
            else if (length == 2 && digits == 0 && IsWordBounded(text, start, end))
            {
                TryGroupedNino(text, start, results);
            }

            i = end;
        }
    }

    private static bool IsWordBounded(ReadOnlySpan<char> text, int start, int end) => TextScan.StartsWord(text, start) && TextScan.EndsWord(text, end);

    /// <summary>
    /// Returns whether the trigger at <paramref name="at"/> is an ASCII capital that starts its run of ASCII letters and
    /// digits (the run does not reach back to <paramref name="from"/>'s left) followed by one or more lower-case ASCII
    /// letters up to the run's end (<paramref name="end"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsPlainCapitalised(ReadOnlySpan<char> text, int from, int at, out int end)
    {
        end = at;
        if (!char.IsAsciiLetterUpper(text[at]) || (at > from && char.IsAsciiLetterOrDigit(text[at - 1])))
        {
            return false;
        }

        var p = at + 1;
        while (p < text.Length && char.IsAsciiLetterLower(text[p]))
        {
            p++;
        }

        if (p == at + 1 || (p < text.Length && char.IsAsciiLetterOrDigit(text[p])))
        {
            return false;
        }

        end = p;
        return true;
    }

    private void Check(ReadOnlySpan<char> text, int start, int end, int digits, ICollection<PiiMatch> results)
    {
        var token = text[start..end];
        var length = token.Length;
        var letters = length - digits;

        if (length >= 15 && char.IsAsciiLetter(token[0]) && char.IsAsciiLetter(token[1]) && char.IsAsciiDigit(token[2])
            && char.IsAsciiDigit(token[3]) && IsIban(token))
        {
            results.Add(new PiiMatch(PiiEntityType.IbanCode, start, length, 0.95, Name));
            return;
        }

        if (length is 8 or 11 && IsUpperAlnum(token) && IsAllLetters(token[..6]) && IsCountry(token.Slice(4, 2)))
        {
            results.Add(new PiiMatch(PiiEntityType.SwiftCode, start, length, 0.2, Name));
        }

        if (length == 15 && token[5] == '2' && token[6] is 'A' or 'B' && Checksums.FrenchNir(token))
        {
            // Corsica: department 2A or 2B inside the NIR.
            results.Add(new PiiMatch(PiiEntityType.FrNir, start, length, 0.9, Name));
        }

        if (length == 9 && IsNino(token))
        {
            results.Add(new PiiMatch(PiiEntityType.UkNino, start, length, 0.75, Name));
        }

        if (length == 9 && char.IsAsciiLetterUpper(token[8]))
        {
            if (IsAllDigits(token[..8]) && Checksums.SpanishControlLetter(int.Parse(token[..8], provider: null)) == token[8])
            {
                results.Add(new PiiMatch(PiiEntityType.EsDni, start, length, 0.85, Name));
            }
            else if (token[0] is 'X' or 'Y' or 'Z' && IsAllDigits(token[1..8])
                && Checksums.SpanishControlLetter(((token[0] - 'X') * 10_000_000) + int.Parse(token[1..8], provider: null)) == token[8])
            {
                results.Add(new PiiMatch(PiiEntityType.EsNie, start, length, 0.85, Name));
            }
        }

        if (length == 10 && IsAllLetters(token[..5]) && IsAllDigits(token[5..9]) && char.IsAsciiLetterUpper(token[9])
            && IsUpperAlnum(token) && token[3] is 'P' or 'C' or 'H' or 'A' or 'B' or 'G' or 'J' or 'L' or 'F' or 'T')
        {
            results.Add(new PiiMatch(PiiEntityType.InPan, start, length, 0.6, Name));
        }

        if (length == 11 && token[0] is 'A' or 'P' && IsAllDigits(token[1..10]) && char.IsAsciiLetterUpper(token[10]))
        {
            results.Add(new PiiMatch(PiiEntityType.KeKraPin, start, length, 0.7, Name));
        }

        if (length is >= 6 and <= 9 && digits >= 5 && IsUpperAlnum(token) && letters <= 3)
        {
            results.Add(new PiiMatch(PiiEntityType.Passport, start, length, 0.2, Name));
        }

        if (length is >= 26 and <= 35 && token[0] is '1' or '3' && Checksums.Base58Check(token))
        {
            results.Add(new PiiMatch(PiiEntityType.Crypto, start, length, 0.95, Name));
        }
        else if (length is >= 14 and <= 74 && (token.StartsWith("bc1", StringComparison.OrdinalIgnoreCase)
            || token.StartsWith("tb1", StringComparison.OrdinalIgnoreCase)) && Checksums.Bech32(token))
        {
            results.Add(new PiiMatch(PiiEntityType.Crypto, start, length, 0.95, Name));
        }
    }

    // "31257528-E" (DNI), "X-6786317-Y" (NIE), "B0-A2-D9-8D-28-15" (MAC)
    private void CheckHyphenated(ReadOnlySpan<char> text, int start, int end, ICollection<PiiMatch> results)
    {
        var rest = text[start..];
        if (rest.Length >= 10 && end - start == 8 && rest[8] == '-' && char.IsAsciiLetterUpper(rest[9]) && TextScan.EndsWord(text, start + 10)
            && IsAllDigits(rest[..8]) && Checksums.SpanishControlLetter(int.Parse(rest[..8], provider: null)) == rest[9])
        {
            results.Add(new PiiMatch(PiiEntityType.EsDni, start, 10, 0.85, Name));
        }
        else if (rest.Length >= 11 && end - start == 1 && rest[0] is 'X' or 'Y' or 'Z' && rest[1] == '-' && rest[9] == '-'
            && IsAllDigits(rest[2..9]) && char.IsAsciiLetterUpper(rest[10]) && TextScan.EndsWord(text, start + 11)
            && Checksums.SpanishControlLetter(((rest[0] - 'X') * 10_000_000) + int.Parse(rest[2..9], provider: null)) == rest[10])
        {
            results.Add(new PiiMatch(PiiEntityType.EsNie, start, 11, 0.85, Name));
        }
        else if (rest.Length >= 17 && end - start == 2 && TextScan.StartsWord(text, start) && TextScan.EndsWord(text, start + 17))
        {
            for (var k = 0; k < 17; k++)
            {
                if (k % 3 == 2 ? rest[k] != '-' : !char.IsAsciiHexDigit(rest[k]))
                {
                    return;
                }
            }

            results.Add(new PiiMatch(PiiEntityType.MacAddress, start, 17, 0.8, Name));
        }
    }

    private static readonly System.Collections.Generic.HashSet<string> s_regions =
        [.. PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions()];

    private static readonly System.Collections.Generic.HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_regionLookup =
        s_regions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsCountry(ReadOnlySpan<char> code) => s_regionLookup.Contains(code);

    private void TryGroupedIban(ReadOnlySpan<char> text, int start, ICollection<PiiMatch> results)
    {
        if (!char.IsAsciiLetter(text[start + 1]) || !char.IsAsciiDigit(text[start + 2]) || !char.IsAsciiDigit(text[start + 3])
            || !s_ibanLengths.TryGetValue(text.Slice(start, 2).ToString(), out var expected))
        {
            return;
        }

        Span<char> compact = stackalloc char[40];
        var n = 0;
        var i = start;
        var end = start;
        while (i < text.Length && n < expected)
        {
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                compact[n++] = text[i];
                end = i + 1;
                i++;
            }
            else if (text[i] == ' ' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) && (n % 4 == 0))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        if (n == expected && TextScan.EndsWord(text, end) && Checksums.IbanMod97(compact[..n]))
        {
            results.Add(new PiiMatch(PiiEntityType.IbanCode, start, end - start, 0.95, Name));
        }
    }

    private void TryGroupedNino(ReadOnlySpan<char> text, int start, ICollection<PiiMatch> results)
    {
        // "AB 12 34 56 C"
        const int Length = 13;
        if (start + Length > text.Length || !TextScan.EndsWord(text, start + Length))
        {
            return;
        }

        var s = text.Slice(start, Length);
        if (s[2] != ' ' || s[5] != ' ' || s[8] != ' ' || s[11] != ' ')
        {
            return;
        }

        Span<char> compact = [s[0], s[1], s[3], s[4], s[6], s[7], s[9], s[10], s[12]];
        if (IsNino(compact))
        {
            results.Add(new PiiMatch(PiiEntityType.UkNino, start, Length, 0.75, Name));
        }
    }

    private static bool IsIban(ReadOnlySpan<char> token) =>
        s_ibanLengths.TryGetValue(token[..2].ToString(), out var expected) && expected == token.Length
        && Checksums.IbanMod97(token);

    private static bool IsNino(ReadOnlySpan<char> t)
    {
        const string FirstInvalid = "DFIQUV";
        const string SecondInvalid = "DFIQUVO";
        return t.Length == 9 && char.IsAsciiLetterUpper(t[0]) && char.IsAsciiLetterUpper(t[1])
            && !FirstInvalid.Contains(t[0]) && !SecondInvalid.Contains(t[1])
            && !(t[..2] is "BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ")
            && IsAllDigits(t[2..8]) && t[8] is >= 'A' and <= 'D';
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static bool IsAllLetters(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('A', 'Z');

    private static bool IsUpperAlnum(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
