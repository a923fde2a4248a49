using System;
using System.Buffers;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>The kind of a <see cref="WordToken"/>.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
}

/// <summary>Facts about a token's shape and position.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Capitalized = 1,   // first letter upper case
    AllCaps = 2,       // two or more letters, all upper case
    LineStart = 4,     // first token on its line
    SentenceStart = 8, // first token of the text or after . ! ? or a line break
    SpaceBefore = 16,  // white space (not a line break) right before
}

/// <summary>A word, number or punctuation mark in a text.</summary>
internal readonly record struct WordToken(int Start, int Length, TokenKind Kind, TokenFlags Flags, WordClass Class = WordClass.None)
{
    public bool Has(WordClass c) => (Class & c) != 0;

    public int End => Start + Length;

    public bool Is(TokenFlags flag) => (Flags & flag) != 0;

    public bool IsCapitalizedWord => Kind == TokenKind.Word && (Flags & (TokenFlags.Capitalized | TokenFlags.AllCaps)) != 0;
}

/// <summary>
/// Splits a text into words (letters with inner apostrophes and hyphens), numbers and punctuation, into a
/// pooled buffer: no allocation in steady state. Dispose to return the buffer.
/// </summary>
internal ref struct WordTokenizer
{
    private WordToken[] _tokens;

    public WordTokenizer(ReadOnlySpan<char> text)
    {
        _tokens = ArrayPool<WordToken>.Shared.Rent(Math.Max(16, Math.Min(text.Length / 3, 1 << 20)));
        Count = 0;
        Tokenize(text);
    }

    public int Count { get; private set; }

    /// <summary>
    /// Gets whether a word holds something other than letters (an inner apostrophe or hyphen, a combining mark)
    /// or a number holds letters ("5yo"). Without such tokens every run of letters in the text is exactly one
    /// word token, so a search for words at letter-run starts may read the tokens instead of the text.
    /// </summary>
    public bool HasCompoundTokens { get; private set; }

    public readonly ReadOnlySpan<WordToken> Tokens => _tokens.AsSpan(0, Count);

    public void Dispose()
    {
        if (_tokens.Length > 0)
        {
            ArrayPool<WordToken>.Shared.Return(_tokens);
            _tokens = [];
        }
    }

    private void Tokenize(ReadOnlySpan<char> text)
    {
        var i = 0;
        var lineStart = true;
        var sentenceStart = true;
        var spaceBefore = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r')
                {
                    lineStart = true;
                    sentenceStart = true;
                }
                else
                {
                    spaceBefore = true;
                }

                i++;
                continue;
            }

            var start = i;
            var hash = WordTable.Seed;
            TokenKind kind;
            var flags = TokenFlags.None;
            if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                var upper = 0;
                var letters = 0;
                while (i < text.Length)
                {
                    var ch = text[i];
                    if (char.IsAsciiLetter(ch))
                    {
                        // The common case, without Unicode tables: hash the lower-case letter as WordTable.Step does.
                        letters++;
                        upper += ch <= 'Z' ? 1 : 0;
                        hash = (hash ^ (uint)(ch | 0x20)) * WordTable.Prime;
                        i++;
                        continue;
                    }

                    if (char.IsLetter(ch))
                    {
                        letters++;
                        upper += char.IsUpper(ch) ? 1 : 0;
                    }
                    else if (!(TextScan.IsWordChar(ch) && !char.IsDigit(ch)) // combining marks (Devanagari vowel signs)
                        && !(ch is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
                    {
                        break;
                    }
                    else
                    {
                        HasCompoundTokens = true;
                    }

                    hash = WordTable.Step(hash, ch);
                    i++;
                }

                // Devanagari has no case: its words may be names or places wherever they stand, and the
                // recognizers' cues, gazetteers and function-word lists decide.
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
                    HasCompoundTokens |= !char.IsDigit(text[i]);
                    i++;
                }
            }
            else
            {
                kind = TokenKind.Punctuation;
                i++;
            }

            if (lineStart)
            {
                flags |= TokenFlags.LineStart;
            }

            if (sentenceStart)
            {
                flags |= TokenFlags.SentenceStart;
            }

            if (spaceBefore)
            {
                flags |= TokenFlags.SpaceBefore;
            }

            // Only a word that may be a name or a place is looked up in the gazetteers.
            var wordClass = kind == TokenKind.Word
                ? WordClasses.Classify(text[start..i], hash, mayBeName: (flags & TokenFlags.Capitalized) != 0)
                : WordClass.None;
            Add(new WordToken(start, i - start, kind, flags, wordClass));
            lineStart = false;
            spaceBefore = false;
            sentenceStart = kind == TokenKind.Punctuation && c is '.' or '!' or '?' or '"' or '“' or '>' or '-' or ':'
                && (sentenceStart || c is '.' or '!' or '?');
        }
    }

    private void Add(WordToken token)
    {
        if (Count == _tokens.Length)
        {
            var bigger = ArrayPool<WordToken>.Shared.Rent(_tokens.Length * 2);
            _tokens.AsSpan().CopyTo(bigger);
            ArrayPool<WordToken>.Shared.Return(_tokens);
            _tokens = bigger;
        }

        _tokens[Count++] = token;
    }
}
