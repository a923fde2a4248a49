using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The age and date scans, which try the anchored expressions only near runs of digits, find exactly the matches
/// (position and length, in order) that the regular expressions find when they try every position.
/// </summary>
public sealed class AgeDateScanTests
{
    private static readonly string[] s_pieces =
    [
        "aged", "age", "Age", "AGED", "age of", "at the age of", "age:", "turn", "turned", "Turns", "turning", "he", "she", "I", "i",
        "they", "you", "we", "was", "is", "am", "are", "were", "I'm", "i’m", "years", "year", "yrs", "yr", "old", "yo", "y/o", "y.o.",
        "-", "%", "percent", "degrees", "times", "points", "ans", "años", "anos", "saal", "sal", "साल", "वर्ष", "miaka", "umri", "wa", "ya",
        "y", "j'ai", "j’ai", "âgée", "âgés de", "Âgé de", "elle a", "il a", "tu as", "vous avez", "a", "tengo", "tiene", "tienes", "edad",
        "edad de:", "de", "tenho", "tem", "idade", "idade de:", "com", "nina", "ana", "una", "umri wa", "umar", "umra", "umr", "hai", "he",
        "ki", "ka", "ke", "उम्र", "आयु", "है", "की", "का", "के", "२८", "४", "٣", "１２",
        "1", "7", "12", "34", "78", "101", "1234", "19", "20", "1990", "2024", "05", "31", "3", "st", "nd", "rd", "th", "er",
        "jan", "Jan", "January", "JANUARY", "feb", "mar", "March", "may", "sept", "September", "dec", "Dec.", "déc", "août", "ene",
        "dez", "januari", "desemba", "févr", "juil", "Kelvin", "\u212a", "\u017f", "\u0130", "x", "_", "é", "ç", "Ω",
        " ", " ", " ", " ", "  ", "\u00a0", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u001c", "\u2003", "123", "12345", "2001-", "555-1234", ", ", ",", ".", ". ", "/", "-", ";", "!", "?", ")", "(", "'", "\u200d", "\u0301",
    ];

    private static readonly Gen<string> s_texts =
        Gen.Int[0, s_pieces.Length - 1].Array[1, 30].Select(ix => string.Concat(ix.Select(i => s_pieces[i])));

    // Texts made of phrases that match, then mutated: characters deleted, doubled or replaced.
    private static readonly string[] s_seeds =
    [
        "He is 34 years old, she was 78.", "aged 5, at the age of 12 and turned 40 today", "j'ai 34 ans, tengo 27 años, tenho 30 anos",
        "nina miaka 25, umri wa miaka 30", "meri umar 30 saal ki hai; उम्र २८ साल की", "born on 12/05/1990 or 1990-05-12",
        "DOB: 3rd March 1985; né le 12 de junio de 1990", "Born Jan. 5, 1992 and December 31st, 2001", "5yo, 7 y/o, 8 y.o. and 9yrs",
        "a 34 ans, Ana, 25 años.", "they were 3 turning 50 percent", "He turned 21!", ", 45 years)", "Age: 34 at 12.5.2001",
        "née le 1er mars 1990, 2nd Dec 2001 or 5 Sept. 1999", "आयु२८ साल, उम्र है 31", "call 555-123-4567 at 9 or 2024-11-30",
        "vous avez 30 ans; tu as 9 ans; edad: 31 años; idade de: 40 anos; umar hai 30; age of   7; elle a 5 ans; umri wa 3",
    ];

    private static readonly Gen<string> s_mutated =
        Gen.Select(Gen.Int[0, s_seeds.Length - 1], Gen.Int[0, 6].Array[1, 6], Gen.Int[0, 1000].Array[6], Gen.Char['\0', '\u0970'].Array[6])
            .Select((seed, ops, at, chars) =>
            {
                var text = new System.Text.StringBuilder(s_seeds[seed]);
                for (var k = 0; k < ops.Length && text.Length > 0; k++)
                {
                    var i = at[k] % text.Length;
                    switch (ops[k])
                    {
                        case 0: text.Remove(i, 1); break;
                        case 1: text.Insert(i, text[i]); break;
                        case 2: text[i] = chars[k]; break;
                        case 3: text.Insert(i, ' '); break;
                        case 4: text.Insert(i, char.IsDigit(text[i]) ? "9" : "x"); break;
                        case 5: text[i] = char.IsUpper(text[i]) ? char.ToLowerInvariant(text[i]) : char.ToUpperInvariant(text[i]); break;
                        default: text.Insert(i, s_seeds[(seed + 1) % s_seeds.Length]); break;
                    }
                }

                return text.ToString();
            });

    [Fact]
    public void AgeScan_FindsWhatTheRegexFinds_OnRandomTexts() =>
        s_texts.Sample(text => Assert.Equal(RegexAges(text), ScanAges(text)), iter: 30000);

    [Fact]
    public void AgeScan_FindsWhatTheRegexFinds_OnMutatedPhrases() =>
        s_mutated.Sample(text => Assert.Equal(RegexAges(text), ScanAges(text)), iter: 30000);

    [Fact]
    public void DateScan_FindsWhatTheRegexFinds_OnRandomTexts() =>
        s_texts.Sample(text => Assert.Equal(RegexDates(text), ScanDates(text)), iter: 30000);

    [Fact]
    public void DateScan_FindsWhatTheRegexFinds_OnMutatedPhrases() =>
        s_mutated.Sample(text => Assert.Equal(RegexDates(text), ScanDates(text)), iter: 30000);

    [Fact]
    public void Scans_FindWhatTheRegexFinds_OnLongTexts()
    {
        // Long texts of many random pieces: runs of digits of every length, far from and near the phrases' words.
        var texts = Gen.Int[0, s_pieces.Length - 1].Array[200, 2000].Select(ix => string.Concat(ix.Select(i => s_pieces[i])));
        texts.Sample(
            text =>
            {
                Assert.Equal(RegexAges(text), ScanAges(text));
                Assert.Equal(RegexDates(text), ScanDates(text));
            },
            iter: 300);
    }

    [Fact]
    public void Scans_FindThePhrasesOfTheSeeds()
    {
        // The comparisons above are only as good as the matches they meet: the seeds hold many of both.
        var seeds = string.Join(" | ", s_seeds);
        Assert.True(ScanAges(seeds).Count >= 15);
        Assert.True(ScanDates(seeds).Count >= 5);
        Assert.Equal(RegexAges(seeds), ScanAges(seeds));
        Assert.Equal(RegexDates(seeds), ScanDates(seeds));
    }

    private static List<(int, int)> RegexAges(string text) => RegexMatches(PatternRecognizer.AgePhrase(), text);

    private static List<(int, int)> ScanAges(string text) => ScanMatches(PatternRecognizer.NextAge, text);

    private static List<(int, int)> RegexDates(string text) => RegexMatches(PatternRecognizer.Date(), text);

    private static List<(int, int)> ScanDates(string text) => ScanMatches(PatternRecognizer.NextDate, text);

    private static List<(int, int)> RegexMatches(System.Text.RegularExpressions.Regex regex, string text)
    {
        var found = new List<(int, int)>();
        foreach (var m in regex.EnumerateMatches(text))
        {
            found.Add((m.Index, m.Length));
        }

        return found;
    }

    private static List<(int, int)> ScanMatches(PatternRecognizer.NextMatch next, string text)
    {
        var found = new List<(int, int)>();
        var state = new PatternRecognizer.ScanState(text);
        while (next(text, ref state, out var index, out var length))
        {
            found.Add((index, length));
        }

        return found;
    }
}
