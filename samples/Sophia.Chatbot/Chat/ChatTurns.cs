using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Indicators;
using Sophia.Chatbot.Responder;

namespace Sophia.Chatbot.Chat;

/// <summary>A helpline as the page shows it.</summary>
internal sealed record HelplineView(string Name, string? Phone, string? Text, string? Url, string? Hours);

/// <summary>The end of a turn: whether it escalated, the helplines to show, the language answered in.</summary>
internal sealed record TurnSummary(bool Escalated, IReadOnlyList<HelplineView> Helplines, string Language, bool Offline);

/// <summary>A whole reply and its summary.</summary>
internal sealed record TurnReply(string Reply, TurnSummary Summary);

/// <summary>
/// One turn of a conversation through the guarded pipeline: adds the user's message (in memory), calls the guarded
/// client with the conversation id, language and country, keeps the reply, and tells whether the crisis guard handed
/// the conversation over (then with the helplines for the user's country and language).
/// </summary>
internal sealed class ChatTurns(
    IChatClient chat, HandoverQueue handover, IHelplineDirectory helplines, ILanguageIdentifier languages, SophiaModel model, SophiaIndicators indicators, TimeProvider time)
{
    /// <summary>Answers one message.</summary>
    public async Task<TurnReply> SendAsync(Conversation conversation, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await conversation.Turn.WaitAsync(cancellationToken);
        try
        {
            var (messages, options, language, before) = Begin(conversation, text);
            var response = await chat.GetResponseAsync(messages, options, cancellationToken);
            var reply = response.Text;
            RecordReferrals(response.AdditionalProperties);
            conversation.Add(new ChatMessage(ChatRole.Assistant, reply), time.GetUtcNow());
            return new TurnReply(reply, await EndAsync(conversation, language, before, cancellationToken));
        }
        finally
        {
            conversation.Turn.Release();
        }
    }

    /// <summary>Answers one message as it is generated: text pieces, then the summary (null text).</summary>
    public async IAsyncEnumerable<(string? Text, TurnSummary? Summary)> StreamAsync(
        Conversation conversation, string text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await conversation.Turn.WaitAsync(cancellationToken);
        try
        {
            var (messages, options, language, before) = Begin(conversation, text);
            var reply = new StringBuilder();
            await foreach (var update in chat.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                RecordReferrals(update.AdditionalProperties);
                var piece = update.Text;
                if (!string.IsNullOrEmpty(piece))
                {
                    reply.Append(piece);
                    yield return (piece, null);
                }
            }

            conversation.Add(new ChatMessage(ChatRole.Assistant, reply.ToString()), time.GetUtcNow());
            yield return (null, await EndAsync(conversation, language, before, cancellationToken));
        }
        finally
        {
            conversation.Turn.Release();
        }
    }

    /// <summary>The language to answer in: the message's own when it is identified as one of Sophia's, else the picker's.</summary>
    internal string LanguageOf(Conversation conversation, string text)
    {
        var identified = languages.Identify(text);
        return identified.IsKnown && SophiaIndicators.Languages.Contains(identified.Language) ? identified.Language : conversation.Language;
    }

    /// <summary>Counts the kinds of services a reply referred to (the offline responder lists them; never their names).</summary>
    private void RecordReferrals(AdditionalPropertiesDictionary? properties)
    {
        if (properties?.TryGetValue(SophiaChatOptions.Referrals, out var value) == true && value is IEnumerable<string> kinds)
        {
            foreach (var kind in kinds)
            {
                indicators.Referral(kind);
            }
        }
    }

    private (List<ChatMessage> Messages, ChatOptions Options, string Language, int EscalationsBefore) Begin(Conversation conversation, string text)
    {
        var language = LanguageOf(conversation, text);
        conversation.Add(new ChatMessage(ChatRole.User, text), time.GetUtcNow());
        var options = new ChatOptions
        {
            ConversationId = conversation.Id,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [SophiaChatOptions.Language] = language,
            },
        };
        if (conversation.Country is { } country)
        {
            options.AdditionalProperties[SophiaChatOptions.Country] = country;
        }

        return (conversation.Snapshot(), options, language, handover.EscalationsOf(conversation.Id));
    }

    private async Task<TurnSummary> EndAsync(Conversation conversation, string language, int escalationsBefore, CancellationToken cancellationToken)
    {
        if (handover.EscalationsOf(conversation.Id) == escalationsBefore || handover.Find(conversation.Id) is not { } ticket)
        {
            return new TurnSummary(false, [], language, model.IsOffline);
        }

        var found = await helplines.FindAsync(new HelplineQuery(conversation.Country, language, ticket.Categories), cancellationToken);
        if (found.Count > 0)
        {
            indicators.Referral(SophiaIndicators.ReferralHelpline);
        }

        return new TurnSummary(true, [.. found.Select(h => new HelplineView(h.Name, h.Phone, h.Text, h.Url, h.Hours))], language, model.IsOffline);
    }
}
