using System;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>Street addresses and postal address blocks.</summary>
internal sealed partial class NameAndPlaceRecognizer
{
    private const int MaxStreetNameTokens = 6;

    /// <summary>
    /// Recognises a street starting at token <paramref name="i"/>: "123 Main Street", "12 rue de la Paix",
    /// "Calle Mayor 5", "Rua Augusta, 274", "727 Gesterbyntie 68", "Moi Avenue", "Apt. 117", "PSC 3294, Box 9168".
    /// </summary>
    private static bool TryAddress(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end, out int start)
    {
        start = tokens[i].Start;
        var t = tokens[i];

        // Both shapes below need a number soon after the word (a cheap test first: most capitalised words have none).
        var digit = t.IsCapitalizedWord ? DevanagariDigits.IndexOfAnyDigit(text[t.End..Math.Min(text.Length, t.End + 160)]) : -1;
        if (digit >= 0 && !t.Has(WordClass.Common | WordClass.StreetPrefix) && LowerCasePrefixBefore(text, t.Start, out var prefixStart)
            && NameThenNumber(text, ref tokens, i, out end))
        {
            // "calle Mayor 23", "rua Augusta, 88", "c/ Alcalá 210": a street type in lower case (which the token stream
            // passes over) before a capitalised name and a number.
            start = prefixStart;
            return true;
        }

        if (digit is >= 0 and < 12 && NameLexicon.NumberedAreas.Contains(Slice(text, t)) && NumberedArea(text, ref tokens, i, out end))
        {
            return true;
        }

        return TryAddress(text, ref tokens, i, out end);
    }

    // Street types that, in lower case, start a street before a capitalised name and a number.
    private static readonly string[] s_lowerCasePrefixes =
    [
        "calle", "c/", "avenida", "avda", "av.", "paseo", "carretera", "rua", "r.", "travessa", "estrada", "alameda", "rodovia",
        "rue", "boulevard", "bd", "chemin", "impasse", "allée", "barabara",
    ];

    // Whether a lower-case street type (s_lowerCasePrefixes) stands right before offset k, after one space; its start.
    private static bool LowerCasePrefixBefore(ReadOnlySpan<char> text, int k, out int prefixStart)
    {
        prefixStart = k;
        if (k < 3 || text[k - 1] != ' ')
        {
            return false;
        }

        var wordEnd = k - 1;
        var wordStart = wordEnd;
        while (wordStart > 0 && wordEnd - wordStart < 10 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..wordEnd];
        foreach (var prefix in s_lowerCasePrefixes)
        {
            if (word.SequenceEqual(prefix))
            {
                prefixStart = wordStart;
                return true;
            }
        }

        return false;
    }

    // A capitalised street name of up to four words, an optional comma, then a house number of up to five digits.
    private static bool NameThenNumber(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var nameEnd = StreetName(text, ref tokens, i);
        if (nameEnd <= i || nameEnd - i > 4)
        {
            return false;
        }

        var k = nameEnd;
        if (tokens.Has(k) && tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] == ',')
        {
            k++;
        }

        if (!tokens.Has(k) || tokens[k].Kind != TokenKind.Number || tokens[k].Is(TokenFlags.LineStart) || tokens[k].Length > 5)
        {
            return false;
        }

