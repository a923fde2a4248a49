using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// An injection model of another class than <see cref="Detection.LinearTextModel"/> (session 29: a network over the same
/// hashed features), read by <see cref="PromptInjectionDetector"/> exactly where the linear model is read (the same windows,
/// unmasked and turned readings, rules and combination). Implementations must be thread-safe.
/// </summary>
/// <remarks>
/// No implementation ships: the package's detectors read the embedded linear model, and only the evaluation harness's
/// <c>InjectionNetwork</c> (benchmarks/Nonprofit.Evaluation, where the network class lives since session 29) implements
/// this seam, so that a candidate is scored by exactly the shipped detector. It stays in the package for that reason only;
/// <see cref="IHateScorer"/> is the output-safety counterpart.
/// </remarks>
internal interface IInjectionScorer
{
    /// <summary>The probability that a normalised text (as <see cref="Detection.GuardText"/> gives it) is an injection, in [0, 1].</summary>
    float Probability(ReadOnlySpan<char> normalized);
}
