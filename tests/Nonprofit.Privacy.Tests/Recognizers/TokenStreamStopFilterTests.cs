using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The token stream passes over a plain lower-case ASCII word exactly when the lexicons give it no stop class (cue,
/// postcode, age or birth word): its filter by first two letters and length rules out only words that have none.
/// </summary>
public sealed class TokenStreamStopFilterTests
{
    // The lexicons' stop words that a plain lower-case ASCII word can equal.
    private static readonly string[] s_stopWords = [.. WordClasses.LexiconWords()
        .Where(p => (p.Value & TokenStream.StopClasses) != 0 && p.Key.Length > 0 && p.Key.All(char.IsAsciiLetterLower))
        .Select(p => p.Key)];

    // Random words of ASCII letters (first lower case, the others of either case), and the stop words with a letter
    // changed, cut short or lengthened, so that the filter sees many near misses of its first two letters and length.
    private static readonly Gen<string> s_words = Gen.OneOf(
        Gen.Select(Gen.Char['a', 'z'], Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['A', 'Z']).Array[0, 11]).Select(p => p.Item1 + new string(p.Item2)),
        Gen.Select(Gen.Int[0, s_stopWords.Length - 1], Gen.Int[0, 3], Gen.Char['a', 'z'], Gen.Int[0, 20]).Select(p =>
        {
            var w = s_stopWords[p.Item1];
            var at = Math.Min(p.Item4, w.Length - 1);
            return p.Item2 switch
            {
                0 => w,
                1 => w[..at] + p.Item3 + w[(at + 1)..],
                2 => w.Length > 1 ? w[..^1] : w,
                _ => w + p.Item3,
            };
        }));

    [Fact]
    public void EveryStopWord_StopsTheSkip_InLowerCaseAndWithACapitalSecondLetter()
    {
        Assert.True(s_stopWords.Length > 50, "The lexicons hold fewer stop words than expected: the test would prove little.");
        foreach (var word in s_stopWords)
        {
            Assert.True(StopsAt(word), word);
            if (word.Length > 1)
            {
                Assert.True(StopsAt(word[..1] + char.ToUpperInvariant(word[1]) + word[2..]), word);
            }
        }
    }

    [Fact]
    public void APlainWord_StopsTheSkip_ExactlyWhenTheLexiconsGiveItAStopClass()
    {
        var stopped = 0;
        s_words.Sample(word =>
        {
            var expected = (WordClasses.Classify(word) & TokenStream.StopClasses) != 0;
            Assert.Equal(expected, StopsAt(word));
            if (expected)
            {
                Interlocked.Increment(ref stopped);
            }
        }, iter: 50_000);
        Assert.True(stopped > 1_000, "Hardly any sampled word was a stop word: the test would prove little.");
    }

    // Whether SkipInert, run over ", " and the word and " .", stops at the word rather than passing over it.
    private static bool StopsAt(string word)
    {
        var text = ", " + word + " .";
        var stream = new TokenStream(text);
        try
        {
            stream.SkipInert();
            return stream.Has(0) && stream[0].Start == 2;
        }
        finally
        {
            stream.Dispose();
        }
    }
}