        end = AfterUnit(text, ref tokens, k + 1);
        return true;
    }

    // "Sector 15, Noida 201301", "Plot 27, Mtaa wa Kariakoo", "सेक्टर 62, नोएडा 201309": a numbered area is an address
    // only when the address goes on after it (a place, a postcode); "Plot 3 was planted in March" is none.
    private static bool NumberedArea(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = NumberedUnit(text, ref tokens, SkipDot(text, ref tokens, i + 1));
        if (end <= i || !tokens.Has(end) || text[tokens[end].Start] != ',' || tokens[end].Is(TokenFlags.LineStart))
        {
            return false;
        }

        if (tokens.Has(end + 1) && TryAddress(text, ref tokens, end + 1, out var streetEnd))
        {
            end = streetEnd; // "Plot 12, Kondele Road": the street after the area
            return true;
        }

        // Otherwise a street word ("Plot 41, Mtaa wa Uhuru") or the place itself must follow: a city or country the
        // gazetteer knows ("Sector 21, Gurgaon 122001"), not any capitalised word, number or currency ("Sector 15,
        // Google", "Sector 15, 2025", "Plot 27, KSh 450,000").
        if (!tokens.Has(end + 1) || tokens[end + 1].Kind != TokenKind.Word
            || !(tokens[end + 1].Has(WordClass.StreetPrefix) || Has(text, tokens[end + 1], WordClass.City | WordClass.Country)))
        {
            return false;
        }

        return ExtendAddressBlock(text, ref tokens, end) > end + 1;
    }

    private static bool TryAddress(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (t.Length > 6)
            {
                return false;
            }

            // "3369 24 Clarke Avenue": a building number, then the street's own number.
            var from = tokens.Has(i + 1) && tokens[i + 1].Kind == TokenKind.Number && tokens[i + 1].Length <= 5
                && !tokens[i + 1].Is(TokenFlags.LineStart) ? i + 1 : i;
            return NumberThenStreet(text, ref tokens, from, out end) || NumberThenPrefixStreet(text, ref tokens, from, out end)
                || NumberWordNumber(text, ref tokens, from, out end);
        }

        var word = Slice(text, t);
        if (word.Equals("H", StringComparison.OrdinalIgnoreCase) && tokens.Has(i + 2) && text[tokens[i + 1].Start] == '.'
            && !tokens[i + 1].Is(TokenFlags.SpaceBefore) && IsNumberWord(text, tokens[i + 2]))
        {
            // "H.No. 234", "h.no 12": an Indian house number.
            end = NumberedUnit(text, ref tokens, i + 2);
            return end > i;
        }

        if (t.IsCapitalizedWord && t.Has(WordClass.StreetPrefix) && PrefixStreet(text, ref tokens, i, out end))
        {
            return true;
        }

        if (t.IsCapitalizedWord && t.Has(WordClass.Unit) && Unit(text, ref tokens, i, out end))
        {
            return true;
        }

        if (t.IsCapitalizedWord && (word.Equals("PSC", StringComparison.Ordinal) || word.Equals("USNS", StringComparison.Ordinal)
            || word.Equals("USS", StringComparison.Ordinal) || word.Equals("USNV", StringComparison.Ordinal)
            || word.Equals("USCGC", StringComparison.Ordinal)))
        {
            return Military(text, ref tokens, i, out end);
        }

        return t.IsCapitalizedWord && !t.Has(WordClass.Common) && NamedStreetWithoutNumber(text, ref tokens, i, out end);
    }

    // "123 Main Street", "90 Whitchurch Road", "123 N. Main St. Apt 4"
    private static bool NumberThenStreet(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var k = i + 1;
        var words = 0;
        while (tokens.Has(k) && words < MaxStreetNameTokens && !tokens[k].Is(TokenFlags.LineStart))
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation && text[t.Start] == '.' && words > 0)
            {
                k++;
                continue;
            }

            if (t.Kind != TokenKind.Word || (!t.IsCapitalizedWord && !t.Has(WordClass.Particle)))
            {
                break;
            }

            words++;
            if (words >= 2 && t.Has(WordClass.StreetSuffix))
            {
                end = AfterUnit(text, ref tokens, SkipDot(text, ref tokens, k + 1));
                return true;
            }

            k++;
        }

        return false;
    }

    // "12 rue de la Paix", "5, avenue Foch", "221B Baker Street" is handled above.
    private static bool NumberThenPrefixStreet(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var k = i + 1;
        if (tokens.Has(k) && tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] == ',')
        {
            k++;
        }

        if (!tokens.Has(k) || tokens[k].Kind != TokenKind.Word || tokens[k].Is(TokenFlags.LineStart)
            || !tokens[k].Has(WordClass.StreetPrefix) || Slice(text, tokens[k]).Length < 3)
        {
            return false;
        }

        var nameEnd = StreetName(text, ref tokens, SkipDot(text, ref tokens, k + 1));
        if (nameEnd <= k + 1)
        {
            return false;
        }

        end = AfterUnit(text, ref tokens, nameEnd);
        return true;
    }

    // "Calle Mayor 5", "Rua Augusta, 274", "Avenida Paulista, 1578", "Barabara ya Moi", "rue de la Paix"
    private static bool PrefixStreet(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        if (Slice(text, tokens[i]).Length < 3 && !(tokens.Has(i + 1) && text[tokens[i + 1].Start] is '.' or '/'))
        {
            return false;
        }

        var nameStart = SkipDot(text, ref tokens, i + 1);
        if (tokens.Has(nameStart) && text[tokens[nameStart].Start] == '/')
        {
            nameStart++;
        }

        var nameEnd = StreetName(text, ref tokens, nameStart);
        if (nameEnd <= nameStart || !tokens[nameEnd - 1].IsCapitalizedWord)
        {
            return false;
        }

        var k = nameEnd;
        if (tokens.Has(k) && tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] == ',')
        {
            k++;
        }

        if (tokens.Has(k) && tokens[k].Kind == TokenKind.Number && !tokens[k].Is(TokenFlags.LineStart) && tokens[k].Length <= 5)
        {
            end = AfterUnit(text, ref tokens, k + 1);
            return true;
        }

        // Without a number only a capitalised street type and name: "Barabara ya Moi", "Avenue Foch".
        end = nameEnd;
        return nameEnd - nameStart <= 3;
    }

    // "727 Gesterbyntie 68", "3482 Via Franscini 71", "233 Erzsébet tér 19.", "6076 Piroska u. 97."
    private static bool NumberWordNumber(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var k = i + 1;
        if (!tokens.Has(k) || !tokens[k].IsCapitalizedWord || tokens[k].Is(TokenFlags.LineStart) || tokens[k].Has(WordClass.Common))
        {
            return false;
        }

        // In a script without capitals any words stand between two numbers ("८ किलो गेहूं ४५० रुपये", "8 क्रेट बेचे सुबह 5
        // बजे"): a Devanagari street needs its street word (NumberThenStreet).
        if (IsUncased(text[tokens[k].Start]))
        {
            return false;
        }

        var words = 0;
        while (tokens.Has(k) && words < 4 && !tokens[k].Is(TokenFlags.LineStart))
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Number)
            {
                if (words == 0 || t.Length > 4)
                {
                    return false;
                }

                end = AfterUnit(text, ref tokens, SkipDot(text, ref tokens, k + 1));
                return true;
            }

            if (t.Kind == TokenKind.Punctuation && text[t.Start] == '.' && words > 0)
            {
                k++;
                continue;
            }

            if (t.Kind != TokenKind.Word || t.Has(WordClass.Common))
            {
                return false;
            }

            words++;
            k++;
        }

        return false;
    }

    // "Moi Avenue", "Ngong Road", "Gandhi Marg"
    private static bool NamedStreetWithoutNumber(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var k = i + 1;
        if (!tokens.Has(k) || !tokens[k].IsCapitalizedWord || tokens[k].Is(TokenFlags.LineStart))
        {
            return false;
        }

        var suffix = Slice(text, tokens[k]);
        if (!tokens[k].Has(WordClass.StreetSuffix) || (suffix.Length < 4 && System.Text.Ascii.IsValid(suffix))
            || suffix.Equals("Court", StringComparison.OrdinalIgnoreCase) || suffix.Equals("Park", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("Hill", StringComparison.OrdinalIgnoreCase) || suffix.Equals("View", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("Point", StringComparison.OrdinalIgnoreCase) || suffix.Equals("Place", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        end = AfterUnit(text, ref tokens, k + 1);
        return true;
    }

    // "Apt. 117", "Suite 464", "Flat 3B"
    private static bool Unit(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var word = Slice(text, tokens[i]);
        if (word.Length < 3 || word.Equals("No", StringComparison.OrdinalIgnoreCase) || word.Equals("Room", StringComparison.OrdinalIgnoreCase)
            || word.Equals("Floor", StringComparison.OrdinalIgnoreCase) || word.Equals("Building", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        end = NumberedUnit(text, ref tokens, SkipDot(text, ref tokens, i + 1));
        return end > i;
    }

    /// <summary>
    /// The number of a unit from token <paramref name="k"/>, after an optional "No." ("Flat 3", "मकान नं. 45", "Gali No. 5").
    /// </summary>
    /// <returns>The token index after the number, or -1.</returns>
    private static int NumberedUnit(ReadOnlySpan<char> text, ref TokenStream tokens, int k)
    {
        if (tokens.Has(k) && IsNumberWord(text, tokens[k]) && !tokens[k].Is(TokenFlags.LineStart))
        {
            k = SkipDot(text, ref tokens, k + 1);
        }

        return tokens.Has(k) && tokens[k].Kind == TokenKind.Number && !tokens[k].Is(TokenFlags.LineStart) ? k + 1 : -1;
    }

    private static bool IsNumberWord(ReadOnlySpan<char> text, WordToken t) =>
        t.Kind == TokenKind.Word && NameLexicon.NumberWords.Contains(Slice(text, t));

    // "PSC 3294, Box 9168" / "USS Lorenzen" (then "FPO AE 25990" on the next line via the block)
    private static bool Military(ReadOnlySpan<char> text, ref TokenStream tokens, int i, out int end)
    {
        end = i;
        var k = i + 1;
        if (tokens.Has(k) && (tokens[k].Kind == TokenKind.Number || tokens[k].IsCapitalizedWord) && !tokens[k].Is(TokenFlags.LineStart))
        {
            end = k + 1;
            while (tokens.Has(end) && !tokens[end].Is(TokenFlags.LineStart) && end - i < 6
                && (tokens[end].Kind == TokenKind.Number || text[tokens[end].Start] == ',' || Slice(text, tokens[end]).Equals("Box", StringComparison.Ordinal)))
            {
                end++;
            }

            return true;
        }

        return false;
    }

    /// <summary>A street name: capitalised words and lower-case particles ("de la", "ya"), ending on a capitalised word.</summary>
    private static int StreetName(ReadOnlySpan<char> text, ref TokenStream tokens, int start)
    {
        var end = start;
        var k = start;
        while (tokens.Has(k) && k - start < MaxStreetNameTokens && !(k > start && tokens[k].Is(TokenFlags.LineStart)))
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word)
            {
                break;
            }

            var w = Slice(text, t);
            if (t.IsCapitalizedWord && !t.Has(WordClass.Common))
            {
                end = k + 1;
            }
            else if (!t.Has(WordClass.Particle) && !w.Equals("ya", StringComparison.Ordinal)
                && !w.StartsWith("l'", StringComparison.Ordinal) && !w.StartsWith("d'", StringComparison.Ordinal))
            {
                break;
            }

            k++;
        }

        return end;
    }

    // A floor's door after its number: "3º B", "2º A", "1º izq" (one capital letter, or izq/dcha/dcho, after a number).
    private static bool IsDoor(ReadOnlySpan<char> text, ref TokenStream tokens, int j)
    {
        if (j == 0 || tokens[j - 1].Kind != TokenKind.Number && !(tokens[j - 1].Kind == TokenKind.Word && Slice(text, tokens[j - 1]) is "º" or "ª" or "°"))
        {
            return false;
        }

        var w = Slice(text, tokens[j]);
        return (w.Length == 1 && char.IsAsciiLetterUpper(w[0])) || w is "izq" or "izda" or "dcha" or "dcho" or "esq" or "dto" or "dt";
    }

    // "wa"/"ya" ("of") between capitalised words of a place in a block: "Mtaa wa Kariakoo", "Barabara ya Moi".
    private static bool IsSwahiliOf(ReadOnlySpan<char> text, ref TokenStream tokens, int j, int lineFirst) =>
        j > lineFirst && Slice(text, tokens[j]) is "wa" or "ya" && tokens[j - 1].IsCapitalizedWord
        && tokens.Has(j + 1) && tokens[j + 1].IsCapitalizedWord && !tokens[j + 1].Is(TokenFlags.LineStart);

    private static int SkipDot(ReadOnlySpan<char> text, ref TokenStream tokens, int k) =>
        tokens.Has(k) && tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] == '.' && !tokens[k].Is(TokenFlags.SpaceBefore) ? k + 1 : k;

    // ", Apt 4", " Suite 501", " #12"
    private static int AfterUnit(ReadOnlySpan<char> text, ref TokenStream tokens, int k)
    {
        var j = k;
        if (tokens.Has(j) && tokens[j].Kind == TokenKind.Punctuation && text[tokens[j].Start] == ',')
        {
            j++;
        }

        if (tokens.Has(j) && !tokens[j].Is(TokenFlags.LineStart)
            && (tokens[j].Has(WordClass.Unit) || text[tokens[j].Start] == '#'))
        {
            var n = SkipDot(text, ref tokens, j + 1);
            if (tokens.Has(n) && tokens[n].Kind == TokenKind.Number && !tokens[n].Is(TokenFlags.LineStart))
            {
                return n + 1;
            }
        }

        return k;
    }

    /// <summary>
    /// Extends a street over the rest of a postal address: ", Springfield, IL 62701" on the same line, and the
    /// following short lines of an address block (unit, city, region, country, postal code).
    /// </summary>
    private static int ExtendAddressBlock(ReadOnlySpan<char> text, ref TokenStream tokens, int end)
    {
        var k = end;
        var lines = 0;
        while (tokens.Has(k) && lines <= 4)
        {
            var lineStart = tokens[k].Is(TokenFlags.LineStart);
            if (lineStart)
            {
                lines++;
            }

            // Take a run of address-like tokens up to the end of this line.
            var j = k;
            var accepted = k;
            var sawContent = false;
            var separators = 0; // commas and the dots of "No.", not counted in the nine tokens a line may add
            while (tokens.Has(j) && (j == k || !tokens[j].Is(TokenFlags.LineStart)))
            {
                var t = tokens[j];

                // "गली नंबर 3", "Gali No. 5": a number word (and its dot) before a number.
                var numbered = NumberedUnit(text, ref tokens, j) > j;
                var ok = t.Kind switch
                {
                    // The number after "CEP", "PIN", "zip" is the postal code's (TryPostalCode), not the block's.
                    TokenKind.Number => t.Length <= 10 && !(j > k && tokens[j - 1].Has(WordClass.Postcode)),
                    TokenKind.Word => t.IsCapitalizedWord && !t.Has(WordClass.Common) || Has(text, t, WordClass.City | WordClass.Country)
                        || t.Has(WordClass.Particle) || numbered || IsDoor(text, ref tokens, j) || IsSwahiliOf(text, ref tokens, j, k),
                    _ => text[t.Start] is ',' or '-' or '>' or '/' || (text[t.Start] == '.' && j > k && IsNumberWord(text, tokens[j - 1])),
                };
                if (!ok || j - k - separators > 8)
                {
                    break;
                }

                separators += t.Kind == TokenKind.Punctuation && text[t.Start] is ',' or '.' ? 1 : 0;
                sawContent |= t.Kind != TokenKind.Punctuation;
                j++;
                if (t.Kind != TokenKind.Punctuation)
                {
                    accepted = j;
                }
            }

            var lineEnded = !tokens.Has(j) || tokens[j].Is(TokenFlags.LineStart);
            if (!sawContent || (lineStart && !lineEnded))
            {
                // A following line that is not entirely address-like ends the block.
                break;
            }

            end = Math.Max(end, accepted);
            if (!lineEnded)
            {
                break;
            }

            k = j;
        }

        return end;
    }
}
