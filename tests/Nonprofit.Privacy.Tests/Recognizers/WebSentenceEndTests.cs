using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>The web recognizer's shortcut at a period that ends a plain word finds what reading every period's token finds.</summary>
public sealed class WebSentenceEndTests
{
    private static readonly string[] s_pieces =
    [
        "thanks", "Paris", "é", "ß", "ok", "e.g", "Node.js", "example.com", "www.ngo.org", "a@b.co", "user@example.org", "http://x.io/a?b=1",
        "01:23:45:67:89:ab", "0123.4567.89ab", "fe80::1", "mail", "to", "co", "org", "uk", "12", "x_y", "a-b", "50%", "é.fr", "naïve",
        ".", ".", ". ", ".", "..", ":", "@", "/", "?", "!", ",", ";", "(", ")", "'", "\"", " ", " ", "\n", "~", "#", "&", "=", "+", "…",
    ];

    private static readonly Gen<string> s_texts = Gen.OneOf(
        Gen.Int[0, s_pieces.Length - 1].Array[1, 25].Select(ix => string.Concat(ix.Select(i => s_pieces[i]))),
        Gen.Char["ab.@:/ -_é1?x"].Array[0, 40].Select(c => new string(c)));

    [Fact]
    public void SentenceEndShortcut_RandomTexts_SameMatchesAsReadingEveryToken()
    {
        var web = new WebRecognizer();
        s_texts.Sample(text =>
        {
            var fast = new List<PiiMatch>();
            var full = new List<PiiMatch>();
            web.Recognize(text, fast, sentenceEnds: true);
            web.Recognize(text, full, sentenceEnds: false);
            Assert.Equal(full, fast);

            // Each run of token characters is read once: no match is reported twice.
            Assert.Equal(fast.Distinct().Count(), fast.Count);
        }, iter: 50_000);
    }

    [Theory]
    [InlineData("ok thanks.", 0)]
    [InlineData("write to a@b.co.", 1)]
    [InlineData("see example.com.", 1)]
    [InlineData("é.fr.", 1)]
    [InlineData("mail: user@example.org.", 1)]
    [InlineData("mail user@example.org: later", 1)]
    [InlineData("mail user@example.org.:.", 1)]
    [InlineData("see www.example.org/a.b. then", 1)]
    [InlineData("two: a@b.co. c@d.org.", 2)]
    public void SentenceEndShortcut_Examples(string text, int expected)
    {
        // A period or colon right after an address belongs to the address's run of token characters, which is read
        // once: the address is reported once (it used to be read again from the period, a duplicate), with and
        // without the shortcut.
        var fast = new List<PiiMatch>();
        var full = new List<PiiMatch>();
        new WebRecognizer().Recognize(text, fast);
        new WebRecognizer().Recognize(text, full, sentenceEnds: false);
        Assert.Equal(full, fast);
        Assert.Equal(expected, fast.Count);
    }
}
