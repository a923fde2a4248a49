using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The name and place scan that skips the tokens it never starts from finds what the scan of every token finds,
/// and the skipping stream still hands the age and birth words and the compound flag of a full tokenization.
/// </summary>
public sealed class TokenStreamTests
{
    private static readonly string[] s_pieces =
    [
        "my", "name", "is", "My", "Name", "i", "am", "I'm", "i'm", "call", "me", "known", "as", "live", "in", "from", "to", "at", "near",
        "moved", "here", "je", "m'appelle", "j'habite", "à", "me", "llamo", "jina", "langu", "ni", "mera", "naam", "मेरा", "नाम",
        "John", "Smith", "JOHN", "Amélie", "O'Brien", "Jean-Pierre", "jean-pierre", "Paris", "paris", "New", "York", "São", "Paulo",
        "Rio", "de", "Janeiro", "la", "van", "der", "Berg", "Mr", "Dr", "Mrs", "mr", "the", "The", "and", "a", "an", "of", "ya", "Moi",
        "Avenue", "Street", "street", "St", "Road", "rue", "Rue", "Calle", "Mayor", "Apt", "apt", "Suite", "#", "Box", "PSC", "USS",
        "zip", "code", "postcode", "Main", "Gesterbyntie", "tér", "u", "12", "3369", "24", "90210", "5yo", "1990", "age", "aged", "old",
        "years", "born", "birthday", "née", "DOB", "उम्र", "साल", "Nairobi", "Kenya", "Ibadan", "Springfield", "IL", "UK", "Sari", "J",
        " ", " ", " ", " ", ", ", ". ", ".", ",", "-", "'", ":", "!", "?", "\"", "“", ">", "/", "\n", "\r\n", "\t", " \n ", "\u00a0", "_",
        "Van", "VAN", "von", "bin", "al", "da", "Da", "del", "\u212Aelvin", "\u212A", "ı", "ıstanbul", "İstanbul", "ſt", "ſ", "Kı", "\u000b",
        "\u001c", "\u0085", "\u2028", "deſ", "\u0131n", "Çağrı", "रमेश", "कुमार", "Ave", "Lane", "Court", "rd", "Rd", "1st", "O'Neil", "o'",
        "iPhone", "mcDonald", "M", "J.", "A.", "4B", "Nové", "Město", "street\n", "Road\r", "-Smith", "d'Artagnan",
    ];

    private static readonly Gen<string> s_texts =
        Gen.Int[0, s_pieces.Length - 1].Array[1, 40].Select(ix => string.Concat(ix.Select(i => s_pieces[i])));

    // The pieces that are words, joined mostly by single spaces: multi-word names, places, cues and streets are frequent.
    private static readonly string[] s_words = [.. s_pieces.Where(p => p.Trim().Length > 0 && !p.Any(char.IsWhiteSpace) && p.Any(char.IsLetterOrDigit))];
    private static readonly string[] s_separators = [" ", " ", " ", " ", " ", " ", ", ", ". ", "\n", " - ", "\u00a0", ""];

    private static readonly Gen<string> s_phrases =
        Gen.Select(Gen.Int[0, s_words.Length - 1], Gen.Int[0, s_separators.Length - 1]).Array[1, 24]
            .Select(parts => string.Concat(parts.Select(p => s_words[p.Item1] + s_separators[p.Item2])));

    [Fact]
    public void NameScan_SkippingInertTokens_FindsWhatTheFullScanFinds_OnPhrases()
    {
        // The full scan makes every token: SkipInert passes over none.
        var names = new NameAndPlaceRecognizer();
        s_phrases.Sample(text =>
        {
            var skipping = new List<PiiMatch>();
            names.Recognize(text, skipping, skip: true);
            var full = new List<PiiMatch>();
            names.Recognize(text, full, skip: false);
            Assert.Equal(full, skipping);
        }, iter: 50000);
    }

    [Fact]
    public void NameScan_SkippingInertTokens_FindsWhatTheFullScanFinds()
    {
        var names = new NameAndPlaceRecognizer();
        s_texts.Sample(text =>
        {
            var skipping = new List<PiiMatch>();
            names.Recognize(text, skipping, skip: true);
            var full = new List<PiiMatch>();
            names.Recognize(text, full, skip: false);
            Assert.Equal(full, skipping);
        }, iter: 20000);
    }

    [Fact]
    public void Stream_AfterTheScan_HasTheTriggersAndCompoundFlagOfTheFullTokenization()
    {
        var names = new NameAndPlaceRecognizer();
        s_texts.Sample(text =>
        {
            var tokenizer = new WordTokenizer(text);
            var stream = new TokenStream(text);
            try
            {
                names.Scan(text, ref stream, new List<PiiMatch>());
                var expected = tokenizer.Tokens.ToArray().Where(t => (t.Class & (WordClass.AgeTrigger | WordClass.BirthWord)) != 0);
                Assert.Equal(expected, stream.Triggers.ToArray());
                Assert.Equal(tokenizer.HasCompoundTokens, stream.HasCompoundTokens);
            }
            finally
            {
                stream.Dispose();
                tokenizer.Dispose();
            }
        }, iter: 20000);
    }

    [Theory]
    [InlineData("i was born in Paris", true)]
    [InlineData("she is 34 years old", true)]
    [InlineData("the rain came late this season", false)]
    public void Stream_Triggers_HoldTheAgeAndBirthWords(string text, bool any)
    {
        var stream = new TokenStream(text);
        try
        {
            new NameAndPlaceRecognizer().Scan(text, ref stream, new List<PiiMatch>());
            Assert.Equal(any, stream.Triggers.Length > 0);
        }
        finally
        {
            stream.Dispose();
        }
    }

    [Fact]
    public void WordTable_EveryLexiconWord_IsFoundWithItsClasses()
    {
        var missing = WordClasses.LexiconWords().Count(p => (WordClasses.Classify(p.Key) & p.Value) != p.Value);
        Assert.Equal(0, missing);
    }

    [Fact]
    public void WordTable_LongAndShortWords_AreFoundAndTheirPrefixesAreNot()
    {
        var table = new WordTable([new("Mühlenstraßenweg", WordClass.StreetSuffix), new("ninechars", WordClass.City), new("tenletters", WordClass.Country)]);
        Assert.Equal(WordClass.StreetSuffix, table.Find("MÜHLENSTRAßENWEG", WordTable.Hash("MÜHLENSTRAßENWEG")));
        Assert.Equal(WordClass.City, table.Find("NineChars", WordTable.Hash("NineChars")));
        Assert.Equal(WordClass.Country, table.Find("TenLetters", WordTable.Hash("TenLetters")));
        Assert.Equal(WordClass.None, table.Find("ninechar", WordTable.Hash("ninechar")));
        Assert.Equal(WordClass.None, table.Find("tenletter", WordTable.Hash("tenletter")));
        Assert.Equal(WordClass.None, table.Find("Mühlenstraßenwe", WordTable.Hash("Mühlenstraßenwe")));
    }
}
