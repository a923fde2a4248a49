using System;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Detects signs of a crisis in one message: <see cref="GuardCategories.CrisisViolence"/>,
/// <see cref="GuardCategories.CrisisSelfHarm"/>, <see cref="GuardCategories.CrisisChildAtRisk"/> and
/// <see cref="GuardCategories.CrisisMedical"/>, each with a score between 0 and 1. Implementations are thread-safe
/// singletons and usable without a chat pipeline. The default is <see cref="CrisisDetector"/>.
/// </summary>
public interface ICrisisDetector
{
    /// <summary>Detects crisis signals in <paramref name="text"/>.</summary>
    /// <param name="text">The message text.</param>
    /// <returns>One finding per category found, strongest first; <see cref="GuardDetection.None"/> when none.</returns>
    GuardDetection Detect(ReadOnlySpan<char> text);
}
