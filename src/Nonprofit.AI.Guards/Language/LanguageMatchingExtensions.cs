using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards;

/// <summary>Reads the user's language that <see cref="LanguageMatchingChatClient"/> published.</summary>
public static class LanguageMatchingExtensions
{
    /// <summary>The user's language identified for this response, or <see langword="null"/> when the guard did not run.</summary>
    /// <param name="response">A response that came through <see cref="LanguageMatchingChatClient"/>.</param>
    /// <returns>The identification (possibly <see cref="LanguageIdentification.Unknown"/>), or null.</returns>
    public static LanguageIdentification? GetUserLanguage(this ChatResponse response) =>
        Read(response?.AdditionalProperties);

    /// <summary>The user's language on a streamed update (the first one carries it), or <see langword="null"/>.</summary>
    /// <param name="update">An update.</param>
    /// <returns>The identification, or null.</returns>
    public static LanguageIdentification? GetUserLanguage(this ChatResponseUpdate update) =>
        Read(update?.AdditionalProperties);

    /// <summary>
    /// The user's language in a request's options, for guards and clients inside <see cref="LanguageMatchingChatClient"/>,
    /// or <see langword="null"/>.
    /// </summary>
    /// <param name="options">The options the guard forwarded.</param>
    /// <returns>The identification, or null.</returns>
    public static LanguageIdentification? GetUserLanguage(this ChatOptions? options) =>
        Read(options?.AdditionalProperties);

    private static LanguageIdentification? Read(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(LanguageMatchingChatClient.LanguageKey, out var value) && value is LanguageIdentification language
            ? language
            : null;
}
