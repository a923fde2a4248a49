using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 28: the streaming restorer holds back text that could start a pseudonym; when the reply moves on to another
/// message (a new <see cref="ChatResponseUpdate.MessageId"/>), that text belongs to the message it came from, and is
/// yielded there (in an update of its own, before the new message's first update) instead of being glued to the next
/// message.
/// </summary>
public sealed class PiiRestoreMessageBoundaryTests
{
    [Fact]
    public async Task HeldBackText_AtMessageIdChange_StaysInItsMessage()
    {
        var inner = new ScriptedModel(
            ("m1", "Hello "),
            ("m1", "<PERSON_1>, write to <"),
            ("m2", "Second message."),
            ("m2", " Still <PERSON_1>."));
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());

        var updates = await client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("conversation-message-boundary")).ToListAsync();

        var texts = updates.Where(u => u.Text.Length > 0).Select(u => (u.MessageId, u.Text)).ToList();
        Assert.Equal(
            [("m1", "Hello "), ("m1", Pii.Name + ", write to "), ("m1", "<"), ("m2", "Second message."), ("m2", " Still " + Pii.Name + ".")],
            texts);
        var response = updates.ToChatResponse();
        Assert.Equal(["Hello " + Pii.Name + ", write to <", "Second message. Still " + Pii.Name + "."], response.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task PseudonymSplitAcrossMessages_IsNotJoined()
    {
        // "<PERSON_" ends one message and "1>" starts the next: joined, they would restore the name into the second.
        var inner = new ScriptedModel(("m1", "See <PERSON_"), ("m2", "1> is not a name here."));
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());

        var response = (await client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("conversation-split-pseudonym")).ToListAsync()).ToChatResponse();

        Assert.Equal(["See <PERSON_", "1> is not a name here."], response.Messages.Select(m => m.Text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task UpdateWithoutMessageId_IsTheSameMessage(string? missing)
    {
        // Microsoft.Extensions.AI joins an update without a message id to the message before it: a provider that sets
        // the id on the first chunk only must not see "<PERSON_" cut from "1>".
        var inner = new ScriptedModel(("m1", "See <PERSON_"), (missing, "1> here."));
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());

        var updates = await client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("conversation-missing-id")).ToListAsync();

        Assert.Equal(["See " + Pii.Name + " here."], updates.ToChatResponse().Messages.Select(m => m.Text));
        Assert.DoesNotContain(updates, u => u.Text.Contains("PERSON_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdChangeAfterAnUpdateWithoutId_StillEndsTheMessage()
    {
        // The held text came from an update without an id, inside message m1: m2 still starts another message.
        var inner = new ScriptedModel(("m1", "See "), (null, "<PERSON_"), ("m2", "1> is not a name here."));
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());

        var response = (await client.GetStreamingResponseAsync(Pii.Text, Pii.Conversation("conversation-missing-then-new")).ToListAsync()).ToChatResponse();

        Assert.Equal(["See <PERSON_", "1> is not a name here."], response.Messages.Select(m => m.Text));
    }

    /// <summary>Streams the given (message id, text) updates.</summary>
    private sealed class ScriptedModel(params (string? MessageId, string Text)[] updates) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var (messageId, text) in updates)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, text) { MessageId = messageId, ResponseId = "r1" };
            }

            await Task.CompletedTask;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
