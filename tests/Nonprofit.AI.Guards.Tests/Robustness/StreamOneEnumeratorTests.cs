using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 29: the crisis and injection guards stream as the other guards do (docs/guards.md, "How a guard streams
/// cheaply"): their reply joins the stack's one <see cref="GuardStream"/> instead of wrapping it in an async iterator of
/// their own, so the default stack reads the model's stream with no guard's state machine per update in between.
/// </summary>
public sealed class StreamOneEnumeratorTests
{
    [Fact]
    public void CrisisAndInjectionGuards_ReturnAGuardStream()
    {
        var model = new FramesModel();
        List<ChatMessage> messages = [new(ChatRole.User, "When should I plant maize?")];

        Assert.IsType<GuardStream>(new CrisisDetectionChatClient(model).GetStreamingResponseAsync(messages));
        Assert.IsType<GuardStream>(new PromptInjectionShieldChatClient(model).GetStreamingResponseAsync(messages));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DefaultStack_ModelsStreamIsReadByOneGuardStream_SameUpdatesAndVerdicts(bool withScope)
    {
        var model = new FramesModel();
        var options = new NonprofitGuardsOptions
        {
            Audit = new GuardAuditOptions { HashKey = new byte[32] },
            ScopeOptions = withScope
                ? new ScopeOptions { Mode = ScopeMode.Flag, Topics = [new ScopeTopic { Name = "crops", Description = "crops planting maize", Examples = ["When should I plant maize?"] }] }
                : null,
        };
        using var stack = new ChatClientBuilder(model).UseNonprofitGuards(options).Build();

        var updates = await stack.GetStreamingResponseAsync("When should I plant maize?", new ChatOptions { ConversationId = "one-enumerator" }).ToListAsync();

        Assert.Equal(string.Concat(Enumerable.Repeat("the maize is fine ", 3)), string.Concat(updates.Select(u => u.Text)));
        var guards = updates.SelectMany(u => u.GetGuardVerdicts()).Select(v => v.Guard).ToList();
        Assert.Contains(CrisisDetectionChatClient.GuardName, guards);
        Assert.Contains(PromptInjectionShieldChatClient.GuardName, guards);
        Assert.NotEmpty(model.Callers);
        foreach (var callers in model.Callers)
        {
            // Between the test and the model: GuardStream's enumerator only, no guard's own iterator state machine.
            Assert.Contains(callers, t => t.StartsWith("Nonprofit.AI.Guards.GuardStream+Enumerator", StringComparison.Ordinal));
            Assert.DoesNotContain(callers, t => t.Contains("CrisisDetectionChatClient", StringComparison.Ordinal) || t.Contains("PromptInjectionShieldChatClient", StringComparison.Ordinal));
        }
    }

    /// <summary>Streams three updates; records the types on the call stack each time its stream is advanced.</summary>
    private sealed class FramesModel : IChatClient
    {
        public List<string[]> Callers { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "the maize is fine ")));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            new Updates(this);

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        private sealed class Updates(FramesModel owner) : IAsyncEnumerable<ChatResponseUpdate>, IAsyncEnumerator<ChatResponseUpdate>
        {
            private int _index;

            public ChatResponseUpdate Current { get; private set; } = null!;

            public IAsyncEnumerator<ChatResponseUpdate> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

            public ValueTask<bool> MoveNextAsync()
            {
                owner.Callers.Add([.. new StackTrace().GetFrames().Skip(1).Select(f => f.GetMethod()?.DeclaringType?.FullName ?? "")]);
                if (_index++ == 3)
                {
                    return new ValueTask<bool>(false);
                }

                Current = new ChatResponseUpdate(ChatRole.Assistant, "the maize is fine ") { MessageId = "m1" };
                return new ValueTask<bool>(true);
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
