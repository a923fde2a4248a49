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
    /// <param name="innerRuns">
    /// The runs of letters with an age or birth class that lie inside compound tokens (<see cref="TokenStream.InnerRunTriggers"/>).
    /// </param>
    /// <param name="runsKnown">
    /// Whether every run of letters of <paramref name="text"/> with an age or birth class is one of <paramref name="tokens"/> or
    /// <paramref name="innerRuns"/> (a word token is such a run only when it is not compound); when not, the recognizer
    /// scans the text for its words itself.
    /// </param>
    /// <param name="results">Where candidates are added.</param>
    void Recognize(ReadOnlySpan<char> text, ReadOnlySpan<WordToken> tokens, ReadOnlySpan<WordToken> innerRuns, bool runsKnown, ICollection<PiiMatch> results);
}
