using System;
using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// A built-in recognizer that can read the tokens the detector made of the text once for all of them, instead
/// of tokenizing (or scanning for words) itself.
/// </summary>
internal interface ITokenRecognizer
{
    /// <summary>Adds the candidates found in <paramref name="text"/> to <paramref name="results"/>.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="tokens">The <see cref="WordTokenizer"/> tokens of <paramref name="text"/>.</param>
    /// <param name="hasCompoundTokens">The tokenizer's <see cref="WordTokenizer.HasCompoundTokens"/>.</param>
    /// <param name="results">Where candidates are added.</param>
    void Recognize(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, bool hasCompoundTokens, ICollection<PiiMatch> results);
}
