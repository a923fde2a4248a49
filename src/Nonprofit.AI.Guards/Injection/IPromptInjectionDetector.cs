using System;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Detects prompt-injection and jailbreak attempts in one text. Implementations are thread-safe singletons, usable
/// without a chat pipeline: <c>detector.Detect(text)</c>.
/// </summary>
public interface IPromptInjectionDetector
{
    /// <summary>Checks <paramref name="text"/>.</summary>
    /// <param name="text">The text of a user message, a tool result or a retrieved document.</param>
    /// <param name="source">Where the text comes from: <see cref="GuardCategories.InjectionDirect"/> for
    /// <see cref="PromptInjectionSource.User"/>, <see cref="GuardCategories.InjectionIndirect"/> otherwise.</param>
    /// <returns>The finding (category and score between 0 and 1), or <see cref="GuardDetection.None"/>.</returns>
    GuardDetection Detect(ReadOnlySpan<char> text, PromptInjectionSource source = PromptInjectionSource.User);
}
