using CsCheck;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>The Devanagari → Latin step in front of the hate model's featurizer (Hinglish spelling, schwa deletion).</summary>
public sealed class DevanagariTransliterationTests
{
    [Theory]
    [InlineData("नफ़रत", "nafrat")] // nukta, final schwa dropped, medial schwa dropped (VC_CV)
    [InlineData("नफरत", "nafrat")]
    [InlineData("समझना", "samajhna")]
    [InlineData("कमल", "kamal")] // the medial schwa stays before a consonant that lost its own
    [InlineData("नहीं", "nahin")] // anusvara
    [InlineData("है", "hai")]
    [InlineData("मित्र", "mitra")] // a conjunct keeps the final schwa
    [InlineData("आप", "aap")]
    [InlineData("ज़्यादा", "zyada")]
    [InlineData("न", "na")] // one consonant keeps its vowel
    [InlineData("घृणा", "ghrina")]
    [InlineData("हिंदू", "hindoo")]
    [InlineData("अंबर", "ambar")] // anusvara before a labial
    public void Word_IsSpelledAsInChat(string devanagari, string latin) =>
        Assert.Equal(latin, DevanagariTransliteration.Transliterate(devanagari));

    [Fact]
    public void Sentence_KeepsEverythingElse()
    {
        Assert.Equal("ye log ganda hain, OK? 12 hello.", DevanagariTransliteration.Transliterate("ये लोग गंदा हैं, OK? 12 hello।"));
        Assert.Equal("Refugees are welcome.", DevanagariTransliteration.Transliterate("Refugees are welcome."));
    }

    [Fact]
    public void AnyText_FitsTheDocumentedExpansion_AndLeavesNoDevanagari()
    {
        var alphabet = string.Concat(Enumerable.Range(0x0900, 0x80).Select(c => (char)c)) + " ab.\u200D";
        Gen.String[Gen.Char[alphabet], 0, 60].Sample(text =>
        {
            var buffer = new char[text.Length * DevanagariTransliteration.MaxExpansion];
            var length = DevanagariTransliteration.Transliterate(text, buffer);
            return length <= buffer.Length && !DevanagariTransliteration.Contains(buffer.AsSpan(0, length));
        });
    }

    [Fact]
    public void ShortDestination_Throws() =>
        Assert.Throws<ArgumentException>(() => DevanagariTransliteration.Transliterate("नफ़रत", new char[5]));

    [Fact]
    public void TransliteratingModel_ScoresDevanagariAsItsLatinSpelling()
    {
        var model = new HateSpeechModel(LinearTextModel.LoadEmbedded(HateSpeechModel.FileName), transliterateDevanagari: true);
        var plain = new HateSpeechModel(LinearTextModel.LoadEmbedded(HateSpeechModel.FileName));
        Assert.Equal(plain.Score("ye log gande hain"), model.Score("ये लोग गंदे हैं"), 6);
        Assert.NotEqual(plain.Score("ye log gande hain"), plain.Score("ये लोग गंदे हैं"), 6);
    }
}
