using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Knowledge;

namespace Sophia.Chatbot.Responder;

/// <summary>
/// The chat model Sophia uses when no real model is configured: no download, no key. It answers the last user message
/// from the knowledge base (<see cref="KeywordMatcher"/> picks the topic) with the text written for the user's language
/// and country, the services that go with it and the emergency line; with nothing matched, a gentle default answer (what
/// Sophia helps with, and that a person can take over). Deterministic: the same messages and options give the same reply.
/// </summary>
/// <remarks>
/// The language comes from <see cref="SophiaChatOptions.Language"/>, else from the message (Nonprofit.AI.Guards'
/// language identification), else English. Every reply carries <see cref="SophiaChatOptions.Offline"/> = <see langword="true"/>.
/// The message text is read and never stored or logged.
/// </remarks>
internal sealed class OfflineResponder : IChatClient
{
    /// <summary>The model id on the replies.</summary>
    public const string ModelId = "sophia-offline";

    private readonly SophiaKnowledgeBase _knowledge;
    private readonly ILanguageIdentifier _languageIdentifier;
    private readonly KeywordMatcher _matcher;

    /// <summary>Creates the responder over a knowledge base.</summary>
    /// <param name="knowledge">The knowledge base (<see cref="SophiaKnowledgeBase.LoadDefault"/>).</param>
    /// <param name="languageIdentifier">Identifies the message's language when the request does not say; default <see cref="LanguageIdentifier.Default"/>.</param>
    public OfflineResponder(SophiaKnowledgeBase knowledge, ILanguageIdentifier? languageIdentifier = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _knowledge = knowledge;
        _languageIdentifier = languageIdentifier ?? LanguageIdentifier.Default;
        _matcher = new KeywordMatcher(knowledge.Topics);
    }

    /// <summary>Answers one message.</summary>
    /// <param name="message">The user's message (may be empty).</param>
    /// <param name="language">The language asked for, or <see langword="null"/> to identify it from the message.</param>
    /// <param name="country">The ISO 3166-1 alpha-2 country code, or <see langword="null"/>.</param>
    /// <returns>The answer and what it was built from.</returns>
    public OfflineAnswer Answer(string message, string? language, string? country)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lang = SophiaLanguages.Normalize(language) ?? IdentifyLanguage(message);
        var place = _knowledge.CountryOrDefault(country);
        var topic = _matcher.Match(message);
        var text = new StringBuilder();
        KnowledgeEntry? entry = null;
        ServiceEntry[] services = [];
        if (topic is null)
        {
            text.Append(_knowledge.Texts["welcome"][lang]);
        }
        else
        {
            entry = _knowledge.Entry(place.Code, topic);
            services = place.Services.Where(s => s.Topics.Contains(topic.Id, StringComparer.Ordinal)).ToArray();
            text.Append(topic.Title[lang]).Append('\n').Append(entry.Text[lang]);
            if (services.Length > 0)
            {
                text.Append("\n\n").Append(_knowledge.Texts["services"][lang]).Append(':');
                foreach (var service in services)
                {
                    text.Append("\n• ").Append(Describe(service, lang));
                }
            }
        }

        text.Append("\n\n").Append(string.Format(CultureInfo.InvariantCulture, _knowledge.Texts["emergency"][lang], place.Emergency[lang]));
        if (entry is not null)
        {
            text.Append('\n').Append(_knowledge.Texts["source"][lang]).Append(": ")
                .Append(entry.Source.AbsoluteUri).Append(" (").Append(entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(')');
        }

        return new OfflineAnswer(lang, place.Code, topic, entry, services, text.ToString());
    }

    /// <summary>One line for a service: name, phone, SMS, web address, hours and the illustrative notice.</summary>
    public string Describe(ServiceEntry service, string language)
    {
        ArgumentNullException.ThrowIfNull(service);
        var parts = new List<string> { service.Name[language] };
        if (service.Phone is not null)
        {
            parts.Add(service.Phone);
        }

        if (service.Sms is not null)
        {
            parts.Add("SMS " + service.Sms);
        }

        if (service.Url is not null)
        {
            parts.Add(service.Url.AbsoluteUri);
        }

        if (service.Hours is not null)
        {
            parts.Add(service.Hours);
        }

        return string.Join(" · ", parts) + " (" + _knowledge.Texts["notice"][language] + ")";
    }

    /// <inheritdoc/>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var answer = AnswerLast(messages, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text) { MessageId = ModelId })
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = Properties(answer),
        };
        return Task.FromResult(response);
    }

    /// <inheritdoc/>
    /// <remarks>The same text as <see cref="GetResponseAsync"/>, one line per update; the first update carries the
    /// <see cref="SophiaChatOptions.Offline"/>, language, topic and referral properties.</remarks>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var answer = AnswerLast(messages, options);
        var chunks = SplitLines(answer.Text);
        for (var i = 0; i < chunks.Count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunks[i])
            {
                MessageId = ModelId,
                ModelId = ModelId,
                FinishReason = i == chunks.Count - 1 ? ChatFinishReason.Stop : null,
                AdditionalProperties = i == 0 ? Properties(answer) : null,
            };
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata(nameof(OfflineResponder), defaultModelId: ModelId);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private OfflineAnswer AnswerLast(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var last = messages.LastOrDefault(m => m.Role == ChatRole.User);
        return Answer(last?.Text ?? string.Empty, SophiaChatOptions.LanguageOf(options), SophiaChatOptions.CountryOf(options));
    }

    private string IdentifyLanguage(string message)
    {
        var identified = _languageIdentifier.Identify(message);
        return SophiaLanguages.Normalize(identified.Language) ?? SophiaLanguages.Fallback;
    }

    private static AdditionalPropertiesDictionary Properties(OfflineAnswer answer) => new()
    {
        [SophiaChatOptions.Offline] = true,
        [SophiaChatOptions.Language] = answer.Language,
        [SophiaChatOptions.Topic] = answer.Topic?.Id ?? SophiaChatOptions.WelcomeTopic,
        [SophiaChatOptions.Referrals] = answer.Services.Select(s => s.Kind.ToString().ToLowerInvariant()).Distinct().ToArray(),
    };

    private static List<string> SplitLines(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            chunks.Add(text[start..end]);
            start = end;
        }

        return chunks;
    }
}
