using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>The tokenizer's hashed, case-insensitive word classes agree with a direct look-up.</summary>
public sealed class WordTableTests
{
    [Theory]
    [InlineData("Paris")]
    [InlineData("PARIS")]
    [InlineData("paris")]
    [InlineData("Zürich")]
    [InlineData("ÉMILE")]
    [InlineData("Amélie")]
    [InlineData("O'Brien")]
    [InlineData("Jean-Pierre")]
    [InlineData("मुंबई")]
    [InlineData("Rue")]
    [InlineData("street")]
    public void Tokenizer_Word_HasTheClassesOfADirectLookup(string word)
    {
        var tokenizer = new WordTokenizer($"x {word} y");
        try
        {
            var token = tokenizer.Tokens[1];
            Assert.Equal(word.Length, token.Length);
            var expected = WordClasses.Classify(word);
            if (!token.IsCapitalizedWord)
            {
                expected &= ~WordClasses.GazetteerClasses; // lower-case words are looked up in the lexicons only
            }

            Assert.Equal(expected, token.Class);
        }
        finally
        {
            tokenizer.Dispose();
        }
    }

    [Fact]
    public void Classify_OneProbe_GivesTheUnionOfTheLexiconAndGazetteerTables()
    {
        // The word that may be a name is looked up once, in the table of both lists: the same classes as two probes,
        // for every listed word in three casings and for words the lists do not hold.
        var words = WordClasses.AllWords().Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(words.Length > 1000);
        foreach (var w in words.Concat(words.Select(w => w.ToUpperInvariant())).Concat(words.Select(w => w + "x")).Append("qwxzv"))
        {
            Assert.Equal(WordClasses.ClassifyInTwoTables(w), WordClasses.Classify(w));
        }
    }

    [Fact]
    public void Filter_EveryListedWordInThreeCasings_Passes()
    {
        // No false negatives: exhaustively over the table's words (as listed, lower and upper case).
        var table = WordClasses.LexiconAndGazetteer;
        Assert.True(table.HasFilter);
        var words = WordClasses.AllWords().Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(words.Length > WordTable.FilterFrom);
        foreach (var w in words.Concat(words.Select(w => w.ToUpperInvariant())).Concat(words.Select(w => w.ToLowerInvariant())))
        {
            Assert.True(table.MayContain(WordTable.Hash(w)), w);
            Assert.Equal(table.FindInSlots(w, WordTable.Hash(w)), table.Find(w, WordTable.Hash(w)));
        }
    }

    [Fact]
    public void Filter_GazetteerTable_RulesOutMostWordsItDoesNotList()
    {
        // The filter is small (32 KB for about 115,000 words), so it passes about a third of the words not listed; a
        // filter that passed everything would pass the tests above.
        var table = WordClasses.LexiconAndGazetteer;
        var others = Enumerable.Range(0, 20_000).Select(i => "Q" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(others, o => Assert.Equal(WordClass.None, table.FindInSlots(o, WordTable.Hash(o))));
        var passed = others.Count(o => table.MayContain(WordTable.Hash(o)));
        Assert.InRange(passed, others.Length / 5, others.Length / 2);
    }

    [Fact]
    public void Filter_RandomWords_SameAnswerAsTheSlots()
    {
        var table = WordClasses.LexiconAndGazetteer;
        Gen.Char["abcdeilmnorstuyzéßAÉKŞ'-"].Array[1, 12].Select(c => new string(c)).Sample(w =>
        {
            var hash = WordTable.Hash(w);
            return table.Find(w, hash) == table.FindInSlots(w, hash);
        }, iter: 200_000);
    }

    [Fact]
    public void Filter_RandomTable_HasNoFalseNegativesAndRulesOutMostOtherWords()
    {
        // A table big enough to get a filter, of random words; every word passes, and most words not in it do not.
        Gen.Char['a', 'z'].Array[3, 10].Select(c => new string(c)).HashSet[WordTable.FilterFrom, WordTable.FilterFrom + 2000].Sample(words =>
        {
            var table = new WordTable(words.Select(w => new KeyValuePair<string, WordClass>(w, WordClass.City)));
            if (!table.HasFilter || !words.All(w => table.MayContain(WordTable.Hash(w)) && table.Find(w.ToUpperInvariant(), WordTable.Hash(w)) == WordClass.City))
            {
                return false;
            }

            var others = Enumerable.Range(0, 20_000).Select(i => "0" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return others.Count(o => table.MayContain(WordTable.Hash(o))) < others.Length / 20;
        }, iter: 5);
    }

    [Fact]
    public void Classify_AnyCase_FindsTheSameClasses()
    {
        Assert.NotEqual(WordClass.None, WordClasses.Classify("london") & WordClass.City);
        Assert.Equal(WordClasses.Classify("london"), WordClasses.Classify("LONDON"));
        Assert.Equal(WordClasses.Classify("amélie"), WordClasses.Classify("AMÉLIE"));
        Assert.Equal(WordClass.None, WordClasses.Classify("qwxzv"));
    }

    [Fact]
    public void WordTable_HashedLookup_IsCaseInsensitive()
    {
        var table = new WordTable([new("Straße", WordClass.StreetSuffix), new("rue", WordClass.StreetPrefix)]);
        Assert.Equal(2, table.Count);
        Assert.Equal(WordClass.StreetSuffix, table.Find("STRAßE", WordTable.Hash("STRAßE")));
        Assert.Equal(WordClass.StreetPrefix, table.Find("RUE", WordTable.Hash("RUE")));
        Assert.Equal(WordClass.None, table.Find("rues", WordTable.Hash("rues")));
    }

    [Fact]
    public void Fold_EveryCodeUnit_IsCharToLowerInvariant()
    {
        var differences = 0;
        for (var c = 0; c <= char.MaxValue; c++)
        {
            differences += WordTable.Fold((char)c) == char.ToLowerInvariant((char)c) ? 0 : 1;
        }

        Assert.Equal(0, differences);
        Assert.Equal('é', WordTable.Fold('É'));
        Assert.Equal('ж', WordTable.Fold('Ж'));
    }
}
