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
                pattern.Recognize(text, tokenizer.Tokens, [], !tokenizer.HasCompoundTokens, shared);
            }
            finally
            {
                tokenizer.Dispose();
            }

            Assert.Equal(scanned, shared);
        }, iter: 3000);
    }

    // Compound tokens (inner apostrophes and hyphens, combining marks, numbers with letters, a number whose letters
    // are cut at its sixth character) around the trigger words, plus random characters as mutations.
    private static readonly string[] s_compoundPieces =
    [
        "l'age", "d'âge", "x-age", "age's", "old-timer", "5yo", "12yo", "3ans", "30años", "12abcdefg", "1aged", "12345age", "1a2b3cold",
        "turned-away", "j'ai", "née-", "re-born", "dob's", "उम्र", "आयु", "जन्म", "पैदा", "साल", "वर्ष", "janam-din", "_age", "age_",
    ];

    private static readonly Gen<string> s_compoundTexts = Gen.OneOf(
        Gen.Int[0, s_pieces.Length + s_compoundPieces.Length - 1].Array[1, 30]
            .Select(ix => string.Concat(ix.Select(i => i < s_pieces.Length ? s_pieces[i] : s_compoundPieces[i - s_pieces.Length]))),
        Gen.Select(Gen.Int[0, s_compoundPieces.Length - 1].Array[1, 8], Gen.Char["ae'-1 ्oy9_.A"].Array[0, 6], Gen.Int[0, 40],
            (ix, noise, at) =>
            {
                var text = string.Join(" ", ix.Select(i => s_compoundPieces[i]));
                at = Math.Min(at, text.Length);
                return text[..at] + new string(noise) + text[at..];
            }));

    [Fact]
    public void Stream_InnerRunTriggers_AnswerTheTriggerWordSearchAsAScanOfTheText()
    {
        var names = new NameAndPlaceRecognizer();
        var known = 0;
        var compoundAndKnown = 0;
        s_compoundTexts.Sample(text =>
        {
            var stream = new TokenStream(text);
            try
            {
                names.Scan(text, ref stream, new List<PiiMatch>());
                if (!stream.RunsKnown)
                {
                    return;
                }

                known++;
                compoundAndKnown += stream.HasCompoundTokens ? 1 : 0;
                for (var k = 0; k < 2; k++)
                {
                    var age = k == 0;
                    Assert.Equal(
                        PatternRecognizer.HasTriggerWord(text, [], [], useTokens: false, age),
                        PatternRecognizer.HasTriggerWord(text, stream.Triggers, stream.InnerRunTriggers, useTokens: true, age));
                }
            }
            finally
            {
                stream.Dispose();
            }
        }, iter: 20000, threads: 1);

        // Not vacuous: most texts have compound tokens and still known runs.
        Assert.True(compoundAndKnown > 5000, $"{compoundAndKnown} of {known}");
    }

    [Fact]
    public void Stream_NumberCutInARunOfLetters_IsNotKnown()
    {
        var stream = new TokenStream("12abcdefg old");
        try
        {
            new NameAndPlaceRecognizer().Scan("12abcdefg old", ref stream, new List<PiiMatch>());
            Assert.False(stream.RunsKnown);
        }
        finally
        {
            stream.Dispose();
        }
    }

    [Fact]
    public void Pattern_DetectorsStream_FindsTheSameAsAScan()
    {
        var pattern = new PatternRecognizer();
        var names = new NameAndPlaceRecognizer();
        s_compoundTexts.Sample(text =>
        {
            var scanned = new List<PiiMatch>();
            pattern.Recognize(text, scanned);
            var stream = new TokenStream(text);
            var shared = new List<PiiMatch>();
            try
            {
                names.Scan(text, ref stream, new List<PiiMatch>());
                pattern.Recognize(text, stream.Triggers, stream.InnerRunTriggers, stream.RunsKnown, shared);
            }
            finally
            {
                stream.Dispose();
            }

            Assert.Equal(scanned, shared);
        }, iter: 5000);
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
