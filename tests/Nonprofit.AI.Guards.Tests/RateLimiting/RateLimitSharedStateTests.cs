using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Nonprofit.AI.Guards.Tests.RateLimiting;

/// <summary>Session 26, review finding 10: a pipeline built per scope or per request still rate-limits.</summary>
public sealed class RateLimitSharedStateTests
{
    [Fact]
    public async Task UseNonprofitGuards_PipelineBuiltPerScope_OneConversationIsStillLimited()
    {
        using var services = new ServiceCollection()
            .AddNonprofitGuards(o => o.RateLimit = new ConversationRateLimitOptions { ConversationPermitLimit = 2 })
            .BuildServiceProvider();
        var inner = new RecordingChatClient();
        var conversation = new ChatOptions { ConversationId = "conversation-scoped" };
        var blocked = 0;

        for (var i = 0; i < 6; i++)
        {
            using var scope = services.CreateScope();
            using var client = new ChatClientBuilder(inner).UseNonprofitGuards().Build(scope.ServiceProvider); // disposed each time
            var response = await client.GetResponseAsync("When should I plant beans?", conversation);
            blocked += response.GetGuardVerdicts().Count(v => v.Guard == ConversationRateLimitChatClient.GuardName && v.Action == GuardAction.Block);
        }

        Assert.Equal(4, blocked);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task UseConversationRateLimit_PipelinesFromOneProvider_ShareTheLimitButNotAcrossKinds()
    {
        using var services = new ServiceCollection().AddNonprofitGuards().BuildServiceProvider();
        var options = new ConversationRateLimitOptions { ConversationPermitLimit = 1, UserPermitLimit = 1 };
        var inner = new RecordingChatClient();
        using var first = new ChatClientBuilder(inner).UseConversationRateLimit(options).Build(services);
        using var second = new ChatClientBuilder(inner).UseConversationRateLimit(options).Build(services);
        // The same string as a conversation id and as a user id: separate limiters.
        var asConversation = new ChatOptions { ConversationId = "same-id" };
        var asUser = new ChatOptions { AdditionalProperties = new() { [ConversationRateLimitOptions.DefaultUserIdKey] = "same-id" } };

        await first.GetResponseAsync("hello", asConversation);
        var again = await second.GetResponseAsync("hello", asConversation);
        await second.GetResponseAsync("hello", asUser);

        Assert.Contains(again.GetGuardVerdicts(), v => v.Action == GuardAction.Block);
        Assert.Equal(2, inner.Calls);
    }
}
