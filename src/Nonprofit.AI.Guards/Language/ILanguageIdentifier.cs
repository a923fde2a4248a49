using System;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Identifies the language (and script) of a short text, offline. Implementations are thread-safe and meant to be
/// used as singletons; <see cref="Identify"/> does not allocate on the hot path of the default implementation.
/// </summary>
/// <remarks>
/// Usable without a chat pipeline: <c>identifier.Identify(text)</c> gives the ISO 639-1 code, the ISO 15924 script and
/// a confidence. A text that is too short, only digits, emoji or punctuation, or whose language the identifier is not
/// sure of gives <see cref="LanguageIdentification.Unknown"/> (or at least <see cref="LanguageIdentification.Language"/>
/// <c>"unknown"</c>, possibly with the script that was seen).
/// </remarks>
public interface ILanguageIdentifier
{
    /// <summary>Identifies the language of <paramref name="text"/>.</summary>
    /// <param name="text">The text, any length; only the first few kilobytes may be read.</param>
    /// <returns>The language, its script and the identifier's confidence; <c>"unknown"</c> when unsure.</returns>
    LanguageIdentification Identify(ReadOnlySpan<char> text);
}

/// <summary>The result of <see cref="ILanguageIdentifier.Identify"/>.</summary>
/// <param name="Language">
/// The ISO 639-1 code in lower case (<c>"en"</c>, <c>"hi"</c>, <c>"sw"</c>…), or <see cref="UnknownLanguage"/>
/// (<c>"unknown"</c>) when the identifier is not sure. Romanised Hindi is <c>"hi"</c> with script <c>"Latn"</c>.
/// </param>
/// <param name="Script">
/// The ISO 15924 code of the text's main script (<c>"Latn"</c>, <c>"Deva"</c>, <c>"Arab"</c>, <c>"Hans"</c>…), or
/// <see langword="null"/> when no letters were seen.
/// </param>
/// <param name="Confidence">The identifier's confidence in <paramref name="Language"/>, between 0 and 1 (0 when unknown).</param>
public readonly record struct LanguageIdentification(string Language, string? Script, double Confidence)
{
    /// <summary>The value of <see cref="Language"/> when the language is not known: <c>"unknown"</c>.</summary>
    public const string UnknownLanguage = "unknown";

    /// <summary>No language identified: <c>"unknown"</c>, no script, confidence 0.</summary>
    public static LanguageIdentification Unknown { get; } = new(UnknownLanguage, null, 0);

    /// <summary>Whether a language was identified (<see cref="Language"/> is not <c>"unknown"</c>).</summary>
    public bool IsKnown => Language is not null && Language != UnknownLanguage;
}
