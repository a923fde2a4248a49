using System.Collections.Concurrent;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Indicators;

namespace Sophia.Chatbot.Conversations;

/// <summary>One conversation waiting for a counsellor: the id, the crisis categories and the language; text only if the user shared it.</summary>
internal sealed record HandoverTicket(string ConversationId, IReadOnlyList<string> Categories, string Language, DateTimeOffset At)
{
    /// <summary>Gets the conversation the user chose to share with the counsellor (in memory), or null.</summary>
    public IReadOnlyList<string>? SharedTranscript { get; init; }
}

/// <summary>
/// The simulated human hand-over: the crisis guard's <see cref="ICrisisEscalation"/>. It keeps, per conversation, the
/// crisis categories and the language — never the message text (the guard is configured without it) — until the
/// conversation ends. The user may share the transcript (<see cref="Share"/>); it goes when the conversation ends.
/// </summary>
internal sealed class HandoverQueue(SophiaIndicators indicators, TimeProvider time) : ICrisisEscalation
{
    private readonly ConcurrentDictionary<string, HandoverTicket> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _escalations = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask EscalateAsync(CrisisEscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.ConversationId ?? "unknown";
        _escalations.AddOrUpdate(id, 1, (_, n) => n + 1);
        var isNew = false;
        _tickets.AddOrUpdate(
            id,
            _ =>
            {
                isNew = true;
                return new HandoverTicket(id, context.Categories, context.Language, time.GetUtcNow());
            },
            (_, old) => old with { Categories = [.. old.Categories.Union(context.Categories)] });
        indicators.Escalation(context.Categories);
        if (isNew)
        {
            indicators.Referral(SophiaIndicators.ReferralCounsellor);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Gets the number of escalations of a conversation so far.</summary>
    public int EscalationsOf(string conversationId) => _escalations.TryGetValue(conversationId, out var n) ? n : 0;

    /// <summary>Gets the ticket of a conversation, if it escalated.</summary>
    public HandoverTicket? Find(string conversationId) => _tickets.TryGetValue(conversationId, out var t) ? t : null;

    /// <summary>The waiting conversations, oldest first.</summary>
    public IReadOnlyList<HandoverTicket> Waiting() => [.. _tickets.Values.OrderBy(t => t.At)];

    /// <summary>Attaches the transcript the user agreed to share; false when the conversation has no ticket.</summary>
    public bool Share(string conversationId, IReadOnlyList<string> transcript)
    {
        while (_tickets.TryGetValue(conversationId, out var ticket))
        {
            if (_tickets.TryUpdate(conversationId, ticket with { SharedTranscript = transcript }, ticket))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Forgets a conversation that ended (its ticket and anything shared).</summary>
    public void Forget(string conversationId)
    {
        _tickets.TryRemove(conversationId, out _);
        _escalations.TryRemove(conversationId, out _);
    }
}
