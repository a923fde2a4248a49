using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Identifies the language of a short text, offline. Implementations are thread-safe singletons. Guards that answer in
/// the user's language (crisis detection's safe message, for one) use the one registered in DI, when there is one.
/// </summary>
public interface ILanguageIdentifier
{
    /// <summary>Identifies the language of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The ISO 639-1 code (or <c>"unknown"</c>), the script and a confidence.</returns>
    LanguageIdentification Identify(ReadOnlySpan<char> text);
}
