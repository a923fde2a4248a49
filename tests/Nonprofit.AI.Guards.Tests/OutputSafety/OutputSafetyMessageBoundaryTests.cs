using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.OutputSafety;

/// <summary>Session 26, review finding 12: text held back in one streamed message never moves into the next.</summary>
public sealed class OutputSafetyMessageBoundaryTests
{
    [Fact]
    public async Task Streaming_MessageIdChangesWhileTextIsHeld_TheTextStaysInItsMessage()
    {
        using var client = new OutputSafetyChatClient(new TwoMessages(
            ("m1", "First message without a full stop"), ("m2", "Second message. ")));

        var updates = await client.GetStreamingResponseAsync("hello").ToListAsync();

        var response = updates.ToChatResponse();
        Assert.Equal(2, response.Messages.Count);
        Assert.Equal("First message without a full stop", response.Messages[0].Text);
        Assert.Equal("Second message. ", response.Messages[1].Text);
        Assert.Equal("m1", response.Messages[0].MessageId);
    }

    [Fact]
    // Guards the new flush at a message boundary: held text released there is still checked (it would pass unchecked if
    // the flush skipped the gate); the first test pins where the text goes.
    public async Task Streaming_UnsafeTextHeldAtAMessageBoundary_IsBlocked()
    {
        using var client = new OutputSafetyChatClient(new TwoMessages(
            ("m1", "You should just kill yourself"), ("m2", "Anyway, plant the maize. ")));

        var updates = await client.GetStreamingResponseAsync("hello").ToListAsync();

        Assert.DoesNotContain("kill", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.ContentFilter, updates[^1].FinishReason);
        Assert.Equal(GuardAction.Block, Assert.Single(updates[^1].GetGuardVerdicts()).Action);
    }

    /// <summary>Streams each (message id, text) as one update, in order.</summary>
    private sealed class TwoMessages(params (string Id, string Text)[] parts) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var (id, text) in parts)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, text) { MessageId = id, ResponseId = "r1" };
            }

            await Task.CompletedTask;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
