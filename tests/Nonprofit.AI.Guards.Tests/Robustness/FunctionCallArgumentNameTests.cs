using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 28: property names in function-call arguments are pseudonymised (and restored) too; two names that map to
/// the same text (spelling-independent pseudonym keys: one phone number written two ways) used to overwrite one
/// argument (dictionary) or write a duplicate property (JSON). No argument may be lost or duplicated, and no real
/// value may reach the model.
/// </summary>
public sealed partial class FunctionCallArgumentNameTests
{
    private const string Spaced = "+254 712 345 678";
    private const string Packed = "+254712345678";

    private static readonly JsonSerializerOptions s_json = new(AIJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redact_TwoNamesWithOnePseudonym_KeepsBothArgumentsAndNoRealValue(bool streaming)
    {
        Assert.NotEmpty(Pii.Detector.Detect(Spaced)); // the premise: both spellings are found alone, as property names
        Assert.NotEmpty(Pii.Detector.Detect(Packed));
        var inner = new RecordingChatClient();
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());
        var arguments = new Dictionary<string, object?>
        {
            [Spaced] = "first",
            [Packed] = "second",
            ["contacts"] = JsonSerializer.SerializeToElement(new Dictionary<string, string> { [Spaced] = "third", [Packed] = "fourth" }),
        };
        List<ChatMessage> history =
        [
            new(ChatRole.User, "Please text my two numbers."),
            new(ChatRole.Assistant, [new FunctionCallContent("call-1", "send_sms", arguments)]),
            new(ChatRole.Tool, [new FunctionResultContent("call-1", "Sent.")]),
        ];

        var options = Pii.Conversation("conversation-argument-names");
        if (streaming)
        {
            await client.GetStreamingResponseAsync(history, options).ToListAsync();
        }
        else
        {
            await client.GetResponseAsync(history, options);
        }

        var seen = JsonSerializer.Serialize(inner.Received[^1].ToList(), s_json);
        Assert.DoesNotContain("712", seen, StringComparison.Ordinal);
        var sent = Assert.Single(inner.Received[^1].SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Arguments!;
        Assert.Equal(3, sent.Count);
        Assert.Equal(["first", "second"], sent.Where(a => a.Key != "contacts").Select(a => a.Value?.ToString()).Order(StringComparer.Ordinal));
        var contacts = ((JsonElement)sent["contacts"]!).EnumerateObject().ToList();
        Assert.Equal(["fourth", "third"], contacts.Select(p => p.Value.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(2, contacts.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2, sent.Keys.Where(k => k != "contacts").Count(k => PhonePseudonym().IsMatch(k)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_TwoNamesRestoredToOneText_KeepsBothArguments(bool streaming)
    {
        // The model names one argument by the pseudonym and another by the text the pseudonym stands for: restoring
        // the first gives the second's name.
        var inner = new CallingModel(pseudonym => new Dictionary<string, object?>
        {
            [pseudonym] = "first",
            [Spaced] = "second",
            ["contacts"] = JsonSerializer.SerializeToElement(new Dictionary<string, string> { [pseudonym] = "third", [Spaced] = "fourth" }),
        });
        using var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());
        var options = Pii.Conversation("conversation-argument-restore");
        var message = "Text me on " + Spaced + " please.";

        var response = streaming
            ? (await client.GetStreamingResponseAsync(message, options).ToListAsync()).ToChatResponse()
            : await client.GetResponseAsync(message, options);

        var arguments = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Arguments!;
        Assert.Equal(3, arguments.Count);
        Assert.Equal(["first", "second"], arguments.Where(a => a.Key != "contacts").Select(a => a.Value?.ToString()).Order(StringComparer.Ordinal));
        var contacts = ((JsonElement)arguments["contacts"]!).EnumerateObject().ToList();
        Assert.Equal(["fourth", "third"], contacts.Select(p => p.Value.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(2, contacts.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex("^<PHONE_NUMBER_[0-9]+>")]
    private static partial Regex PhonePseudonym();

    /// <summary>Replies with one function call whose arguments are built from the first phone pseudonym it received.</summary>
    private sealed partial class CallingModel(Func<string, Dictionary<string, object?>> arguments) : IChatClient
    {
        private ChatMessage Reply(IEnumerable<ChatMessage> messages)
        {
            var pseudonym = Pseudonym().Match(JsonSerializer.Serialize(messages.ToList(), s_json)).Value;
            Assert.NotEmpty(pseudonym);
            return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-9", "send_sms", arguments(pseudonym))]);
        }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(Reply(messages)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, Reply(messages).Contents) { MessageId = "m1" };
            await Task.CompletedTask;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        [GeneratedRegex("<PHONE_NUMBER_[0-9]+>")]
        private static partial Regex Pseudonym();
    }
}
