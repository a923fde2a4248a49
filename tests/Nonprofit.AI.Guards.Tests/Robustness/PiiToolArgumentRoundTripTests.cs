using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>
/// Session 29: <see cref="PiiRedactionOptions.RestoreAllFunctionCallArguments"/> (opt-in). A value the detector finds only
/// in its context ("my name is X", then X alone as a tool argument) reaches the tool as its real value, and the model's
/// own arguments, kept on the call and in the guard's map, go back to the model instead of it. Every test asserts on
/// everything the inner client received, on every turn.
/// </summary>
public sealed partial class PiiToolArgumentRoundTripTests
{
    // Names made up for these tests; alone, the detector does not find them (asserted in Premise).
    private const string NameA = "Zerubavel Okonkwo-Ruiz";
    private const string NameB = "Ifeoluwa Szczepanski-Tran";
    private const string TextA = "My name is " + NameA + " and I need help.";
    private const string TextB = "My name is Amélie Durand. Call me " + NameB + ".";
    private static readonly string[] s_secretsA = ["Zerubavel", "Okonkwo"];
    private static readonly string[] s_secretsB = ["Ifeoluwa", "Szczepanski", "Amélie", "Durand"];

    private static readonly JsonSerializerOptions s_json = new(AIJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Premise_TheNamesAloneAreNotFound_InTheirSentencesTheyAre()
    {
        Assert.Empty(Pii.Detector.Detect(NameA));
        Assert.Empty(Pii.Detector.Detect(NameB));
        Assert.Contains(Pii.Detector.Detect(TextA), m => TextA.Substring(m.Start, m.Length) == NameA);
        Assert.Contains(Pii.Detector.Detect(TextB), m => TextB.Substring(m.Start, m.Length) == NameB);
        Assert.False(new PiiRedactionOptions().RestoreAllFunctionCallArguments); // opt-in
    }

    [Theory]
    [InlineData(false, "round-trip-a")]
    [InlineData(true, "round-trip-a-streamed")]
    [InlineData(false, null)]
    [InlineData(true, null)]
    public async Task OptionOn_ToolLoop_ToolGetsTheContextOnlyValue_ModelNeverDoes(bool streaming, string? conversationId)
    {
        var fixture = new Fixture();

        await fixture.Turn(streaming, conversationId, [new(ChatRole.User, TextA)]);

        Assert.Equal([NameA], fixture.ToolReceived); // before the option: the pseudonym
        Assert.Equal(2, fixture.Model.Turns.Count); // the call, then the answer after the tool's result
        fixture.AssertModelNeverSaw(s_secretsA);
        var sentBack = fixture.Model.CallsReceived(fixture.Model.Turns.Count - 1).Single();
        Assert.Matches(PseudonymPattern(), JsonSerializer.Serialize(sentBack.Arguments, s_json));
        Assert.False(sentBack.AdditionalProperties?.ContainsKey(PiiRedactionChatClient.ModelArgumentsKey) ?? false);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OptionOn_HistoryRoundTrippedThroughJson_NextTurnSendsTheModelsArguments(bool streaming)
    {
        var fixture = new Fixture();
        var history = await fixture.Turn(streaming, "round-trip-json", [new(ChatRole.User, TextA)]);

        var stored = RoundTrip(history);
        Assert.Equal(NameA, ArgumentText(stored, "name")); // the history holds the real value: there is something to protect
        stored.Add(new ChatMessage(ChatRole.User, "Thanks, what happens next?"));
        await fixture.Turn(streaming, "round-trip-json", stored);

        Assert.Equal(3, fixture.Model.Turns.Count);
        fixture.AssertModelNeverSaw(s_secretsA);
        Assert.Matches("^<PERSON_[0-9]+>$", ArgumentText(fixture.Model.CallsReceived(2).Single(), "name"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OptionOn_HistoryRebuiltWithoutAdditionalProperties_TheGuardsMapKeepsTheModelsArguments(bool streaming)
    {
        var fixture = new Fixture();
        var history = await fixture.Turn(streaming, "round-trip-map", [new(ChatRole.User, TextA)]);

        var stored = WithoutAdditionalProperties(RoundTrip(history));
        Assert.Equal(NameA, ArgumentText(stored, "name"));
        Assert.DoesNotContain(PiiRedactionChatClient.ModelArgumentsKey, JsonSerializer.Serialize(stored, s_json), StringComparison.Ordinal);
        stored.Add(new ChatMessage(ChatRole.User, "Thanks, what happens next?"));
        await fixture.Turn(streaming, "round-trip-map", stored);

        fixture.AssertModelNeverSaw(s_secretsA);
        Assert.Matches("^<PERSON_[0-9]+>$", ArgumentText(fixture.Model.CallsReceived(2).Single(), "name"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public async Task OptionOn_NestedJsonArgument_RoundTripsThroughJson_ModelNeverSeesTheValue(bool streaming, bool keepProperties)
    {
        var fixture = new Fixture(nested: true);
        var history = await fixture.Turn(streaming, "round-trip-nested", [new(ChatRole.User, TextA)]);
        Assert.Equal([NameA], fixture.ToolReceived);

        var stored = RoundTrip(history);
        if (!keepProperties)
        {
            stored = WithoutAdditionalProperties(stored);
        }

        stored.Add(new ChatMessage(ChatRole.User, "Thanks."));
        await fixture.Turn(streaming, "round-trip-nested", stored);

        fixture.AssertModelNeverSaw(s_secretsA);
        var sent = fixture.Model.CallsReceived(2).Single();
        Assert.Equal("<PERSON_1>", Assert.IsType<JsonElement>(sent.Arguments!["contact"]).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task OptionOn_AppEditedOneArgument_ThatOneGoesThroughDetection_TheOtherKeepsTheModelsVersion(bool streaming, bool keepProperties)
    {
        const string text = "My name is " + NameA + ", write to zr.okon@example.org please.";
        const string edited = "zr.changed@example.org";
        var fixture = new Fixture(withEmail: true);
        var history = await fixture.Turn(streaming, "round-trip-edited", [new(ChatRole.User, text)]);
        Assert.Equal([NameA, "zr.okon@example.org"], fixture.ToolReceived);

        var stored = RoundTrip(history);
        if (!keepProperties)
        {
            stored = WithoutAdditionalProperties(stored);
        }

        // The app (a person approving the call, say) changes the address before the history goes back.
        var index = stored.FindIndex(m => m.Contents.OfType<FunctionCallContent>().Any());
        var call = stored[index].Contents.OfType<FunctionCallContent>().Single();
        var arguments = new Dictionary<string, object?>(call.Arguments!) { ["email"] = edited };
        stored[index] = new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(call.CallId, call.Name, arguments) { AdditionalProperties = call.AdditionalProperties }]);
        stored.Add(new ChatMessage(ChatRole.User, "Thanks, what happens next?"));
        await fixture.Turn(streaming, "round-trip-edited", stored);

        fixture.AssertModelNeverSaw([.. s_secretsA, "zr.okon", "zr.changed"]);
        var sent = fixture.Model.CallsReceived(2).Single();
        Assert.Matches("^<PERSON_[0-9]+>$", ArgumentText(sent, "name"));
        Assert.Matches("^<EMAIL_ADDRESS_[0-9]+>$", ArgumentText(sent, "email"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OptionOn_TwoConversationsWithTheSameCallId_EachGetsItsOwnModelArguments(bool streaming)
    {
        var fixture = new Fixture();
        var historyA = await fixture.Turn(streaming, "conversation-a", [new(ChatRole.User, TextA)]);
        var historyB = await fixture.Turn(streaming, "conversation-b", [new(ChatRole.User, TextB)]); // same call id, <PERSON_2>
        Assert.Equal([NameA, NameB], fixture.ToolReceived);

        var storedA = WithoutAdditionalProperties(RoundTrip(historyA));
        storedA.Add(new ChatMessage(ChatRole.User, "Thanks."));
        var storedB = WithoutAdditionalProperties(RoundTrip(historyB));
        storedB.Add(new ChatMessage(ChatRole.User, "Thanks."));
        await fixture.Turn(streaming, "conversation-a", storedA);
        await fixture.Turn(streaming, "conversation-b", storedB);

        fixture.AssertModelNeverSaw([.. s_secretsA, .. s_secretsB]);
        Assert.Equal("<PERSON_1>", ArgumentText(fixture.Model.CallsReceived(4).Single(), "name"));
        Assert.Equal("<PERSON_2>", ArgumentText(fixture.Model.CallsReceived(5).Single(), "name"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OptionOn_CallEvictedFromTheMap_ThePropertyStillKeepsTheModelsArguments(bool streaming)
    {
        var fixture = new Fixture(capacity: 2);
        var history = await fixture.Turn(streaming, "evicted", [new(ChatRole.User, TextA)]);
        for (var i = 0; i < 3; i++)
        {
            await fixture.Turn(streaming, "other-" + i, [new(ChatRole.User, TextA)]); // three more calls: the first is evicted
        }

        Assert.Equal([NameA, NameA, NameA, NameA], fixture.ToolReceived);
        Assert.Equal(2, fixture.Guard.ModelArgumentsCount); // bounded
        var stored = RoundTrip(history);
        stored.Add(new ChatMessage(ChatRole.User, "Thanks."));
        await fixture.Turn(streaming, "evicted", stored);

        fixture.AssertModelNeverSaw(s_secretsA);
        Assert.Equal("<PERSON_1>", ArgumentText(fixture.Model.CallsReceived(fixture.Model.Turns.Count - 1).Single(), "name"));
    }

    [Fact]
    public async Task OptionOn_CallEvictedAndPropertyLost_DetectionAloneDecides_TheDocumentedRisk()
    {
        // Both copies of the model's arguments are gone: the guard cannot tell a restored value from the app's text, and
        // detection alone decides. A value it finds alone (the e-mail) is still pseudonymised; a context-only one (the
        // name) reaches the model. The option's remarks say so; this test pins it so that a change is seen.
        const string text = "My name is " + NameA + ", write to zr.okon@example.org please.";
        var fixture = new Fixture(withEmail: true, capacity: 1);
        var history = await fixture.Turn(false, "evicted-lost", [new(ChatRole.User, text)]);
        await fixture.Turn(false, "other", [new(ChatRole.User, text)]);
        Assert.Equal(1, fixture.Guard.ModelArgumentsCount);

        var stored = WithoutAdditionalProperties(RoundTrip(history));
        stored.Add(new ChatMessage(ChatRole.User, "Thanks."));
        await fixture.Turn(false, "evicted-lost", stored);

        var sent = fixture.Model.CallsReceived(fixture.Model.Turns.Count - 1).Single();
        Assert.Matches("^<EMAIL_ADDRESS_[0-9]+>$", ArgumentText(sent, "email"));
        Assert.Equal(NameA, ArgumentText(sent, "name"));
    }

    [Fact]
    public async Task OptionOn_ForgetConversation_DropsItsModelArguments()
    {
        var fixture = new Fixture();
        await fixture.Turn(false, "forgotten", [new(ChatRole.User, TextA)]);
        await fixture.Turn(false, "kept", [new(ChatRole.User, TextA)]);
        Assert.Equal(2, fixture.Guard.ModelArgumentsCount);

        fixture.Guard.ForgetConversation("forgotten");

        Assert.Equal(1, fixture.Guard.ModelArgumentsCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OptionOff_NothingKept_TheToolGetsThePseudonym(bool streaming)
    {
        var fixture = new Fixture(option: false);
        var history = await fixture.Turn(streaming, "option-off", [new(ChatRole.User, TextA)]);

        Assert.Matches("^<PERSON_[0-9]+>$", Assert.Single(fixture.ToolReceived));
        Assert.Equal(0, fixture.Guard.ModelArgumentsCount);
        Assert.DoesNotContain(PiiRedactionChatClient.ModelArgumentsKey, JsonSerializer.Serialize(history, s_json), StringComparison.Ordinal);
        fixture.AssertModelNeverSaw(s_secretsA);
    }

    private static List<ChatMessage> RoundTrip(List<ChatMessage> history) =>
        JsonSerializer.Deserialize<List<ChatMessage>>(JsonSerializer.Serialize(history, AIJsonUtilities.DefaultOptions), AIJsonUtilities.DefaultOptions)!;

    /// <summary>The history as an app storing it in its own format would rebuild it: no additional properties anywhere.</summary>
    private static List<ChatMessage> WithoutAdditionalProperties(List<ChatMessage> history) =>
        [.. history.Select(m => new ChatMessage(m.Role, [.. m.Contents.Select(c => c switch
        {
            FunctionCallContent call => new FunctionCallContent(call.CallId, call.Name, call.Arguments is null ? null : new Dictionary<string, object?>(call.Arguments)),
            FunctionResultContent result => new FunctionResultContent(result.CallId, result.Result),
            TextContent text => new TextContent(text.Text),
            _ => c,
        })]))];

    private static string ArgumentText(List<ChatMessage> history, string name) =>
        ArgumentText(history.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single(), name);

    private static string ArgumentText(FunctionCallContent call, string name) =>
        call.Arguments![name] switch
        {
            JsonElement e => e.GetString()!,
            var v => Assert.IsType<string>(v),
        };

    [GeneratedRegex("<(EMAIL_ADDRESS|PERSON|PHONE_NUMBER)_[0-9]+>")]
    private static partial Regex PseudonymPattern();

    /// <summary>The guard (option on unless told) in a <see cref="FunctionInvokingChatClient"/> over a recording model.</summary>
    private sealed class Fixture
    {
        public Fixture(bool withEmail = false, bool option = true, int? capacity = null, bool nested = false)
        {
            Model = new CallingModel(withEmail, nested);
            var options = new PiiRedactionOptions { RestoreAllFunctionCallArguments = option };
            if (capacity is { } c)
            {
                options.ModelArgumentsCapacity = c;
            }

            Guard = new PiiRedactionChatClient(Model, Pii.Detector, new InMemoryPseudonymVault(), options);
            Tool = nested
                ? AIFunctionFactory.Create((Dictionary<string, JsonElement> contact) => { ToolReceived.Add(contact["name"].GetString()!); return "Noted."; }, "note_nested")
                : withEmail
                ? AIFunctionFactory.Create((string name, string email) => { ToolReceived.Add(name); ToolReceived.Add(email); return "Noted."; }, "note_contact")
                : AIFunctionFactory.Create((string name) => { ToolReceived.Add(name); return "Noted."; }, "note_name");
        }

        public CallingModel Model { get; }

        public PiiRedactionChatClient Guard { get; }

        public AIFunction Tool { get; }

        public List<string> ToolReceived { get; } = [];

        /// <summary>One user turn through the tool loop; the history with the response's messages appended.</summary>
        public async Task<List<ChatMessage>> Turn(bool streaming, string? conversationId, List<ChatMessage> history)
        {
            using var client = new FunctionInvokingChatClient(Guard);
            var options = new ChatOptions { ConversationId = conversationId, Tools = [Tool] };
            var response = streaming
                ? (await client.GetStreamingResponseAsync(history, options).ToListAsync()).ToChatResponse()
                : await client.GetResponseAsync(history, options);
            return [.. history, .. response.Messages];
        }

        public void AssertModelNeverSaw(IEnumerable<string> secrets)
        {
            foreach (var turn in Model.Turns)
            {
                foreach (var secret in secrets)
                {
                    Assert.DoesNotContain(secret, turn, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    /// <summary>
    /// Calls the tool with the last person pseudonym (and the e-mail's) of the last user message, always with call id
    /// "call-1"; answers in text after a tool result or when the last user message has no person.
    /// </summary>
    private sealed class CallingModel(bool withEmail, bool nested = false) : IChatClient
    {
        /// <summary>Everything received, per request, serialised (contents, arguments, additional properties).</summary>
        public List<string> Turns { get; } = [];

        private readonly List<List<ChatMessage>> _received = [];

        public IEnumerable<FunctionCallContent> CallsReceived(int turn) => _received[turn].SelectMany(m => m.Contents).OfType<FunctionCallContent>();

        private ChatMessage Reply(IEnumerable<ChatMessage> messages, ChatOptions? options)
        {
            var list = messages.ToList();
            _received.Add(list);
            Turns.Add(JsonSerializer.Serialize(list, s_json) + JsonSerializer.Serialize(options?.AdditionalProperties, s_json));
            if (list[^1].Role == ChatRole.Tool)
            {
                return new ChatMessage(ChatRole.Assistant, "Done.");
            }

            var last = list[^1].Text;
            var person = PseudonymPattern().Matches(last).Select(m => m.Value).LastOrDefault(p => p.StartsWith("<PERSON_", StringComparison.Ordinal));
            if (person is null)
            {
                return new ChatMessage(ChatRole.Assistant, "You are welcome.");
            }

            if (nested)
            {
                var contact = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["name"] = person, ["count"] = 2 });
                return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", "note_nested", new Dictionary<string, object?> { ["contact"] = contact })]);
            }

            var arguments = new Dictionary<string, object?> { ["name"] = person };
            if (withEmail)
            {
                arguments["email"] = PseudonymPattern().Matches(last).Select(m => m.Value).First(p => p.StartsWith("<EMAIL_ADDRESS_", StringComparison.Ordinal));
            }

            return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", withEmail ? "note_contact" : "note_name", arguments)]);
        }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(Reply(messages, options)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var content in Reply(messages, options).Contents)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { MessageId = "m" + Turns.Count };
            }

            await Task.CompletedTask;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
