using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.RateLimiting;

public sealed class ConversationRateLimitChatClientTests
{
    private static ChatOptions Request(string conversation, string? user = null)
    {
        var options = Pii.Conversation(conversation);
        if (user is not null)
        {
            options.AdditionalProperties = new() { [ConversationRateLimitOptions.DefaultUserIdKey] = user };
        }

        return options;
    }

    [Fact]
    public async Task GetResponseAsync_OverConversationLimit_BlocksPolitelyWithoutCallingInner()
    {
        var inner = new RecordingChatClient();
        var observer = new CollectingObserver();
        using var client = new ConversationRateLimitChatClient(inner, new() { ConversationPermitLimit = 2, BlockedMessage = "Un instant, s'il vous plaît." }, [observer]);

        await client.GetResponseAsync("1", Request("c"));
        await client.GetResponseAsync("2", Request("c"));
        var blocked = await client.GetResponseAsync("3", Request("c"));
        var other = await client.GetResponseAsync("4", Request("d"));

        Assert.Equal(3, inner.Calls);
        Assert.Equal("Un instant, s'il vous plaît.", blocked.Text);
        var verdict = Assert.Single(blocked.GetGuardVerdicts());
        Assert.Equal((GuardAction.Block, GuardCategories.RateLimit, 1.0, ConversationRateLimitChatClient.GuardName), (verdict.Action, verdict.Category, verdict.Score, verdict.Guard));
        Assert.Equal(GuardAction.Allow, Assert.Single(other.GetGuardVerdicts()).Action);
        Assert.Equal([GuardAction.Allow, GuardAction.Allow, GuardAction.Block, GuardAction.Allow], observer.Seen.Select(s => s.Verdict.Action));
    }

    [Fact]
    public async Task GetResponseAsync_OverUserLimitAcrossConversations_Blocks()
    {
        var inner = new RecordingChatClient();
        using var client = new ConversationRateLimitChatClient(inner, new() { UserPermitLimit = 1 });

        await client.GetResponseAsync("1", Request("c1", "u"));
        var blocked = await client.GetResponseAsync("2", Request("c2", "u"));
        var otherUser = await client.GetResponseAsync("3", Request("c3", "v"));

        Assert.Equal(2, inner.Calls);
        Assert.Equal(GuardAction.Block, Assert.Single(blocked.GetGuardVerdicts()).Action);
        Assert.Equal(GuardAction.Allow, Assert.Single(otherUser.GetGuardVerdicts()).Action);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Blocked_YieldsOneUpdateWithTheVerdict()
    {
        var inner = new RecordingChatClient();
        using var client = new ConversationRateLimitChatClient(inner, new() { ConversationPermitLimit = 1 });
        await foreach (var _ in client.GetStreamingResponseAsync("1", Request("c")))
        {
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync("2", Request("c")))
        {
            updates.Add(u);
        }

        Assert.Equal(1, inner.Calls);
        var update = Assert.Single(updates);
        Assert.Equal(new ConversationRateLimitOptions().BlockedMessage, update.Text);
        Assert.Equal(GuardCategories.RateLimit, Assert.Single(update.GetGuardVerdicts()).Category);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Allowed_VerdictOnFirstUpdateOnly()
    {
        var inner = new RecordingChatClient { Reply = _ => ["a", "b", "c"] };
        using var client = new ConversationRateLimitChatClient(inner);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync("1", Request("c")))
        {
            updates.Add(u);
        }

        Assert.Equal(3, updates.Count);
        Assert.Equal(GuardAction.Allow, Assert.Single(updates[0].GetGuardVerdicts()).Action);
        Assert.Empty(updates[1].GetGuardVerdicts());
    }

    [Fact]
    public async Task GetResponseAsync_NoIds_IsNotLimited()
    {
        var inner = new RecordingChatClient();
        using var client = new ConversationRateLimitChatClient(inner, new() { ConversationPermitLimit = 1, UserPermitLimit = 1 });

        await client.GetResponseAsync("1");
        await client.GetResponseAsync("2");

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_Canceled_Throws()
    {
        using var client = new ConversationRateLimitChatClient(new RecordingChatClient());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("1", Request("c"), cts.Token));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Constructor_InvalidOptions_Throws(int conversationPermits, int userPermits, int windowSeconds)
    {
        var options = new ConversationRateLimitOptions
        {
            ConversationPermitLimit = conversationPermits,
            UserPermitLimit = userPermits,
            ConversationWindow = TimeSpan.FromSeconds(windowSeconds),
        };

        var e = Assert.Throws<ArgumentException>(() => new ConversationRateLimitChatClient(new RecordingChatClient(), options));
        Assert.Equal("options", e.ParamName);
    }
}
