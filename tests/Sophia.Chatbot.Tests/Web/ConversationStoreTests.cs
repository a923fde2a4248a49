using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Hosting;

namespace Sophia.Chatbot.Tests.Web;

public sealed class ConversationStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private ConversationStore Store(TimeSpan idle, int max = 10) =>
        new(Options.Create(new SophiaOptions { IdleTimeout = idle, MaxConversations = max }), _time);

    [Fact]
    public void Find_AfterIdleTimeout_ConversationIsEndedAndItsMessagesDropped()
    {
        using var store = Store(TimeSpan.FromMinutes(10));
        var conversation = store.Start("en", "GB")!;
        conversation.Add(new ChatMessage(ChatRole.User, "a private message"), _time.GetUtcNow());

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Same(conversation, store.Find(conversation.Id));
        conversation.Touch(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(store.Find(conversation.Id));
        Assert.Equal(0, store.Count);
        Assert.Equal(0, conversation.Count);
    }

    [Fact]
    public void Timer_AfterIdleTimeout_SweepsWithoutAnyRequest()
    {
        using var store = Store(TimeSpan.FromMinutes(2));
        var ended = new List<string>();
        store.Ended += ended.Add;
        var conversation = store.Start("fr", null)!;
        conversation.Add(new ChatMessage(ChatRole.User, "bonjour"), _time.GetUtcNow());

        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(0, store.Count);
        Assert.Equal([conversation.Id], ended);
        Assert.Equal(0, conversation.Count);
    }

    [Fact]
    public void End_OpenConversation_RemovesItOnce()
    {
        using var store = Store(TimeSpan.FromMinutes(10));
        var conversation = store.Start("es", null)!;

        Assert.True(store.End(conversation.Id));
        Assert.False(store.End(conversation.Id));
        Assert.Null(store.Find(conversation.Id));
    }

    [Fact]
    public void Start_AtCapacity_ReturnsNullAndIdsAreRandom()
    {
        using var store = Store(TimeSpan.FromMinutes(10), max: 2);
        var a = store.Start("en", null)!;
        var b = store.Start("en", null)!;

        Assert.Null(store.Start("en", null));
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(32, a.Id.Length);
    }
}
