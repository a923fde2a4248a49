using CsCheck;
using Nonprofit.Privacy.Recognizers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The tokenizer's fast paths (runs of ASCII letters, ASCII word ends, ASCII numbers and punctuation) give the tokens of
/// a plain character-by-character tokenizer written from the Unicode rules alone, on random texts that mix ASCII with
/// letters whose case mappings are irregular (Kelvin sign, dotless and dotted i, long s), marks and uncased scripts.
/// </summary>
public sealed class TokenizerReferenceTests
{
    private static readonly string[] s_pieces =
    [
        "a", "b", "Z", "my", "name", "John", "JOHN", "McDonald", "iPhone", "age", "aged", "born", "in", "to", "Paris", "van", "de",
        "\u212A", "\u212Aelvin", "ı", "İ", "ıstanbul", "İstanbul", "ſ", "ſt", "Kı", "ß", "É", "é", "Amélie", "Ǆ", "ǅ", "ǆ", "Σ", "ς",
        "मेरा", "नाम", "रमेश", "उम्र", "क़", "\u0301", "\u093F", "ー", "日本", "12", "5yo", "12abcdefg", "3rd", "٣", "१२", "²",
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u0085", "\u000b", "\u001c", ".", ",", "!", "?", "\"", "“", ">",
        "-", ":", "'", "’", "_", "@", "/", "#", "O'Brien", "Jean-Pierre", "l'age", "o'", "-x", "x-", "a'b", "a’b", "\ud83d\ude00",
    ];

    private static readonly Gen<string> s_texts =
        Gen.Int[0, s_pieces.Length - 1].Array[1, 30].Select(ix => string.Concat(ix.Select(i => s_pieces[i])));

    [Fact]
    public void Tokenizer_GivesTheTokensOfTheReference()
    {
        s_texts.Sample(text =>
        {
            var tokenizer = new WordTokenizer(text);
            try
            {
                var (expected, compound) = Reference(text);
                Assert.Equal(expected, tokenizer.Tokens.ToArray());
                Assert.Equal(compound, tokenizer.HasCompoundTokens);
            }
            finally
            {
                tokenizer.Dispose();
            }
        }, iter: 50000);
    }

    [Theory]
    [InlineData("\u212Aelvin Smith", true, false)]
    [InlineData("ıstanbul is", false, false)]
    [InlineData("İSTANBUL is", true, true)]
    [InlineData("ſt Paul", false, false)]
    [InlineData("रमेश", true, false)]
    public void Tokenizer_FirstTokenFlags_FollowTheUnicodeCase(string text, bool capitalized, bool allCaps)
    {
        var tokenizer = new WordTokenizer(text);
        try
        {
            var first = tokenizer.Tokens[0];
            Assert.Equal(capitalized, first.Is(TokenFlags.Capitalized));
            Assert.Equal(allCaps, first.Is(TokenFlags.AllCaps));
            Assert.Equal(Reference(text).Tokens[0], first);
        }
        finally
        {
            tokenizer.Dispose();
        }
    }

    // The tokenizer's rules, one character at a time with the char methods only.
    internal static (WordToken[] Tokens, bool Compound) Reference(string text)
    {
        var tokens = new List<WordToken>();
        var lineStart = true;
        var sentenceStart = true;
        var spaceBefore = false;
        var anyCompound = false;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                if (text[i] is '\n' or '\r')
                {
                    lineStart = true;
                    sentenceStart = true;
                }
                else
                {
                    spaceBefore = true;
                }

                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var c = text[i];
            var start = i;
            TokenKind kind;
            var flags = TokenFlags.None;
            var compound = false;
            if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                int letters = 0, upper = 0;
                while (i < text.Length)
                {
                    var ch = text[i];
                    if (char.IsLetter(ch))
                    {
                        letters++;
                        upper += char.IsUpper(ch) ? 1 : 0;
                    }
                    else if (char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.NonSpacingMark
                        or System.Globalization.UnicodeCategory.SpacingCombiningMark)
                    {
                        compound = true;
                    }
                    else if (ch is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        compound = true;
                    }
                    else
                    {
                        break;
                    }

                    i++;
                }

                if (char.IsUpper(c) || c is >= '\u0900' and <= '\u097F')
                {
                    flags |= TokenFlags.Capitalized;
                }

                if (letters >= 2 && upper == letters)
                {
                    flags |= TokenFlags.AllCaps;
                }
            }
            else if (char.IsDigit(c))
            {
                kind = TokenKind.Number;
                while (i < text.Length && (char.IsDigit(text[i]) || (char.IsLetter(text[i]) && i - start < 6)))
                {
                    compound |= !char.IsDigit(text[i]);
                    i++;
                }
            }
            else
            {
                kind = TokenKind.Punctuation;
                i++;
            }

            flags |= (lineStart ? TokenFlags.LineStart : 0) | (sentenceStart ? TokenFlags.SentenceStart : 0)
                | (spaceBefore ? TokenFlags.SpaceBefore : 0);
            anyCompound |= compound;
            var word = text.AsSpan(start, i - start);
            var wordClass = kind == TokenKind.Word
                ? WordClasses.Classify(word, WordTable.Hash(word), mayBeName: (flags & TokenFlags.Capitalized) != 0)
                : WordClass.None;
            tokens.Add(new WordToken(start, i - start, kind, flags, wordClass));
            lineStart = false;
            spaceBefore = false;
            sentenceStart = kind == TokenKind.Punctuation && c is '.' or '!' or '?' or '"' or '“' or '>' or '-' or ':'
                && (sentenceStart || c is '.' or '!' or '?');
        }

        return ([.. tokens], anyCompound);
    }
}
