using FarmerChat.Advisory.Retrieval;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Chat;

/// <summary>
/// What the assistant hands the model with each question, in <see cref="ChatOptions.AdditionalProperties"/>: the
/// retrieved passages, the answer language, and the passages' text as the output-safety guard's sources (so it can
/// check that the reply is grounded in them).
/// </summary>
internal static class AdvisoryContext
{
    public const string PassagesKey = "farmerchat.passages";
    public const string LanguageKey = "farmerchat.language";

    public static ChatOptions Create(IReadOnlyList<KnowledgeDocument> passages, string language, string? conversationId)
    {
        var properties = new AdditionalPropertiesDictionary
        {
            [PassagesKey] = passages,
            [LanguageKey] = language,
        };
        if (passages.Count > 0)
        {
            properties[OutputSafetyOptions.DefaultSourcesKey] = passages.Select(SourceText).ToArray();
        }

        return new ChatOptions { ConversationId = conversationId, AdditionalProperties = properties };
    }

    public static IReadOnlyList<KnowledgeDocument> Passages(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PassagesKey, out var value) == true && value is IReadOnlyList<KnowledgeDocument> passages ? passages : [];

    public static string Language(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(LanguageKey, out var value) == true && value is string language && Languages.IsSupported(language)
            ? language
            : Languages.English;

    /// <summary>The citation line of a document: title, source, date and URL.</summary>
    public static string Citation(KnowledgeDocument d) => $"{d.Title} ({d.Source} {d.Url})";

    /// <summary>Everything a grounded reply may say about a document.</summary>
    public static string SourceText(KnowledgeDocument d) => $"{d.Title}\n{d.Source} {d.Date} {d.Url}\n{d.Body}";
}
