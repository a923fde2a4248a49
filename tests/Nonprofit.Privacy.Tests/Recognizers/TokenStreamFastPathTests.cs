using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The skipping token stream's fast paths (a word ended by an ASCII character without the Unicode tables, and a stop
/// word whose classes SkipInert already looked up) make exactly the tokens of the plain reference tokenizer
/// (<see cref="TokenizerReferenceTests"/>) where they make one, and skip only inert ones, over random text with digits,
/// capitals, '@', ':', apostrophes, hyphens, combining marks and other non-ASCII characters.
/// </summary>
public sealed class TokenStreamFastPathTests
{
    private const WordClass Triggers = WordClass.AgeTrigger | WordClass.BirthWord;

    private static readonly string[] s_pieces =
    [
        "my", "name", "is", "i", "am", "live", "in", "at", "from", "near", "born", "age", "aged", "years", "old", "yo", "zip",
        "code", "the", "a", "of", "and", "rain", "late", "season", "street", "road", "apt", "call", "me", "je", "à", "de", "la",
        "Maple", "Lindqvist", "Oduya", "Tarn", "Velmont", "KX", "ABCD", "Q", "McFee", "mcFee", "dEF", "Ünal", "Øst", "Dr", "MR",
        "o'", "'", "’", "-", "--", "'s", "-x", "@", ":", "::", ".", ",", "!", "?", "\"", "“", ">", "/", "#", "_", "+", "(", ")",
        "0", "7", "42", "1990", "5yo", "12abcdefg", "3rd", "٣", "१२", "क", "ि", "म", "े", "\u0301", "e\u0301", "ß", "ſ", "ı", "İ",
        "\u212A", "é", "ñ", "ü", "ø", "一", "\U0001F600", " ", " ", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2028", "\u0085",
    ];

    private static readonly Gen<char> s_chars = Gen.OneOf(
        Gen.Char['a', 'z'], Gen.Char['A', 'Z'], Gen.Char['0', '9'], Gen.Char[' ', '@'], Gen.Char['\u00a0', '\u024f'],
        Gen.Char['\u0900', '\u097f'], Gen.Const(' '), Gen.Const('\''), Gen.Const('-'), Gen.Const(':'), Gen.Const('@'));

    private static readonly Gen<string> s_texts = Gen.OneOf(
            Gen.Int[0, s_pieces.Length - 1].Select(i => s_pieces[i]),
            s_chars.Array[1, 6].Select(c => new string(c)))
        .Array[0, 40].Select(string.Concat);

    [Fact]
    public void SkippingStream_MakesTheReferenceTokens_AndSkipsOnlyInertOnes()
    {
        s_texts.Sample(text =>
        {
            var expected = TokenizerReferenceTests.Reference(text).Tokens;
            var made = Walk(text, out var triggers);
            var k = 0;
            foreach (var token in made)
            {
                while (k < expected.Length && expected[k].Start < token.Start)
                {
                    AssertInert(expected[k], text);
                    k++;
                }

                Assert.True(k < expected.Length, "the stream made a token the reference does not have");
                Assert.Equal(expected[k], token);
                k++;
            }

            for (; k < expected.Length; k++)
            {
                AssertInert(expected[k], text);
            }

            Assert.Equal(expected.Where(t => (t.Class & Triggers) != 0), triggers);
        }, iter: 30000);
    }

    [Theory]
    [InlineData("my name is Tarn Velmont")]
    [InlineData("she is 34 years old")]
    [InlineData("born in 1990, lives near Maple road")]
    [InlineData("call me at 555 0100: the zip code is 90210")]
    public void StopWords_MadeFromTheSkip_HaveTheReferenceClasses(string text)
    {
        var made = Walk(text, out _);
        var expected = TokenizerReferenceTests.Reference(text).Tokens;
        Assert.Contains(made, t => t.Kind == TokenKind.Word && char.IsAsciiLetterLower(text[t.Start]));
        Assert.All(made, t => Assert.Contains(t, expected));
    }

    // The tokens a scan sees that asks for every token after each SkipInert (as the name scan and the floor's stream walk do).
    private static List<WordToken> Walk(string text, out WordToken[] triggers)
    {
        var made = new List<WordToken>();
        var stream = new TokenStream(text);
        try
        {
            for (var i = 0; ; i++)
            {
                if (i == stream.Count)
                {
                    stream.SkipInert();
                    i = 0;
                }

                if (!stream.Has(i))
                {
                    break;
                }

                made.Add(stream[i]);
            }

            triggers = stream.Triggers.ToArray();
            return made;
        }
        finally
        {
            stream.Dispose();
        }
    }

    // A token SkipInert may pass over: punctuation, or a lower-case word of ASCII letters without a stop class.
    private static void AssertInert(WordToken token, string text)
    {
        if (token.Kind == TokenKind.Punctuation)
        {
            return;
        }

        Assert.Equal(TokenKind.Word, token.Kind);
        Assert.True(char.IsAsciiLetterLower(text[token.Start]));
        Assert.True(text.AsSpan(token.Start, token.Length).ContainsAnyExcept(TextScan.AsciiLettersAndDigits) is false);
        Assert.Equal(WordClass.None, token.Class & TokenStream.StopClasses);
    }
}
