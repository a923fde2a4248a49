using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sophia.Chatbot.Hosting;

namespace Sophia.Chatbot.Conversations;

/// <summary>
/// The open conversations, in memory only. A conversation ends on quick exit (<see cref="End"/>) or after
/// <see cref="SophiaOptions.IdleTimeout"/> without a message (swept by a timer on the injected <see cref="TimeProvider"/>
/// and on every access); ending drops its messages.
/// </summary>
internal sealed class ConversationStore : IDisposable
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _idle;
    private readonly int _max;
    private readonly ITimer _sweeper;

    public ConversationStore(IOptions<SophiaOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _idle = options.Value.IdleTimeout;
        _max = options.Value.MaxConversations;
        var period = TimeSpan.FromTicks(Math.Clamp(_idle.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _sweeper = time.CreateTimer(_ => SweepExpired(), null, period, period);
    }

    /// <summary>Raised with the id of every conversation that ends (quick exit or timeout).</summary>
    public event Action<string>? Ended;

    /// <summary>Gets the number of open conversations.</summary>
    public int Count => _conversations.Count;

    /// <summary>Starts a conversation; null when <see cref="SophiaOptions.MaxConversations"/> are open.</summary>
    public Conversation? Start(string language, string? country)
    {
        SweepExpired();
        if (_conversations.Count >= _max)
        {
            return null;
        }

        var conversation = new Conversation(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), language, country, _time.GetUtcNow());
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    /// <summary>Finds an open conversation (an expired one is ended first and not found).</summary>
    public Conversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        if (IsExpired(conversation))
        {
            End(id);
            return null;
        }

        return conversation;
    }

    /// <summary>Ends a conversation and drops its messages; false when it was not open.</summary>
    public bool End(string id)
    {
        if (!_conversations.TryRemove(id, out var conversation))
        {
            return false;
        }

        conversation.Clear();
        Ended?.Invoke(id);
        return true;
    }

    /// <summary>Ends every conversation idle for longer than the timeout.</summary>
    public void SweepExpired()
    {
        foreach (var (id, conversation) in _conversations)
        {
            if (IsExpired(conversation))
            {
                End(id);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var id in _conversations.Keys)
        {
            End(id);
        }
    }

    private bool IsExpired(Conversation conversation) => _time.GetUtcNow() - conversation.LastActivity >= _idle;
}
