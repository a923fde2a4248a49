using System.Collections.Generic;

namespace Nonprofit.Privacy;

/// <summary>
/// Finds candidate personal data of one or a few kinds in a text. The <see cref="PiiDetector"/> runs every
/// recognizer, applies context scoring and thresholds, and resolves overlaps.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe (one instance serves parallel calls) and must not log, store or throw
/// with the text they read. A recognizer that wraps a machine-learning model fits here too.
/// </remarks>
public interface IPiiRecognizer
{
    /// <summary>Gets a short, stable name reported in <see cref="PiiMatch.Recognizer"/>.</summary>
    string Name { get; }

    /// <summary>Gets the entity types this recognizer may report.</summary>
    IReadOnlyCollection<PiiEntityType> SupportedTypes { get; }

    /// <summary>Adds the candidates found in <paramref name="text"/> to <paramref name="results"/>.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="results">Where candidates are added; offsets are into <paramref name="text"/>.</param>
    void Recognize(System.ReadOnlySpan<char> text, ICollection<PiiMatch> results);
}
