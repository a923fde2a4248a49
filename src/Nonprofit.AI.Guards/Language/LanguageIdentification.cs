namespace Nonprofit.AI.Guards;

/// <summary>The result of <see cref="ILanguageIdentifier.Identify"/>.</summary>
/// <param name="Language">The ISO 639-1 code in lower case (<c>"en"</c>, <c>"hi"</c>…), or <c>"unknown"</c> when unsure.</param>
/// <param name="Script">The ISO 15924 code of the text's script (<c>"Latn"</c>, <c>"Deva"</c>, <c>"Arab"</c>…), or <see langword="null"/>.</param>
/// <param name="Confidence">The identifier's confidence, between 0 and 1.</param>
public readonly record struct LanguageIdentification(string Language, string? Script, double Confidence);
