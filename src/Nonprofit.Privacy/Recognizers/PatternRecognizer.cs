using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// Context-bound patterns, where a source-generated regular expression is the clearest tool: GPS
/// coordinates (decimal and degrees-minutes-seconds), ages stated with a phrase ("34 years old", "j'ai 34
/// ans", "tengo 27 años", "nina miaka 25", "meri umar 30 saal") and dates of birth (a date after a birth
/// word in any of the six languages; a bare date is not personal data).
/// </summary>
internal sealed partial class PatternRecognizer : IPiiRecognizer, ITokenRecognizer
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static readonly PiiEntityType[] s_types =
        [PiiEntityType.GpsCoordinates, PiiEntityType.Age, PiiEntityType.DateOfBirth, PiiEntityType.FrNir];

    // Words one of which every age phrase contains; the age regex runs only when one is present.
    internal static readonly string[] AgeTriggerWords =
    [
        "age", "aged", "turn", "turned", "turns", "turning", "old", "yrs", "yo", "y/o", "y.o", "ans", "años", "anos", "miaka", "umri", "umar", "umra", "umr", "saal", "sal", "उम्र", "आयु", "साल", "वर्ष",
    ];

    private static readonly WordSearch s_ageTriggers = new(AgeTriggerWords);

    private static readonly WordSearch s_birthSearch;

    private static readonly WordSearch s_placePrepositions = new(
        ["at", "near", "in", "à", "au", "chez", "en", "em", "no", "na", "liko", "iko", "yuko", "pe", "par", "showed", "shows", "montre",
         "mostra", "aparece en", "aparece em", "फ़ोन", "पर"]);

    internal static readonly string[] BirthWords =
    [
        "born", "birth", "dob", "d.o.b", "birthday", "née", "né", "naissance", "nacimiento", "nacido", "nacida", "nació",
        "nascimento", "nascido", "nascida", "nasceu", "alizaliwa", "nilizaliwa", "kuzaliwa", "janam", "janmdin", "paida",
        "जन्म", "पैदा",

        // The first person and the abbreviations of forms ("nací el ...", "nasci a ...", "Nasc.:", "Date de naiss.", "F. nac.").
        "nací", "naci", "nasci", "nasc", "naiss", "nac", "nimezaliwa", "amezaliwa", "janm", "जन्मदिन", "जन्मतिथि",
    ];

    // A person as the subject of a birth: first- and third-person verbs that only take an animate subject, then pronouns
    // and possessives (en, fr, es, pt, sw, hi-Latn, hi). "our"/"we"/"its"/"su"/"son" are left out: organisations use them.
    private static readonly WordSearch s_personalBirth = new(
    [
        "nací", "naci", "nasci", "nilizaliwa", "alizaliwa", "nimezaliwa", "amezaliwa",
        "i", "im", "me", "my", "you", "your", "he", "his", "she", "her",
        "je", "moi", "tu", "il", "elle", "mon", "ma", "mes", "ton", "ta",
        "yo", "mi", "mis", "ella", "eu", "meu", "minha", "ele", "ela", "você",
        "mimi", "wewe", "yeye",
        "main", "mera", "meri", "mere", "mujhe", "tera", "teri", "tere", "uska", "uski", "uske",
        "मैं", "मेरा", "मेरी", "मेरे", "मुझे", "तेरा", "तेरी", "उसका", "उसकी", "उसके",
    ]);

    static PatternRecognizer()
    {
        s_birthSearch = new WordSearch(BirthWords);
    }

    [GeneratedRegex(@"(?<![\d.])-?(?:[1-8]?\d\.\d{3,8}|90\.0{3,8})°?\s?[NS]?\s?[,;]\s?-?(?:1[0-7]\d|\d{1,2})\.\d{3,8}°?\s?[EWO]?(?!\d|\.\d)", Options)]
    private static partial Regex DecimalCoordinates();

    // Decimal degrees with hemisphere letters, after ("0.51 N, 35.26 E", "12.97°N 77.59°E") or before ("S 1.29, E 36.82")
    // the numbers: the letters make them a position whatever their precision. Upper-case letters only.
    [GeneratedRegex(@"(?<![\w.])(?:(?:[1-8]?\d|90)\.\d{2,8}\s?[°º]?\s?[NS](?!\w)\s?[,;]?\s{0,2}(?:1[0-7]\d|\d{1,2})\.\d{2,8}\s?[°º]?\s?[EWO](?!\w)" +
        @"|[NS]\s?(?:[1-8]?\d|90)\.\d{2,8}[°º]?\s?[,;]?\s{0,2}[EWO]\s?(?:1[0-7]\d|\d{1,2})\.\d{2,8}[°º]?(?!\w|\.\d))", RegexOptions.CultureInvariant)]
    private static partial Regex HemisphereCoordinates();

    // A pair of decimals with two places or more ("37.38, -5.98", "37.38 -5.98", "lat 37.38 lon -5.98"): a position only
    // with a context word near it (see ContextLexicon), as prices and readings have the same shape.
    [GeneratedRegex(@"(?<![\d.])-?(?:[1-8]?\d|90)\.\d{2,8}[°º]?(?:\s?[,;/]\s?|\s{1,2}|,?\s?(?:lon|lng|long|longitude)\s?[:=]?\s?)-?(?:1[0-7]\d|\d{1,2})\.\d{2,8}[°º]?(?!\d|\.\d)", Options)]
    private static partial Regex ShortDecimalCoordinates();

    [GeneratedRegex(@"\d{1,2}°\s?\d{1,2}['′’]\s?(?:\d{1,2}(?:\.\d+)?(?:""|″|'')\s?)?[NS],?\s{0,2}\d{1,3}°\s?\d{1,2}['′’]\s?(?:\d{1,2}(?:\.\d+)?(?:""|″|'')\s?)?[EWO]", Options)]
    private static partial Regex DmsCoordinates();

    // Every age phrase has its first digit at most AgeReach characters after its start ("at the age of" and up to
    // three spaces before the number are the longest lead).
    private const int AgeReach = 16;

    private const string AgeExpression =
        @"\b(?:(?:aged?|age of|at the age of|age:)\s{1,3}\d{1,3}\b|turn(?:ed|s|ing)?\s\d{1,3}\b(?!\s?(?:%|percent|degrees|times|points))|(?:(?:he|she|i|they|you|we)\s(?:was|is|am|are|were)|i'm|i’m)\s\d{1,3}(?=\s?(?:[.,;!?]|$|years?|yrs?|y/o))|\d{1,3}\s?(?:-\s?)?(?:years?|yrs?)(?:\s?-\s?|\s)old\b|\d{1,3}\s?(?:yrs|yo|y/o|y\.o\.)(?!\w)" +
            @"|,\s\d{1,3}\s?(?:years?|yrs?|ans|años|anos|saal|sal|साल|वर्ष)(?=\s?[,.;)])|,\s(?:miaka|umri)\s\d{1,3}\b|\b(?:wa|ya)\smiaka\s\d{1,3}\b" +
            @"|(?:j['’]ai|âgée?s? de|elle a|il a|tu as|vous avez|(?<!\by\s)a)\s\d{1,3}\s?ans\b" +
            @"|(?:tengo|tiene|tienes|edad(?: de)?:?|de)\s\d{1,3}\s?años\b" +
            @"|(?:tenho|tem|idade(?: de)?:?|com|de)\s\d{1,3}\s?anos\b" +
            @"|(?:nina|ana|una|umri wa|umri)\s(?:miaka\s)?\d{1,3}\b" +
            @"|(?:umar|umra|umr|age)\s(?:hai\s|he\s)?\d{1,3}\b|\d{1,3}\s?(?:saal|sal)\s(?:ki|ka|ke)\b" +
            @"|(?:उम्र|आयु)\s?(?:है\s)?\d{1,3}|\d{1,3}\s?(?:साल|वर्ष)\s(?:की|का|के))";

    [GeneratedRegex(AgeExpression, Options)]
    internal static partial Regex AgePhrase();

    // The same expression, matched only where the scan starts it (see NextMatch).
    [GeneratedRegex(@"\G(?:" + AgeExpression + ")", Options)]
    private static partial Regex AgePhraseAt();

    // Month names and their abbreviations (en, fr, es, pt, sw), shared by the date expressions below; a name may go on
    // with more letters ("sept" + "embre").
    private const string MonthNames = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|déc|ene|abr|ago|dic|fev|set|out|dez|januari|februari|machi|aprili|mei|juni|julai|agosti|septemba|oktoba|novemba|desemba";

    // Hindi month names in Devanagari, read in day-month-year dates.
    private const string HindiMonthNames = "जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर";

    private const string DateExpression =
        @"\b(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}" +
            @"|\d{1,2}(?:st|nd|rd|th|er)?\s(?:de\s)?(?:" + MonthNames + "|" + HindiMonthNames + @")[a-zçéûô]*\.?,?\s(?:de\s)?(?:19|20)\d{2}" +
            @"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s(?:19|20)\d{2})\b";

    [GeneratedRegex(DateExpression, Options)]
    internal static partial Regex Date();

    // The same expression, matched only where the scan starts it (see NextMatch).
    [GeneratedRegex(@"\G(?:" + DateExpression + ")", Options)]
    private static partial Regex DateAt();

    // A year of birth, then the day and month: "née en 1992, le 8 septembre", "nilizaliwa 1987 tarehe 9 Septemba",
    // "born 1990 on 3 May". Read only after a birth word (see AddDatesOfBirth).
    [GeneratedRegex(@"\b(?:19|20)\d{2},?\s(?:(?:le|on|the|el|em|a|dia|tarehe|ko)\s)?\d{1,2}(?:st|nd|rd|th|er)?\s(?:de\s)?(?:" + MonthNames + @")[a-zçéûô]*\b", Options)]
    private static partial Regex YearThenDayMonth();

    // A year of birth alone, right after a birth verb and at most two short words ("born in 1990", "nací en 1985", "née en
    // 1992", "nilizaliwa mwaka 1987", "mera janam 1990 mein", "मेरा जन्म 1990 में"): the year (group 1), not "1990s", not a
    // date's year. Reported lower than a full date (see AddDatesOfBirth).
    [GeneratedRegex(@"(?<=(?<![\p{L}\p{M}])(?:born|née|né|nee|nacid[oa]|nací|naci|nació|nasci|nascid[oa]|nasceu|nilizaliwa|alizaliwa|amezaliwa|nimezaliwa|janam|janm|paida|जन्म|पैदा)\s(?:(?:in|en|em|no|mwaka|wa|ka|ki|mein|sal|saal|में|सन्|सन|वर्ष|साल)\s){0,2})(?:19|20)\d{2}(?!\d|[/\-]\d|[.,]\d|['’]?s\b|\p{L})", Options)]
    private static partial Regex YearOfBirth();

    // A French NIR written in groups, Corsican departments 2A/2B included: "1 78 11 2A 162 086 60".
    [GeneratedRegex(@"\b[1-478]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?\d{2}\b", RegexOptions.CultureInvariant)]
    internal static partial Regex GroupedNir();

    public string Name => "pattern";

    public IReadOnlyCollection<PiiEntityType> SupportedTypes => s_types;

    public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results) => RecognizeCore(text, [], [], useTokens: false, results);

    public void Recognize(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, ReadOnlySpan<WordToken> innerRuns, bool runsKnown, ICollection<PiiMatch> results) =>
        RecognizeCore(text, tokens, innerRuns, useTokens: runsKnown, results);

    // With useTokens, every run of letters of the text with a trigger class is one of the tokens or inner runs (see
    // TokenStream.RunsKnown), and the trigger words are found from their classes instead of a scan of the text.
    private void RecognizeCore(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, ReadOnlySpan<WordToken> innerRuns, bool useTokens, ICollection<PiiMatch> results)
    {
        // Every pattern needs a digit: nothing to do on a text without one.
        if (!DevanagariDigits.HasDigits(text, out var devanagari))
        {
            return;
        }

        if (devanagari)
        {
            // "जन्म १२/०३/१९९०": Devanagari digits are read on a copy with ASCII digits (same offsets, same tokens).
            using var copy = DevanagariDigits.Copy(text, stackalloc char[DevanagariDigits.StackLength]);
            RecognizeAscii(copy.Text, tokens, innerRuns, useTokens, results);
            return;
        }

        RecognizeAscii(text, tokens, innerRuns, useTokens, results);
    }

    private void RecognizeAscii(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, ReadOnlySpan<WordToken> innerRuns, bool useTokens, ICollection<PiiMatch> results)
    {
        // Every pattern needs a digit: skip the regex engines on text without one. One pass over the runs of ASCII
        // digits answers the other cheap questions too (see DigitFacts).
        var facts = DigitFacts.Of(text);
        if (!facts.Any)
        {
            return;
        }

        if (facts.LongDecimal)
        {
            foreach (var m in DecimalCoordinates().EnumerateMatches(text))
            {
                // A pair of decimals may be sensor readings: reported right after a place preposition ("at", "à",
                // "en", "em", "liko") or with a context word (GPS, location, lat ...).
                var before = text[Math.Max(0, m.Index - 14)..m.Index];
                var score = s_placePrepositions.ContainsWord(before) ? 0.6 : 0.45;
                results.Add(new PiiMatch(PiiEntityType.GpsCoordinates, m.Index, m.Length, score, Name));
            }
        }

        // Positions with two decimal places or hemisphere letters (see HemisphereCoordinates, ShortDecimalCoordinates),
        // read only where a decimal point has a digit before it and two after.
        if (HasShortDecimal(text))
        {
            AddShortCoordinates(text, results);
        }

        if (text.Contains('°'))
        {
            foreach (var m in DmsCoordinates().EnumerateMatches(text))
            {
                results.Add(new PiiMatch(PiiEntityType.GpsCoordinates, m.Index, m.Length, 0.85, Name));
            }
        }

        // A grouped NIR has at least 13 digits (15 characters, "2A" or "2B" among them in Corsica).
        if (text.Length >= 15 && facts.ThirteenDigits && (facts.NirChain || !System.Text.Ascii.IsValid(text)))
        {
            AddGroupedNirs(text, results);
        }

        if (HasWord(text, tokens, innerRuns, useTokens, s_ageTriggers, WordClass.AgeTrigger) || facts.VerbBeforeNumber)
        {
            AddAges(text, results);
        }

        if (HasWord(text, tokens, innerRuns, useTokens, s_birthSearch, WordClass.BirthWord))
        {
            AddDatesOfBirth(text, results);
        }
    }

    /// <summary>
    /// What the patterns ask of a text's runs of ASCII digits, found in one pass over them: whether it has a digit
    /// (<see cref="Any"/>), a decimal point between a digit and three more (<see cref="LongDecimal"/>: decimal
    /// coordinates), at least 13 digits in all (<see cref="ThirteenDigits"/>: a grouped NIR), runs at most two characters
    /// apart that hold at least 14 digits together (<see cref="NirChain"/>: in a text of ASCII characters, where <c>\d</c> is
    /// an ASCII digit and <c>\s</c> one character, every grouped NIR is such a chain: 14 or 15 digits, groups one space
    /// apart, or two after "2A") and a form of "to be" right before a number (<see cref="VerbBeforeNumber"/>: "she was 78.",
    /// "I'm 34").
    /// </summary>
    internal readonly record struct DigitFacts(bool Any, bool LongDecimal, bool ThirteenDigits, bool NirChain, bool VerbBeforeNumber)
    {
        public static DigitFacts Of(ReadOnlySpan<char> text)
        {
            var start = text.IndexOfAnyInRange('0', '9');
            if (start < 0)
            {
                return default;
            }

            var count = 0;
            var chain = 0;
            var longestChain = 0;
            var previousEnd = int.MinValue / 2;
            var longDecimal = false;
            var verb = false;
            while (true)
            {
                verb = verb || IsVerbBefore(text, start);
                chain = start - previousEnd <= 2 ? chain : 0;
                var run = text[start..].IndexOfAnyExceptInRange('0', '9');
                if (run < 0)
                {
                    count += text.Length - start;
                    longestChain = Math.Max(longestChain, chain + text.Length - start);
                    break;
                }

                // A period right after a digit ends a run of digits.
                var end = start + run;
                count += run;
                chain += run;
                longestChain = Math.Max(longestChain, chain);
                previousEnd = end;
                longDecimal = longDecimal || (text[end] == '.' && end + 3 < text.Length && char.IsAsciiDigit(text[end + 1])
                    && char.IsAsciiDigit(text[end + 2]) && char.IsAsciiDigit(text[end + 3]));
                var next = text[end..].IndexOfAnyInRange('0', '9');
                if (next < 0)
                {
                    break;
                }

                start = end + next;
            }

            return new DigitFacts(true, longDecimal, count >= 13, longestChain >= 14, verb);
        }
    }

    /// <summary>Returns whether <paramref name="text"/> has an age trigger word (<paramref name="age"/>) or a birth word, as a scan of the text finds it.</summary>
    internal static bool HasTriggerWord(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, ReadOnlySpan<WordToken> innerRuns, bool useTokens, bool age) =>
        age ? HasWord(text, tokens, innerRuns, useTokens, s_ageTriggers, WordClass.AgeTrigger)
            : HasWord(text, tokens, innerRuns, useTokens, s_birthSearch, WordClass.BirthWord);

    private static bool HasWord(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, ReadOnlySpan<WordToken> innerRuns, bool useTokens, WordSearch words, WordClass firstRuns)
    {
        if (!useTokens)
        {
            return words.ContainsWord(text);
        }

        return StartsAny(text, tokens, words, firstRuns) || StartsAny(text, innerRuns, words, firstRuns);
    }

    private static bool StartsAny(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> runs, WordSearch words, WordClass firstRuns)
    {
        foreach (var t in runs)
        {
            if ((t.Class & firstRuns) != 0 && words.StartsWord(text, t.Start, t.End))
            {
                return true;
            }
        }

        return false;
    }

    private void AddGroupedNirs(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
    {
        Span<char> compact = stackalloc char[15];
        foreach (var m in GroupedNir().EnumerateMatches(text))
        {
            var n = 0;
            foreach (var c in text.Slice(m.Index, m.Length))
            {
                if (c != ' ' && n < 15)
                {
                    compact[n++] = c;
                }
            }

            if (n == 15 && Checksums.FrenchNir(compact))
            {
                results.Add(new PiiMatch(PiiEntityType.FrNir, m.Index, m.Length, 0.9, Name));
            }
        }
    }

    // "she was 78.", "I'm 34": a form of "to be" right before the number whose first digit is at `at`.
    private static bool IsVerbBefore(ReadOnlySpan<char> text, int at)
    {
        // Every ending below ends in 's', 'm' or 'e'; a character equal to one of them ignoring case is that ASCII
        // letter in either case or not ASCII.
        if (at < 3 || text[at - 1] != ' ' || ((text[at - 2] | 0x20) is not ('s' or 'm' or 'e') && text[at - 2] < 128))
        {
            return false;
        }

        var before = text[..(at - 1)];
        return before.EndsWith(" was", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" is", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" am", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" are", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" were", StringComparison.OrdinalIgnoreCase) || before.EndsWith("'m", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("’m", StringComparison.OrdinalIgnoreCase);
    }

    private void AddAges(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
    {
        var scan = new ScanState(text);
        while (NextAge(text, ref scan, out var index, out var length))
        {
            // The age is the number in the phrase; its digits may be Devanagari (उम्र २८).
            var phrase = text.Slice(index, length);
            var first = 0;
            while (first < phrase.Length && !char.IsDigit(phrase[first]))
            {
                first++;
            }

            var last = first;
            var value = 0;
            while (last < phrase.Length && char.IsDigit(phrase[last]) && last - first < 3)
            {
                value = (value * 10) + (int)char.GetNumericValue(phrase[last]);
                last++;
            }

            if (last > first && value is > 0 and <= 120)
            {
                results.Add(new PiiMatch(PiiEntityType.Age, index + first, last - first, 0.8, Name));
            }
        }
    }

    private void AddDatesOfBirth(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
    {
        var scan = new ScanState(text);
        while (NextDate(text, ref scan, out var index, out var length))
        {
            var window = text[Math.Max(0, index - 40)..index];
            if (ContextLexicon.ContainsWord(window, BirthWords))
            {
                results.Add(new PiiMatch(PiiEntityType.DateOfBirth, index, length, 0.85, Name));
            }
        }

        // A year of birth alone is quasi-identifying, like an age (reported as AGE), but only when a person was born: with a
        // personal subject (a first-person verb such as "nací"/"nilizaliwa", or a pronoun or possessive within 40 characters
        // before the year: "I was born", "my son was born", "mera janam") it is DATE_OF_BIRTH at 0.6, above the default
        // threshold 0.5, and a threshold of 0.7 on the type keeps full dates of birth (0.85) and drops it. Without one ("Our
        // food bank was born in 2010") it is reported at 0.45, below the default threshold. A full date that holds the year
        // wins the overlap.
        foreach (var m in YearOfBirth().EnumerateMatches(text))
        {
            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            var personal = s_personalBirth.ContainsWord(before);
            results.Add(new PiiMatch(PiiEntityType.DateOfBirth, m.Index, m.Length, personal ? 0.6 : 0.45, Name));
        }

        // A year then the day and month, right after the birth word ("née en 1992, le 8 septembre"). A date the scan
        // above also found overlaps it; the detector keeps one.
        foreach (var m in YearThenDayMonth().EnumerateMatches(text))
        {
            var window = text[Math.Max(0, m.Index - 24)..m.Index];
            if (ContextLexicon.ContainsWord(window, BirthWords))
            {
                results.Add(new PiiMatch(PiiEntityType.DateOfBirth, m.Index, m.Length, 0.85, Name));
            }
        }
    }

    // Whether two decimal points, at most 32 characters apart, each have a digit before them and two after ("37.38, -5.98"):
    // every pair the two expressions match has them.
    private static bool HasShortDecimal(ReadOnlySpan<char> text)
    {
        var previous = int.MinValue / 2;
        for (var p = text.IndexOf('.'); p >= 0 && p + 2 < text.Length; p = text[(p + 1)..].IndexOf('.') is var n and >= 0 ? p + 1 + n : -1)
        {
            if (p > 0 && char.IsAsciiDigit(text[p - 1]) && char.IsAsciiDigit(text[p + 1]) && char.IsAsciiDigit(text[p + 2]))
            {
                if (p - previous <= 32)
                {
                    return true;
                }

                previous = p;
            }
        }

        return false;
    }

    // A pair DecimalCoordinates also found is reported again with the same span; the detector keeps one of them.
    private void AddShortCoordinates(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
    {
        foreach (var m in HemisphereCoordinates().EnumerateMatches(text))
        {
            // "size 10.50 S, 12.30 E": sizes with S/E letters after a size word are no position.
            if (SizeBefore().IsMatch(text[Math.Max(0, m.Index - 12)..m.Index]))
            {
                continue;
            }

            results.Add(new PiiMatch(PiiEntityType.GpsCoordinates, m.Index, m.Length, 0.85, Name));
        }

        foreach (var m in ShortDecimalCoordinates().EnumerateMatches(text))
        {
            // A currency sign right before the pair, or a unit or currency right after it, makes it a price, a dose, a
            // time or a distance ("€12.99, 14.50", "2.50 / 1.25 mg", "58.21, 59.03 s"; review finding 7), whatever
            // position word is near. Only the two-place pair: the three-place one is as main had it.
            if (CurrencyBefore().IsMatch(text[Math.Max(0, m.Index - 12)..m.Index]) || UnitAfter().IsMatch(text[(m.Index + m.Length)..]))
            {
                continue;
            }

            results.Add(new PiiMatch(PiiEntityType.GpsCoordinates, m.Index, m.Length, 0.45, Name));
        }
    }

    // A size word right before a number ("size 10.50 S", "taille: 12.30 E").
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:sizes?|taille|tailles|talla|tallas|tamanho|tamanhos|saizi|साइज़|साइज)\s?[:=]?\s?$", Options)]
    private static partial Regex SizeBefore();

    // A currency sign or code right before a number ("€12.99", "$ 45.20", "KSh 52.50", "Rs. 48.75").
    [GeneratedRegex(@"(?:[€$£¥₹₦₱₵]|(?<![\p{L}\p{N}])(?i:usd|eur|gbp|kes|ksh|rs|inr|ngn|r\$)\.?)\s?$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyBefore();

    // A unit or currency right after a number, as a whole word ("mg", "km", "min", "s", "%", "€", "euros"): single
    // letters in lower case only (or "L"), so "S" and "E" stay hemisphere letters. Not one followed by a number: "km 12"
    // is a road's marker, written after a position as well.
    [GeneratedRegex(@"^\s?(?:[%€$£¥₹₦₱₵]|(?:(?i:mcg|µg|mg|ml|kg|km|cm|mm|mi|mins?|secs?|hrs?|euros?|dollars?|usd|eur|gbp|kes|ksh|shillings?|rupees?|rs|inr|pesos?|reais|naira)|[smhgl]|L)(?![\p{L}\p{N}'’])(?!\s?\d))", RegexOptions.CultureInvariant)]
    private static partial Regex UnitAfter();
}
