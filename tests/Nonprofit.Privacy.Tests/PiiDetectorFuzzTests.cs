using System.Text;
using CsCheck;

namespace Nonprofit.Privacy.Tests;

/// <summary>Random and hostile input: the detector never throws and its matches always lie in the text, ordered and disjoint.</summary>
public sealed class PiiDetectorFuzzTests
{
    private static readonly PiiDetector s_detector = new();

    private static void AssertWellFormed(string text)
    {
        var matches = s_detector.Detect(text);
        var previousEnd = 0;
        foreach (var m in matches)
        {
            Assert.True(m.Start >= previousEnd, $"{m.Type} at {m.Start} starts before the previous match ends ({previousEnd}).");
            Assert.True(m.Length > 0 && m.End <= text.Length, $"{m.Type} at {m.Start}..{m.End} is outside a text of {text.Length}.");
            Assert.InRange(m.Score, 0.0, 1.0);
            previousEnd = m.End;
        }
    }

    [Fact]
    public void Detect_RandomStrings_AreWellFormed() =>
        Gen.String.Sample(AssertWellFormed, iter: 2000);

    [Fact]
    public void Detect_RandomUtf16IncludingLoneSurrogates_IsWellFormed() =>
        Gen.Char.Array[0, 2000].Select(chars => new string(chars)).Sample(AssertWellFormed, iter: 1000);

    [Fact]
    public void Detect_RandomDigitsAndSeparators_AreWellFormed() =>
        Gen.Char["0123456789 -./()+x:"].Array[0, 400].Select(chars => new string(chars)).Sample(AssertWellFormed, iter: 2000);

    [Fact]
    public void Detect_RandomAddressCharacters_AreWellFormed() =>
        Gen.Char["abcXYZ019.@:-_/%+?=&#~; "].Array[0, 400].Select(chars => new string(chars)).Sample(AssertWellFormed, iter: 2000);

    [Fact]
    public void Detect_RandomIdentifierCharacters_AreWellFormed() =>
        Gen.Char["ABCDEGPXYZ0123456789bcq1 "].Array[0, 400].Select(chars => new string(chars)).Sample(AssertWellFormed, iter: 2000);

    [Fact]
    public void Detect_RandomAgeAndDatePhrases_AreWellFormed()
    {
        string[] words = ["born", "aged", "j'ai", "ans", "12/05/1990", "°", "'", "\"", "N", "E", "1.292066,", "36.821946", "999", "0", "years", "old", "miaka", "उम्र", " "];
        Gen.Int[0, words.Length - 1].Array[0, 60]
            .Select(ix => string.Join(' ', ix.Select(i => words[i])))
            .Sample(AssertWellFormed, iter: 1000);
    }

    [Theory]
    [InlineData("0", 100_000)]
    [InlineData("1 ", 50_000)]
    [InlineData("12-", 30_000)]
    [InlineData("+1", 50_000)]
    [InlineData("ab", 50_000)]
    [InlineData("a1", 50_000)]
    [InlineData("4111111111111111", 6_000)]
    public async Task Detect_VeryLongRun_IsWellFormedAndFast(string unit, int repeat)
    {
        var text = new StringBuilder(unit.Length * repeat).Insert(0, unit, repeat).ToString();

        // A TimeoutException fails the test when detection takes longer than the bound.
        await Task.Run(() => AssertWellFormed(text)).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("a.")]
    [InlineData("a:")]
    [InlineData("x@")]
    public async Task Detect_LongTokenWithManyTriggers_IsLinear(string unit)
    {
        var text = new StringBuilder(100_000).Insert(0, unit, 50_000).ToString();

        await Task.Run(() => AssertWellFormed(text)).WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Detect_PiiBetweenRandomNoise_FindsThePii()
    {
        Gen.Select(Gen.Char["abc ,;!?\u00e9\u4e2d"].Array[0, 50], Gen.Char["abc ,;!?\u00e9\u4e2d"].Array[0, 50]).Sample((before, after) =>
        {
            var prefix = new string(before) + " ";
            var text = prefix + "jane.doe@example.org " + new string(after);

            var matches = s_detector.Detect(text);

            Assert.Contains(matches, m => m.Type == PiiEntityType.EmailAddress && m.Start == prefix.Length && m.Length == 20);
        }, iter: 500);
    }
}
