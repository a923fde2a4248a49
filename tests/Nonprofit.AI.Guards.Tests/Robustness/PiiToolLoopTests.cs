using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 27: the tool loop with PII redaction. The tool needs the user's real values, but nothing the model receives,
/// on any turn of <see cref="FunctionInvokingChatClient"/>'s loop, may hold them.
/// </summary>
public sealed partial class PiiToolLoopTests
{
    private static readonly JsonSerializerOptions s_json = new(AIJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HistoryWithFunctionCall_ArgumentsArePseudonymised_CallersObjectsUnchanged(bool streaming)
    {
        var inner = new RecordingChatClient();
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());
        var arguments = new Dictionary<string, object?>
        {
            ["to"] = Pii.Email,
            ["recipient"] = JsonSerializer.SerializeToElement(new { name = Pii.Name, phones = new[] { Pii.Phone } }),
            ["note"] = new Dictionary<string, object?> { ["text"] = "Call " + Pii.Name + " back." },
            ["count"] = 2,
        };
        var call = new FunctionCallContent("call-7", "send_email", arguments);
        List<ChatMessage> history =
        [
            new(ChatRole.User, Pii.Text),
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("call-7", "Sent to " + Pii.Email)]),
        ];

        if (streaming)
        {
            await client.GetStreamingResponseAsync(history, new ChatOptions { ConversationId = "conversation-history" }).ToListAsync();
        }
        else
        {
            await client.GetResponseAsync(history, new ChatOptions { ConversationId = "conversation-history" });
        }

        var seen = JsonSerializer.Serialize(inner.Received[^1].ToList(), s_json);
        foreach (var secret in Pii.Secrets)
        {
            Assert.DoesNotContain(secret, seen, StringComparison.OrdinalIgnoreCase);
        }

        var sentCall = Assert.Single(inner.Received[^1].SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call-7", "send_email"), (sentCall.CallId, sentCall.Name));
        Assert.Equal(2, sentCall.Arguments!["count"]);
        Assert.Matches(PseudonymPattern(), (string)sentCall.Arguments["to"]!);
        Assert.Same(arguments, call.Arguments); // the caller's call is not changed
        Assert.Equal(Pii.Email, arguments["to"]);
    }

    [GeneratedRegex("<(EMAIL_ADDRESS|PERSON|PHONE_NUMBER)_[0-9]+>")]
    private static partial Regex PseudonymPattern();
}
