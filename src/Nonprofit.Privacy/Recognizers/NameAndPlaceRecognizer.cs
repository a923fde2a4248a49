using System;
using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Person names, places and street addresses, without a model: multilingual cue phrases ("my name is",
/// "je m'appelle", "jina langu ni", "मेरा नाम"), honorifics, capitalisation, gazetteers of given names,
/// surnames, cities and countries, street types per language and postal address blocks.
/// </summary>
internal sealed partial class NameAndPlaceRecognizer : IPiiRecognizer
{
    private const int MaxNameTokens = 4;

    private static readonly PiiEntityType[] s_types =
        [PiiEntityType.Person, PiiEntityType.Location, PiiEntityType.StreetAddress, PiiEntityType.PostalCode];

    private readonly Gazetteer _gazetteer = Gazetteer.Default;

    public string Name => "names-places";

    public IReadOnlyCollection<PiiEntityType> SupportedTypes => s_types;

    public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results) => Recognize(text, results, skip: true);

    /// <summary>Scans <paramref name="text"/>; without <paramref name="skip"/>, every token is made and visited (a reference for tests).</summary>
    internal void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results, bool skip)
    {
        var tokens = new TokenStream(text, skip: skip);
        try
        {
            Scan(text, ref tokens, results);
        }
        finally
        {
            tokens.Dispose();
        }
    }

    /// <summary>
    /// Adds the candidates found in the text of <paramref name="tokens"/> to <paramref name="results"/>, reading it to
    /// the end: afterwards the stream's <see cref="TokenStream.Triggers"/> and <see cref="TokenStream.HasCompoundTokens"/>
    /// describe the whole text.
    /// </summary>
    public void Scan(ReadOnlySpan<char> text, ref TokenStream tokens, ICollection<PiiMatch> results)
    {
        var skipUntil = 0;
        for (var i = 0; ; i++)
        {
            // Every token made so far has been seen: pass over the ones no step below starts from (punctuation,
            // lower-case words without a cue class), which none of the steps' look-ahead has made either.
            if (i == tokens.Count)
            {
                System.Diagnostics.Debug.Assert(skipUntil <= i, "An address never ends past the tokens made.");
                tokens.SkipInert();
                i = 0;
                skipUntil = 0;
            }

            if (!tokens.Has(i))
            {
                break;
            }

            var t = tokens[i];
            if (t.Kind == TokenKind.Punctuation)
            {
                continue;
            }

            // Addresses first: a street found here covers its tokens.
            if (i >= skipUntil && TryAddress(text, ref tokens, i, out var addressEnd, out var addressStart))
            {
                var end = ExtendAddressBlock(text, ref tokens, addressEnd);
                results.Add(new PiiMatch(PiiEntityType.StreetAddress, addressStart, tokens[end - 1].End - addressStart, 0.75, Name));
                skipUntil = end;
                continue;
            }

            if (t.Kind == TokenKind.Number)
            {
                continue;
            }

            if (t.Has(WordClass.PersonCue | WordClass.Honorific | WordClass.LocationCue | WordClass.Postcode))
            {
                int cueEnd;
                if ((t.Has(WordClass.PersonCue) && TryPersonCue(text, ref tokens, i, results, out cueEnd))
                    || (t.Has(WordClass.Honorific) && TryHonorific(text, ref tokens, i, results, out cueEnd))
                    || (t.Has(WordClass.LocationCue) && MayFollowLocationCue(text, t) && TryLocationCue(text, ref tokens, i, results, out cueEnd)))
                {
                    i = Math.Max(i, cueEnd - 1);
                    continue;
                }

                if (t.Has(WordClass.Postcode) && TryPostalCode(text, ref tokens, i, results))
                {
                    continue;
                }
            }

            if (t.IsCapitalizedWord && !t.Has(WordClass.Common))
            {
                var placeEnd = TryPlace(text, ref tokens, i, results, cued: false);
                // Inside a street address an uncued run of capitalised words is the street's, building's or area's name
                // ("Flat 3, Sai Krupa Apartments"), not a person's.
                var nameEnd = i < skipUntil ? i + 1 : TryGazetteerName(text, ref tokens, i, results);
                i = Math.Max(i, Math.Max(placeEnd, nameEnd) - 1);
            }
        }
    }

    // --- Persons --------------------------------------------------------------------------------------

    private bool TryPersonCue(ReadOnlySpan<char> text, ref TokenStream tokens, int i, ICollection<PiiMatch> results, out int end)
    {
        end = i;
        if (!NameLexicon.PersonCueLookup.TryGetValue(Slice(text, tokens[i]), out var cues))
        {
            return false;
        }

        foreach (var (words, strong) in cues)
        {
            var after = MatchPhrase(text, ref tokens, i, words);
            if (after < 0 || !tokens.Has(after))
            {
                continue;
            }

            var first = tokens[after];
            if (first.Kind != TokenKind.Word || first.Is(TokenFlags.LineStart) && words[^1] != ":")
            {
                continue;
            }

            var firstWord = Slice(text, first);
            var capital = first.IsCapitalizedWord;

            // After a weak cue a lower-case word is a name only when the given-name gazetteer knows it and it is no
            // ordinary word ("je suis lucas", "soy kevin"; not "je suis fatiguée", "i am done").
            var knownLowerCase = !capital && !strong && !IsUncased(firstWord[0]) && IsUnambiguousFirstName(text, first)
                && !NameLexicon.LowerCaseNotNames.Contains(firstWord);
            if (!capital && !(strong && !first.Has(WordClass.Common) && !NameLexicon.LowerCaseNotNames.Contains(firstWord)) && !knownLowerCase)
            {
                continue;
            }

            if (!strong && first.Has(WordClass.Common | WordClass.City | WordClass.Country))
            {
                continue;
            }

            var nameEnd = knownLowerCase ? after + 1 : TakeName(text, ref tokens, after, requireCapital: capital);
            if (nameEnd == after)
            {
                continue;
            }

            if (knownLowerCase && tokens.Has(nameEnd) && tokens[nameEnd].Kind == TokenKind.Word && !tokens[nameEnd].IsCapitalizedWord
                && !tokens[nameEnd].Is(TokenFlags.LineStart) && IsUnambiguousFirstName(text, tokens[nameEnd]))
            {
                nameEnd++; // "soy maria jose", "je suis anne marie"
            }

            if (!capital)
            {
                // A lower-case name after a strong cue goes on over a known surname or a name ending ("mera naam pooja
                // kumari hai", "my name is rahul sharma").
                nameEnd = ExtendLowerCaseName(text, ref tokens, after, nameEnd, uncased: false);
            }

            if (!strong && IsUncased(firstWord[0]) && NameLexicon.RelationWords.Contains(words[^1]))
            {
                // After a Devanagari relation word ("पति", "मेरी बेटी") a given name the gazetteer knows, a word with a
                // surname or name ending ("पति राजेश कुमार"), or one or two words before "ने" or "जी" ("पति रमेश ने",
                // "बेटी प्रिया जी"); a copula closes no name here ("पति शराबी है").
                var relationEnd = first.Has(WordClass.FirstName) || ExtendLowerCaseName(text, ref tokens, after, after + 1, uncased: true) > after + 1
                    ? ExtendLowerCaseName(text, ref tokens, after, after + 1, uncased: true)
                    : nameEnd - after <= 2 && FollowedBy(text, ref tokens, nameEnd, s_nameMarkers) && !HasNotName(text, ref tokens, after, nameEnd) ? nameEnd : -1;
                if (relationEnd < 0)
                {
                    continue;
                }

                results.Add(Span(PiiEntityType.Person, ref tokens, after, relationEnd, 0.7));
                end = relationEnd;
                return true;
            }

            // In a script without capitals (Devanagari) a weak cue such as "मैं" ("I") is followed by any words: a name
            // only when the gazetteer knows it, a copula closes it ("मैं प्रिया हूँ", not "मैं सबूत कैसे रखूं?") or one or
            // two words stand before "ने" or "जी"; one word followed by "से" or "में" ("from", "in": "मैं सीकर से बोल रहा
            // हूँ") is where the speaker is.
            if (!strong && IsUncased(firstWord[0]) && !first.Has(WordClass.FirstName) && !FollowedBy(text, ref tokens, nameEnd, s_copulas)
                && !(nameEnd - after <= 2 && FollowedBy(text, ref tokens, nameEnd, s_nameMarkers)))
            {
                if (nameEnd == after + 1 && FollowedBy(text, ref tokens, nameEnd, s_placePostpositions))
                {
                    results.Add(Span(PiiEntityType.Location, ref tokens, after, nameEnd, 0.6));
                    end = nameEnd;
                    return true;
                }

                continue;
            }

            results.Add(Span(PiiEntityType.Person, ref tokens, after, nameEnd, strong ? 0.85 : 0.7));
            end = nameEnd;
            return true;
        }

        return false;
    }

    // A lower-case word the given-name gazetteer knows that is no ordinary word (not in the ambiguous list nor a common word).
    private static bool IsUnambiguousFirstName(ReadOnlySpan<char> text, WordToken t) =>
        t.Kind == TokenKind.Word && !t.Has(WordClass.Common) && Has(text, t, WordClass.FirstName)
        && !Has(text, t, WordClass.AmbiguousFirstName | WordClass.AmbiguousCity | WordClass.Country);

    private static bool IsUncased(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c);

    private static readonly string[] s_copulas = ["हूँ", "हूं", "है", "हैं"];
    private static readonly string[] s_placePostpositions = ["से", "में"];

    // The agent marker and the respectful "ji" after a name ("रमेश ने मारा", "सुनीता जी").
    private static readonly string[] s_nameMarkers = ["ने", "जी"];

    /// <summary>
    /// Extends a name ending at <paramref name="nameEnd"/> over the following lower-case (with <paramref name="uncased"/>,
    /// Devanagari) words that are known surnames or name endings ("kumari", "देवी"), up to three words in all.
    /// </summary>
    private static int ExtendLowerCaseName(ReadOnlySpan<char> text, ref TokenStream tokens, int start, int nameEnd, bool uncased)
    {
        while (nameEnd - start < 3 && tokens.Has(nameEnd) && tokens[nameEnd].Kind == TokenKind.Word && !tokens[nameEnd].Is(TokenFlags.LineStart)
            && (uncased || !tokens[nameEnd].IsCapitalizedWord) && !tokens[nameEnd].Has(WordClass.Common))
        {
            var word = Slice(text, tokens[nameEnd]);
            if (!NameLexicon.NameEndings.Contains(word) && !Has(text, tokens[nameEnd], WordClass.LastName))
            {
                break;
            }

            nameEnd++;
        }

        return nameEnd;
    }

    // Whether a word from start to end is a Devanagari common noun ("मम्मी", "पुलिस वाले", "लोग"): no name before "ने"/"जी".
    private static bool HasNotName(ReadOnlySpan<char> text, ref TokenStream tokens, int start, int end)
    {
        for (var k = start; k < end && tokens.Has(k); k++)
        {
            if (NameLexicon.DevanagariNotNames.Contains(Slice(text, tokens[k])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowedBy(ReadOnlySpan<char> text, ref TokenStream tokens, int k, string[] words)
    {
        if (!tokens.Has(k) || tokens[k].Kind != TokenKind.Word)
        {
            return false;
        }

        var word = Slice(text, tokens[k]);
        foreach (var w in words)
        {
            if (word.SequenceEqual(w))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryHonorific(ReadOnlySpan<char> text, ref TokenStream tokens, int i, ICollection<PiiMatch> results, out int end)
    {
        end = i;
        var t = tokens[i];
        if (!t.IsCapitalizedWord || !t.Has(WordClass.Honorific))
        {
            return false;
        }

        var next = i + 1;
        if (tokens.Has(next) && tokens[next].Kind == TokenKind.Punctuation && text[tokens[next].Start] == '.')
        {
            next++;
        }

        if (!tokens.Has(next) || !tokens[next].IsCapitalizedWord || tokens[next].Has(WordClass.Common))
        {
            return false;
        }

        // A lone letter after a title ("Professor X figures") is a character or a placeholder, not a name; an initial
        // followed by a surname ("Professor J. Okonkwo") is taken whole by TakeName.
        var nameEnd = TakeName(text, ref tokens, next, requireCapital: true);
        if (nameEnd == next || (nameEnd == next + 1 && tokens[next].Length == 1))
        {
            return false;
        }

        results.Add(Span(PiiEntityType.Person, ref tokens, next, nameEnd, 0.85));
        end = nameEnd;
        return true;
    }

    private int TryGazetteerName(ReadOnlySpan<char> text, ref TokenStream tokens, int i, ICollection<PiiMatch> results)
    {
        var known = tokens[i].Has(WordClass.FirstName);
        var ambiguous = !known && tokens[i].Has(WordClass.AmbiguousFirstName);
        var end = TakeName(text, ref tokens, i, requireCapital: true);
        var length = end - i;
        var surnames = 0;
        for (var k = i + 1; k < end; k++)
        {
            surnames += Has(text, tokens[k], WordClass.LastName) ? 1 : 0;
        }

        double score;
        if (known && length >= 2)
        {
            score = 0.85;
        }
        else if (known)
        {
            // A lone given name: at the start of a sentence it may be an ordinary capitalised word.
            score = tokens[i].Is(TokenFlags.AllCaps) ? 0 : 0.6;
        }
        else if (ambiguous && length >= 2 && surnames > 0)
        {
            score = 0.75;
        }
        else if (!ambiguous && length >= 2 && surnames > 0 && !tokens[i].Is(TokenFlags.SentenceStart))
        {
            score = 0.7; // unknown given name + known surname
        }
        else if (!ambiguous && length == 2 && surnames > 0)
        {
            score = 0.6;
        }
        else
        {
            return i + 1;
        }

        if (score == 0)
        {
            return i + 1;
        }

        results.Add(Span(PiiEntityType.Person, ref tokens, i, end, score));
        return end;
    }

    /// <summary>Takes up to four name words from <paramref name="start"/>: capitalised words, initials and particles between them.</summary>
    private static int TakeName(ReadOnlySpan<char> text, ref TokenStream tokens, int start, bool requireCapital)
    {
        var end = start;
        var names = 0;
        var k = start;
        while (tokens.Has(k) && names < MaxNameTokens)
        {
            var t = tokens[k];
            if (k > start && t.Is(TokenFlags.LineStart))
            {
                break;
            }

            if (t.Kind == TokenKind.Word)
            {
                var w = Slice(text, t);
                var capital = t.IsCapitalizedWord;
                if (k > start && !capital && t.Has(WordClass.Particle)
                    && tokens.Has(k + 1) && tokens[k + 1].IsCapitalizedWord && !tokens[k + 1].Is(TokenFlags.LineStart))
                {
                    k++;
                    continue;
                }

                if ((requireCapital || k > start) && !capital)
                {
                    break;
                }

                // An honorific that also ends Indian names ("Pooja Kumari", "पूजा कुमारी") is part of the name after a first word.
                if (t.Has(WordClass.Common) || (k > start && t.Has(WordClass.StreetSuffix | WordClass.Honorific) && !NameLexicon.NameEndings.Contains(w)))
                {
                    break;
                }

                names++;
                k++;
                end = k;

                // An initial: "Sari J. Paavolainen".
                if (w.Length == 1 && tokens.Has(k) && tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] == '.'
                    && tokens.Has(k + 1) && tokens[k + 1].IsCapitalizedWord)
                {
                    k++;
                }

                continue;
            }

            break;
        }

        return end;
    }

    // --- Places ---------------------------------------------------------------------------------------

    private bool TryLocationCue(ReadOnlySpan<char> text, ref TokenStream tokens, int i, ICollection<PiiMatch> results, out int end)
    {
        end = i;
        if (!NameLexicon.LocationCueLookup.TryGetValue(Slice(text, tokens[i]), out var cues))
        {
            return false;
        }

        foreach (var words in cues)
        {
            var after = MatchPhrase(text, ref tokens, i, words);
            if (after < 0 || !tokens.Has(after) || !tokens[after].IsCapitalizedWord || tokens[after].Is(TokenFlags.LineStart))
            {
                continue;
            }

            var weak = words.Length == 1 && Gazetteer.Contains(NameLexicon.WeakLocationCues, words[0]);
            var placeEnd = TryPlace(text, ref tokens, after, results, cued: true);
            if (placeEnd > after + 0)
            {
                if (placeEnd > after + 1 || tokens[after].Has(WordClass.City | WordClass.Country))
                {
                    end = placeEnd;
                    return true;
                }
            }

            if (weak || tokens[after].Has(WordClass.Common))
            {
                continue;
            }

            // A strong cue ("I live in", "j'habite à", "ninaishi") before an unknown capitalised word.
            var nameEnd = TakeName(text, ref tokens, after, requireCapital: true);
            if (nameEnd > after)
            {
                results.Add(Span(PiiEntityType.Location, ref tokens, after, Math.Min(nameEnd, after + 3), 0.6));
                end = nameEnd;
                return true;
            }
        }

        return false;
    }


    // A one-word location cue ("in", "to", "de") is followed by a place only when the next token is a capitalised
    // word: when the character after the white space rules that out (an ASCII character other than a capital
    // letter, or the end of the text), the cue is not looked up, and the next token is not made for it.
    private static bool MayFollowLocationCue(ReadOnlySpan<char> text, WordToken cue)
    {
        if (!cue.Has(WordClass.SingleWordLocationCue))
        {
            return true;
        }

        var k = cue.End;
        while (k < text.Length && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        return k < text.Length && (text[k] >= 128 || char.IsAsciiLetterUpper(text[k]));
    }

    /// <summary>Looks up one to four capitalised tokens from <paramref name="i"/> in the place gazetteers, longest first.</summary>
    /// <returns>The token index after the place, or <paramref name="i"/> + 1 when there is none.</returns>
    private int TryPlace(ReadOnlySpan<char> text, ref TokenStream tokens, int i, ICollection<PiiMatch> results, bool cued)
    {
        var maxEnd = i;
        var longest = tokens[i].Has(WordClass.MultiWordPlaceStart) ? 4 : 1;
        while (tokens.Has(maxEnd) && maxEnd - i < longest && !(maxEnd > i && tokens[maxEnd].Is(TokenFlags.LineStart))
            && (tokens[maxEnd].Kind == TokenKind.Word || (tokens[maxEnd].Kind == TokenKind.Punctuation && text[tokens[maxEnd].Start] == '-')))
        {
            maxEnd++;
        }

        for (var end = maxEnd; end > i; end--)
        {
            if (!tokens[end - 1].IsCapitalizedWord)
            {
                continue;
            }

            var span = text[tokens[i].Start..tokens[end - 1].End];
            // Two-letter codes (UK, CO) are places only inside an address block.
            if (span.Length <= 2)
            {
                continue;
            }

            // A lone, uncued place name at the start of a sentence or in capitals may be an ordinary word.
            var weakPosition = !cued && end == i + 1 && (tokens[i].Is(TokenFlags.SentenceStart) || tokens[i].Is(TokenFlags.AllCaps));
            var single = end == i + 1;
            if (single ? tokens[i].Has(WordClass.Country) : Gazetteer.Contains(_gazetteer.Countries, span))
            {
                results.Add(Span(PiiEntityType.Location, ref tokens, i, end, cued ? 0.85 : 0.75));
                return end;
            }

            if (single ? tokens[i].Has(WordClass.City) : Gazetteer.Contains(_gazetteer.Cities, span))
            {
                var ambiguous = single ? tokens[i].Has(WordClass.AmbiguousCity) : Gazetteer.Contains(_gazetteer.AmbiguousCities, span);
                if (!ambiguous || cued)
                {
                    results.Add(Span(PiiEntityType.Location, ref tokens, i, end, cued ? 0.8 : weakPosition ? 0.45 : 0.65));
                    return end;
                }
            }
        }

        return i + 1;
    }

    private static bool TryPostalCode(ReadOnlySpan<char> text, ref TokenStream tokens, int i, ICollection<PiiMatch> results)
    {
        if (!tokens[i].Has(WordClass.Postcode))
        {
            return false;
        }

        var k = i + 1;
        while (tokens.Has(k) && k - i <= 3 && tokens[k].Kind != TokenKind.Number)
        {
            if (tokens[k].Is(TokenFlags.LineStart))
            {
                return false;
            }

            k++;
        }

        if (!tokens.Has(k) || tokens[k].Kind != TokenKind.Number)
        {
            return false;
        }

        var end = k + 1;
        if (tokens.Has(end + 1) && text[tokens[end].Start] == '-' && tokens[end + 1].Kind == TokenKind.Number
            && tokens[end].Start == tokens[k].End)
        {
            end += 2;
        }

        results.Add(Span(PiiEntityType.PostalCode, ref tokens, k, end, 0.7, "names-places"));
        return true;
    }

    // --- Shared -----------------------------------------------------------------------------------------

    // The phrase's first word is not compared again: token i equals the key it was looked up by ignoring case, and so
    // equals the first word of every phrase filed under that key (the cues are grouped by first word ignoring case).
    private static int MatchPhrase(ReadOnlySpan<char> text, ref TokenStream tokens, int i, string[] words)
    {
        var k = i + 1;
        for (var w = 1; w < words.Length; w++)
        {
            if (!tokens.Has(k) || !Slice(text, tokens[k]).Equals(words[w], StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }

            k++;
        }

        return k;
    }


    private static ReadOnlySpan<char> Slice(ReadOnlySpan<char> text, WordToken t) => text.Slice(t.Start, t.Length);

    /// <summary>Tests <paramref name="c"/> on any word: the tokenizer looks only capitalised words up in the gazetteers.</summary>
    private static bool Has(ReadOnlySpan<char> text, WordToken t, WordClass c) =>
        t.Has(c) || (t.Kind == TokenKind.Word && !t.IsCapitalizedWord && (c & WordClasses.GazetteerClasses) != 0
            && (WordClasses.Classify(Slice(text, t)) & c) != 0);

    private PiiMatch Span(PiiEntityType type, ref TokenStream tokens, int first, int end, double score) =>
        Span(type, ref tokens, first, end, score, Name);

    private static PiiMatch Span(PiiEntityType type, ref TokenStream tokens, int first, int end, double score, string name) =>
        new(type, tokens[first].Start, tokens[end - 1].End - tokens[first].Start, score, name);
}
