using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.Detection;

public sealed class TextFeaturizerTests
{
    [Fact]
    public void CountsCharacterNGramsOverThePaddedTextAndWords()
    {
        // " ab cd " has 7 positions: 1-grams without the 3 spaces = 4, 2-grams = 6, 3-grams = 5; words 2, bigram 1.
        var featurizer = new TextFeaturizer(10, 1, 3, words: true, wordBigrams: true);
        Assert.Equal(4 + 6 + 5 + 2 + 1, featurizer.Count("ab cd"));
        Assert.Equal(0, featurizer.Count(""));
    }

    [Fact]
    public void BucketsAreStableAndInRange()
    {
        var featurizer = new TextFeaturizer(8, 2, 4, words: true, wordBigrams: false);
        var a = Buckets(featurizer, "he is outside with a knife");
        var b = Buckets(featurizer, "he is outside with a knife");
        Assert.Equal(a, b);
        Assert.All(a, x => Assert.InRange(x, 0, 255));
        Assert.NotEqual(a, Buckets(featurizer, "she is inside with a spoon"));
    }

    [Fact]
    public void WordsAreDistinctFromTheSameCharacters()
    {
        var wordsOnly = new TextFeaturizer(16, 0, 0, words: true, wordBigrams: false);
        var charsOnly = new TextFeaturizer(16, 3, 3, words: false, wordBigrams: false);
        Assert.Single(Buckets(wordsOnly, "abc"));
        Assert.DoesNotContain(Buckets(wordsOnly, "abc")[0], Buckets(charsOnly, "abc"));
    }

    [Theory]
    [InlineData(7, 1, 3, true)]
    [InlineData(25, 1, 3, true)]
    [InlineData(10, 3, 2, true)]
    [InlineData(10, 0, 2, true)]
    [InlineData(10, 1, 9, true)]
    [InlineData(10, 0, 0, false)]
    public void InvalidSettingsAreRejected(int bits, int min, int max, bool words) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new TextFeaturizer(bits, min, max, words, wordBigrams: false));

    private static List<int> Buckets(TextFeaturizer featurizer, string text)
    {
        var collector = new Collector(new List<int>());
        featurizer.Visit(text, ref collector);
        return collector.Buckets;
    }

    private readonly struct Collector(List<int> buckets) : IFeatureVisitor
    {
        public List<int> Buckets { get; } = buckets;

        public void Add(int bucket) => Buckets.Add(bucket);
    }
}
