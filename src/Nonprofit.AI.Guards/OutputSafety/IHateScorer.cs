using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// How <see cref="HateSpeechModel"/> scores one prepared sentence (normalised, as <see cref="Detection.GuardText"/> gives it,
/// and with groups abstracted when the model was trained so): the shipped linear model implements it, and the evaluation
/// harness uses the same seam to score models of another class (session 28's network, which does not ship) with exactly the
/// shipped sentence, quote, transliteration and group handling. Implementations must be thread-safe.
/// </summary>
internal interface IHateScorer
{
    /// <summary>The probability that the prepared sentence is hateful, in [0, 1]; 0 for a text without features.</summary>
    double Probability(ReadOnlySpan<char> normalized);
}
