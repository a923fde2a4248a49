using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.PiiRedaction;

/// <summary>Session 26, review finding 13: a function call the model makes with a pseudonym gets the user's real value.</summary>
public sealed partial class PiiFunctionCallRestoreTests
{
    private const string Email = "clinic.desk@example.org";
    private const string UserText = "Please email my doctor at " + Email + " about my appointment.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RestoreInReply_FunctionCallArguments_AreRestored(bool streaming)
    {
        var inner = new CallingClient();
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());
        var conversation = new ChatOptions { ConversationId = "conversation-fc" };

        var updates = streaming ? await client.GetStreamingResponseAsync(UserText, conversation).ToListAsync() : null;
        var response = updates?.ToChatResponse() ?? await client.GetResponseAsync(UserText, conversation);
        var verdicts = updates?.SelectMany(u => u.GetGuardVerdicts()) ?? response.GetGuardVerdicts();

        Assert.DoesNotContain(Email, inner.Seen, StringComparison.Ordinal); // the model saw a pseudonym
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(Email, call.Arguments!["to"]);
        Assert.Equal(Email, ((JsonElement)call.Arguments["cc"]!).GetString());
        Assert.Equal("plain text", call.Arguments["subject"]);
        Assert.Contains(verdicts, v => v.Category == GuardCategories.PiiRestored);
    }

    [Fact]
    public async Task RestoreInReplyOff_FunctionCallArguments_KeepThePseudonym()
    {
        var inner = new CallingClient();
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault(), new PiiRedactionOptions { RestoreInReply = false });

        var response = await client.GetResponseAsync(UserText, new ChatOptions { ConversationId = "conversation-fc2" });

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Matches(PseudonymPattern(), (string)call.Arguments!["to"]!);
    }

    [GeneratedRegex("<[A-Z_]+_[0-9]+>")]
    private static partial Regex PseudonymPattern();

    /// <summary>Answers with a text and a call of send_email to the first pseudonym it received.</summary>
    private sealed class CallingClient : IChatClient
    {
        public string Seen { get; private set; } = "";

        private List<AIContent> Reply(IEnumerable<ChatMessage> messages)
        {
            Seen = string.Join("\n", messages.Select(m => m.Text));
            var pseudonym = PseudonymPattern().Match(Seen).Value;
            return
            [
                new TextContent("I will write to " + pseudonym + " now."),
                new FunctionCallContent("call-1", "send_email", new Dictionary<string, object?>
                {
                    ["to"] = pseudonym,
                    ["cc"] = JsonSerializer.SerializeToElement(pseudonym),
                    ["subject"] = "plain text",
                }),
            ];
        }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply(messages))));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var content in Reply(messages))
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { MessageId = "m1" };
            }

            await Task.CompletedTask;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
