using System;
using System.Collections.Generic;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// A built-in recognizer that can read the tokens the detector made of the text once for all of them, instead
/// of tokenizing (or scanning for words) itself. The detector makes only the tokens its name and place scan needs,
/// so it passes the ones the token readers need: the words with an age or birth class.
/// </summary>
internal interface ITokenRecognizer
{
    /// <summary>Adds the candidates found in <paramref name="text"/> to <paramref name="results"/>.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="tokens">
    /// Tokens of <paramref name="text"/>, in order, as <see cref="WordTokenizer"/> makes them: at least every word with
    /// <see cref="WordClass.AgeTrigger"/> or <see cref="WordClass.BirthWord"/> (the detector passes exactly those).
    /// </param>
    /// <param name="hasCompoundTokens">The tokenizer's <see cref="WordTokenizer.HasCompoundTokens"/>.</param>
    /// <param name="results">Where candidates are added.</param>
    void Recognize(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, bool hasCompoundTokens, ICollection<PiiMatch> results);
}
