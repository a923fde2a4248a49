using Microsoft.Extensions.AI;
using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Responder;

/// <summary>
/// The <see cref="ChatOptions.AdditionalProperties"/> keys the web app sets on each request, and the keys the offline
/// responder sets on its replies.
/// </summary>
internal static class SophiaChatOptions
{
    /// <summary>The user's language, ISO 639-1 (en, fr, es, pt, sw, hi): <c>sophia.language</c>.</summary>
    public const string Language = "sophia.language";

    /// <summary>The user's country, ISO 3166-1 alpha-2, or absent: <c>sophia.country</c>.</summary>
    public const string Country = "sophia.country";

    /// <summary>On every reply of the offline responder (<see langword="true"/>), so the UI labels it "offline assistant".</summary>
    public const string Offline = "sophia.offline";

    /// <summary>On the offline responder's replies: the topic answered (a topic id, or <see cref="WelcomeTopic"/>).</summary>
    public const string Topic = "sophia.topic";

    /// <summary>On the offline responder's replies: the kinds of the services listed (referrals), a <c>string[]</c>.</summary>
    public const string Referrals = "sophia.referrals";

    /// <summary>The value of <see cref="Topic"/> for the default answer.</summary>
    public const string WelcomeTopic = "welcome";

    /// <summary>The supported language the request asks for, or <see langword="null"/>.</summary>
    public static string? LanguageOf(ChatOptions? options) =>
        SophiaLanguages.Normalize(StringProperty(options, Language));

    /// <summary>The country code the request carries, in upper case, or <see langword="null"/>.</summary>
    public static string? CountryOf(ChatOptions? options) =>
        StringProperty(options, Country) is { Length: 2 } country && country.All(char.IsAsciiLetter) ? country.ToUpperInvariant() : null;

    private static string? StringProperty(ChatOptions? options, string key) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(key, out var value) ? value?.ToString() : null;
}
