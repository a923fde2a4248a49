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
/// Splits a text into words (letters with inner apostrophes and hyphens), numbers and punctuation, all of them
/// at once, into a pooled buffer: no allocation in steady state. Dispose to return the buffer. The detector reads
/// the text through a <see cref="TokenStream"/> instead, which makes only the tokens a scan asks for.
/// </summary>
internal ref struct WordTokenizer
{
    private TokenStream _stream;

    public WordTokenizer(ReadOnlySpan<char> text)
    {
        _stream = new TokenStream(text, capacity: Math.Max(16, Math.Min(text.Length / 3, 1 << 20)));
        _stream.Has(int.MaxValue);
    }

    public readonly int Count => _stream.Count;

    /// <summary>
    /// Gets whether a word holds something other than letters (an inner apostrophe or hyphen, a combining mark)
    /// or a number holds letters ("5yo"). Without such tokens every run of letters in the text is exactly one
    /// word token, so a search for words at letter-run starts may read the tokens instead of the text.
    /// </summary>
    public readonly bool HasCompoundTokens => _stream.HasCompoundTokens;

    public readonly ReadOnlySpan<WordToken> Tokens => _stream.Materialized;

    public void Dispose() => _stream.Dispose();
}

/// <summary>
/// The tokens of a text, made on demand: <see cref="Has"/> makes tokens up to the one asked for, and
/// <see cref="SkipInert"/> drops the tokens made so far and passes over the ones no scan starts from (punctuation,
/// and lower-case words that are neither cue words nor age or birth words) with a cheap ASCII loop that neither
/// stores, hashes nor looks them up. A token's flags depend only on the text before it, so a token made after a
/// skip is the token a full tokenization makes. Every word with an age or birth class is made (never skipped)
/// and kept in <see cref="Triggers"/>. Pooled buffers: no allocation in steady state; dispose to return them.
/// </summary>
internal ref struct TokenStream
{
    // The word classes a scan may start from at a lower-case word, plus the words the pattern recognizer's age
    // and date-of-birth triggers read: a lower-case word with one of them is never skipped.
    internal const WordClass StopClasses = WordClass.PersonCue | WordClass.LocationCue | WordClass.Postcode
        | WordClass.AgeTrigger | WordClass.BirthWord;

    private const WordClass TriggerClasses = WordClass.AgeTrigger | WordClass.BirthWord;

    // ASCII character kinds, taken from the same char methods the tokenizer calls.
    private const byte Other = 0, Space = 1, LineBreak = 2, Lower = 3, Upper = 4, Digit = 5;

    private static readonly byte[] s_ascii = BuildAsciiKinds();

    // Bit n of entry 27 f + g: a word with StopClasses has n letters and starts with the folded ASCII letters 'a' + f
    // and 'a' + g (g = 26: the word is that one letter). A plain lower-case word is looked up only when its bit is set:
    // on the data set, for about 4 in 10 lower-case words not in these classes with the first letter alone, 1 in 10 with two.
    private static readonly ulong[] s_stopLengths = BuildStopLengths();

    private readonly ReadOnlySpan<char> _text;
    private readonly bool _skip;
    private readonly WordToken[]? _borrowed; // the caller's token buffer, never returned to the pool
    private WordToken[] _tokens;
    private WordToken[] _triggers;
    private int _triggerCount;
    private WordToken[] _innerRuns;
    private int _innerRunCount;
    private int _pos;
    // Where SkipInert stopped at a plain lower-case ASCII word with a stop class: the word's end and classes, so that
    // ReadToken makes its token without reading and looking it up again (_stopAt is -1 when there is none).
    private int _stopAt;
    private int _stopEnd;
    private WordClass _stopClass;
    private bool _lineStart;
    private bool _sentenceStart;
    private bool _spaceBefore;

    /// <summary>Initializes a stream over <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="capacity">The initial size of the token buffer.</param>
    /// <param name="skip">Whether <see cref="SkipInert"/> skips; without, it only drops the tokens made (a reference for tests).</param>
    /// <param name="buffer">A token buffer the caller owns and keeps (not returned to the pool); null to rent one of <paramref name="capacity"/>.</param>
    public TokenStream(ReadOnlySpan<char> text, int capacity = 32, bool skip = true, WordToken[]? buffer = null)
    {
        _text = text;
        _skip = skip;
        _borrowed = buffer;
        _tokens = buffer is { Length: > 0 } ? buffer : ArrayPool<WordToken>.Shared.Rent(capacity);
        _triggers = [];
        _innerRuns = [];
        Count = 0;
        _triggerCount = 0;
        _innerRunCount = 0;
        RunsKnown = true;
        _pos = 0;
        _stopAt = -1;
        _stopEnd = 0;
        _stopClass = WordClass.None;
        _lineStart = true;
        _sentenceStart = true;
        _spaceBefore = false;
        HasCompoundTokens = false;
    }

    /// <summary>Gets the number of tokens made since the last <see cref="SkipInert"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Gets whether a token made so far is compound (see <see cref="WordTokenizer.HasCompoundTokens"/>); exact once the text is read.</summary>
    public bool HasCompoundTokens { get; private set; }

    /// <summary>
    /// Gets whether every run of letters read so far is a word token that is not compound, a word <see cref="SkipInert"/>
    /// passed over, or a run inside a compound token (kept in <see cref="InnerRunTriggers"/> when it has an age or birth
    /// class): false only when a number token stopped in the middle of a run of letters ("12abcdefg"). When true once
    /// the text is read, <see cref="Triggers"/> and <see cref="InnerRunTriggers"/> hold every run of letters with an age or
    /// birth class, so a search for those words may read them instead of the text.
    /// </summary>
    public bool RunsKnown { get; private set; }

    /// <summary>Gets the runs of letters with an age or birth class inside compound tokens read so far ("l'age", "5yo"), in text order.</summary>
    public readonly ReadOnlySpan<WordToken> InnerRunTriggers => _innerRuns.AsSpan(0, _innerRunCount);

    /// <summary>Gets the tokens made since the last <see cref="SkipInert"/>.</summary>
    public readonly ReadOnlySpan<WordToken> Materialized => _tokens.AsSpan(0, Count);

    /// <summary>Gets the words with an age or birth class read so far, in text order (every one once the text is read).</summary>
    public readonly ReadOnlySpan<WordToken> Triggers => _triggers.AsSpan(0, _triggerCount);

    /// <summary>Gets the token at <paramref name="index"/>, which <see cref="Has"/> has made.</summary>
    public readonly WordToken this[int index] => _tokens[index];

    /// <summary>Makes tokens up to <paramref name="index"/>; returns whether the text has that many.</summary>
    public bool Has(int index)
    {
        while (Count <= index)
        {
            if (!ReadToken())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Drops the tokens made so far and passes over punctuation and lower-case ASCII words without a class in
    /// <see cref="StopClasses"/>; stops before any other token (numbers, capitalised words, words with other
    /// characters, which <see cref="ReadToken"/> reads in full) or at the end of the text.
    /// </summary>
    public void SkipInert()
    {
        Count = 0;
        if (!_skip)
        {
            return;
        }

        var text = _text;
        var ascii = s_ascii;
        var p = _pos;
        while (p < text.Length)
        {
            var c = text[p];
            if (c >= 128)
            {
                break;
            }

            var kind = ascii[c];
            if (kind == Space)
            {
                _spaceBefore = true;
                p++;
                continue;
            }

            if (kind == LineBreak)
            {
                _lineStart = true;
                _sentenceStart = true;
                p++;
                continue;
            }

            if (kind == Other)
            {
                // A punctuation mark: the state update of ReadToken's.
                _sentenceStart = c is '.' or '!' or '?' || (_sentenceStart && c is '"' or '>' or '-' or ':');
                _lineStart = false;
                _spaceBefore = false;
                p++;
                continue;
            }

            if (kind != Lower)
            {
                break;
            }

            // A lower-case word of ASCII letters; anything else in it (an inner apostrophe or hyphen, a non-ASCII
            // letter or mark) leaves the whole word to ReadToken.
            var q = p + 1;
            var hash = (WordTable.Seed ^ (uint)c) * WordTable.Prime;
            var plain = true;
            while (q < text.Length)
            {
                var ch = text[q];
                if (ch >= 128)
                {
                    plain = false;
                    break;
                }

                var k = ascii[ch];
                if (k is Lower or Upper)
                {
                    hash = (hash ^ (uint)(ch | 0x20)) * WordTable.Prime;
                    q++;
                    continue;
                }

                plain = !(ch is '\'' or '-' && q + 1 < text.Length && char.IsLetter(text[q + 1]));
                break;
            }

            if (!plain)
            {
                break;
            }

            var length = q - p;
            if (length < 64 && ((s_stopLengths[((c - 'a') * 27) + (length > 1 ? (text[p + 1] | 0x20) - 'a' : 26)] >> length) & 1) != 0)
            {
                var wordClass = WordClasses.Classify(text[p..q], hash, mayBeName: false);
                if ((wordClass & StopClasses) != 0)
                {
                    _stopAt = p;
                    _stopEnd = q;
                    _stopClass = wordClass;
                    break;
                }
            }

            _sentenceStart = false;
            _lineStart = false;
            _spaceBefore = false;
            p = q;
        }

        _pos = p;
    }

    public void Dispose()
    {
        if (_tokens.Length > 0)
        {
            if (!ReferenceEquals(_tokens, _borrowed))
            {
                ArrayPool<WordToken>.Shared.Return(_tokens);
            }

            _tokens = [];
        }

        if (_triggers.Length > 0)
        {
            ArrayPool<WordToken>.Shared.Return(_triggers);
            _triggers = [];
        }

        if (_innerRuns.Length > 0)
        {
            ArrayPool<WordToken>.Shared.Return(_innerRuns);
            _innerRuns = [];
        }
    }

    // Reads the white space and the one token after it; false at the end of the text.
    private bool ReadToken()
    {
        var text = _text;
        var i = _pos;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            if (text[i] is '\n' or '\r')
            {
                _lineStart = true;
                _sentenceStart = true;
            }
            else
            {
                _spaceBefore = true;
            }

            i++;
        }

        if (i >= text.Length)
        {
            _pos = i;
            return false;
        }

        var c = text[i];
        var start = i;
        var hash = WordTable.Seed;
        TokenKind kind;
        var flags = TokenFlags.None;
        var compound = false;
        var wordClass = WordClass.None;
        if (i == _stopAt)
        {
            // The stop word SkipInert read: a plain lower-case ASCII word (neither capitalised, all capitals nor
            // compound), its classes known.
            kind = TokenKind.Word;
            i = _stopEnd;
            wordClass = _stopClass;
            _stopAt = -1;
        }
        else if (char.IsLetter(c))
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

                if (ch < 128 && ch is not ('\'' or '-'))
                {
                    // Any other ASCII character ends the word (none is a letter or a combining mark), without the
                    // Unicode tables of the tests below.
                    break;
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
                    compound = true;
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
                compound |= !char.IsDigit(text[i]);
                i++;
            }

            // The letters of a number token end at its sixth character: a run of letters that goes on is cut in two.
            if (i < text.Length && char.IsLetter(text[i]) && char.IsLetter(text[i - 1]))
            {
                RunsKnown = false;
            }
        }
        else
        {
            kind = TokenKind.Punctuation;
            i++;
        }

        if (_lineStart)
        {
            flags |= TokenFlags.LineStart;
        }

        if (_sentenceStart)
        {
            flags |= TokenFlags.SentenceStart;
        }

        if (_spaceBefore)
        {
            flags |= TokenFlags.SpaceBefore;
        }

        if (compound)
        {
            HasCompoundTokens = true;
            AddInnerRunTriggers(text[start..i], start);
        }

        // Only a word that may be a name or a place is looked up in the gazetteers.
        if (kind == TokenKind.Word && wordClass == WordClass.None)
        {
            wordClass = WordClasses.Classify(text[start..i], hash, mayBeName: (flags & TokenFlags.Capitalized) != 0);
        }

        var token = new WordToken(start, i - start, kind, flags, wordClass);
        Add(ref _tokens, Count++, token, _borrowed);
        if ((wordClass & TriggerClasses) != 0)
        {
            if (_triggers.Length == 0)
            {
                _triggers = ArrayPool<WordToken>.Shared.Rent(8);
            }

            Add(ref _triggers, _triggerCount++, token);
        }

        _lineStart = false;
        _spaceBefore = false;
        _sentenceStart = kind == TokenKind.Punctuation && c is '.' or '!' or '?' or '"' or '“' or '>' or '-' or ':'
            && (_sentenceStart || c is '.' or '!' or '?');
        _pos = i;
        return true;
    }

    // The runs of letters inside a compound token, looked up in the lexicons as a scan of the text would look them up;
    // those with an age or birth class are kept. A compound token as a whole never has such a class (the lexicons
    // hold those words' first runs of letters, and a compound token holds a character that is not a letter).
    private void AddInnerRunTriggers(ReadOnlySpan<char> token, int offset)
    {
        var p = 0;
        while (p < token.Length)
        {
            if (!char.IsLetter(token[p]))
            {
                p++;
                continue;
            }

            var hash = WordTable.Seed;
            var q = p;
            while (q < token.Length && char.IsLetter(token[q]))
            {
                hash = WordTable.Step(hash, token[q]);
                q++;
            }

            var wordClass = WordClasses.Classify(token[p..q], hash, mayBeName: false) & TriggerClasses;
            if (wordClass != 0)
            {
                if (_innerRuns.Length == 0)
                {
                    _innerRuns = ArrayPool<WordToken>.Shared.Rent(8);
                }

                Add(ref _innerRuns, _innerRunCount++, new WordToken(offset + p, q - p, TokenKind.Word, TokenFlags.None, wordClass));
            }

            p = q;
        }
    }

    private static void Add(ref WordToken[] buffer, int index, WordToken token, WordToken[]? borrowed = null)
    {
        if (index == buffer.Length)
        {
            var bigger = ArrayPool<WordToken>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan().CopyTo(bigger);
            if (!ReferenceEquals(buffer, borrowed))
            {
                ArrayPool<WordToken>.Shared.Return(buffer);
            }

            buffer = bigger;
        }

        buffer[index] = token;
    }

    private static byte[] BuildAsciiKinds()
    {
        var kinds = new byte[128];
        for (var c = (char)0; c < 128; c++)
        {
            kinds[c] = c is '\n' or '\r' ? LineBreak
                : char.IsWhiteSpace(c) ? Space
                : char.IsAsciiLetterLower(c) ? Lower
                : char.IsAsciiLetterUpper(c) ? Upper
                : char.IsDigit(c) ? Digit
                : TextScan.IsWordChar(c) ? Digit // no other ASCII character continues a word; stop if one did
                : Other;
        }

        return kinds;
    }

    private static ulong[] BuildStopLengths()
    {
        // A word whose second character is not an ASCII letter never equals a word of ASCII letters: it sets no bit.
        var lengths = new ulong[26 * 27];
        foreach (var (word, c) in WordClasses.LexiconWords())
        {
            if ((c & StopClasses) != 0 && word.Length is > 0 and < 64 && word[0] is >= 'a' and <= 'z'
                && (word.Length == 1 || word[1] is >= 'a' and <= 'z'))
            {
                lengths[((word[0] - 'a') * 27) + (word.Length == 1 ? 26 : word[1] - 'a')] |= 1UL << word.Length;
            }
        }

        return lengths;
    }
}
