using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Checks a model's reply for self-harm instructions, hateful or harassing content, dangerous dosages, other people's
/// personal data and (when sources are given) ungrounded content. Implementations are thread-safe singletons; the
/// default is <see cref="OutputSafetyDetector"/> (offline, embedded). Usable without a chat pipeline:
/// <c>detector.Detect(text)</c>.
/// </summary>
public interface IOutputSafetyDetector
{
    /// <summary>Checks <paramref name="reply"/>.</summary>
    /// <param name="reply">The reply's text.</param>
    /// <param name="context">The user's messages and the app's sources; none when <see langword="null"/>.</param>
    /// <returns>
    /// The findings (categories <see cref="GuardCategories.OutputSelfHarmInstructions"/>, <see cref="GuardCategories.OutputHate"/>,
    /// <see cref="GuardCategories.OutputDangerousAdvice"/>, <see cref="GuardCategories.OutputPersonalData"/>,
    /// <see cref="GuardCategories.OutputUngrounded"/>), each one the detector stands by; <see cref="GuardDetection.None"/> when the reply is safe.
    /// </returns>
    GuardDetection Detect(string reply, OutputSafetyContext? context = null);
}
