using Microsoft.Extensions.AI;

namespace Sophia.Chatbot.Conversations;

/// <summary>One anonymous conversation, in memory only: its messages are never written anywhere.</summary>
internal sealed class Conversation
{
    private readonly List<ChatMessage> _messages = [];
    private readonly Lock _lock = new();

    public Conversation(string id, string language, string? country, DateTimeOffset now)
    {
        Id = id;
        Language = language;
        Country = country;
        LastActivity = now;
    }

    /// <summary>Gets the random, non-personal id (also the only thing the browser keeps, in a JS variable).</summary>
    public string Id { get; }

    /// <summary>Gets or sets the language chosen in the picker (ISO 639-1).</summary>
    public string Language { get; set; }

    /// <summary>Gets or sets the country chosen in the picker (ISO 3166-1 alpha-2), if any.</summary>
    public string? Country { get; set; }

    /// <summary>Gets the time of the last message.</summary>
    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>Gets the gate that keeps one turn at a time.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>Gets the number of messages held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Adds a message and marks the conversation active.</summary>
    public void Add(ChatMessage message, DateTimeOffset now)
    {
        lock (_lock)
        {
            _messages.Add(message);
            LastActivity = now;
        }
    }

    /// <summary>Marks the conversation active without a message.</summary>
    public void Touch(DateTimeOffset now)
    {
        lock (_lock)
        {
            LastActivity = now;
        }
    }

    /// <summary>A copy of the messages, for one model call.</summary>
    public List<ChatMessage> Snapshot()
    {
        lock (_lock)
        {
            return [.. _messages];
        }
    }

    /// <summary>Drops every message (the conversation ended).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _messages.Clear();
        }
    }
}
