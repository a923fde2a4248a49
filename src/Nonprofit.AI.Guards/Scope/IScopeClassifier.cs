using System;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Decides whether a message is within the app's topics. Implementations are thread-safe and meant to be singletons;
/// usable without a chat pipeline: <c>classifier.Detect(text)</c>.
/// </summary>
public interface IScopeClassifier
{
    /// <summary>Classifies one message on its own (no conversation context).</summary>
    /// <param name="text">The message.</param>
    /// <returns>
    /// <see cref="GuardDetection.None"/> when the message is in scope; otherwise one finding of category
    /// <see cref="GuardCategories.ScopeOffTopic"/> whose score is how far it is from every topic (1 - best similarity).
    /// </returns>
    GuardDetection Detect(ReadOnlySpan<char> text);
}
