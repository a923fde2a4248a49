using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>The recognizers that read the detector's shared tokens find what they find when they scan the text themselves.</summary>
public sealed class TokenSharingTests
{
    private static readonly string[] s_pieces =
    [
        "age", "aged", "Age", "old", "years", "y/o", "yo", "5yo", "y.o.", "turned", "ans", "j'ai", "años", "miaka", "umri", "उम्र", "साल",
        "born", "Born", "DOB", "d.o.b", "née", "nacido", "alizaliwa", "जन्म", "birthday", "on", "in", "the", "she", "was", "is", "I'm",
        "12/03/1990", "3 March 1985", "34", "7", "120", "2021-05-06", "l'age", "turned-away", "a", " ", " ", " ", ", ", ". ", "\n", "-", "'",
    ];

    [Fact]
    public void Pattern_SharedTokens_FindTheSameAsAScan()
    {
        var pattern = new PatternRecognizer();
        Gen.Int[0, s_pieces.Length - 1].Array[1, 30].Select(ix => string.Concat(ix.Select(i => s_pieces[i]))).Sample(text =>
        {
            var scanned = new List<PiiMatch>();
            pattern.Recognize(text, scanned);
            var tokenizer = new WordTokenizer(text);
            var shared = new List<PiiMatch>();
            try
            {
                pattern.Recognize(text, tokenizer.Tokens, tokenizer.HasCompoundTokens, shared);
            }
            finally
            {
                tokenizer.Dispose();
            }

            Assert.Equal(scanned, shared);
        }, iter: 3000);
    }

    [Fact]
    public void Pattern_SharedTokens_FindAgesAndDatesOfBirth()
    {
        var detector = new PiiDetector();
        Assert.Contains(detector.Detect("She is 34 years old."), m => m.Type == PiiEntityType.Age);
        Assert.Contains(detector.Detect("I was born on 12/03/1990 in Nairobi."), m => m.Type == PiiEntityType.DateOfBirth);
        Assert.Contains(detector.Detect("Mtoto alizaliwa 12/03/2019, ana 5yo."), m => m.Type == PiiEntityType.DateOfBirth);
    }
}
