using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.PiiRedaction;

public sealed class PiiRedactionChatClientTests
{
    private static (PiiRedactionChatClient Client, RecordingChatClient Inner, InMemoryPseudonymVault Vault, CollectingObserver Observer) Create(PiiRedactionOptions? options = null)
    {
        var inner = new RecordingChatClient();
        var vault = new InMemoryPseudonymVault();
        var observer = new CollectingObserver();
        return (new PiiRedactionChatClient(inner, Pii.Detector, vault, options, [observer]), inner, vault, observer);
    }

    [Fact]
    public async Task GetResponseAsync_NamePhoneEmail_InnerNeverSeesThemAndUserGetsThemBack()
    {
        var (client, inner, _, _) = Create();

        var response = await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));

        Pii.AssertNoneIn(inner.AllReceivedText);
        Assert.Contains("<PHONE_NUMBER_1>", inner.AllReceivedText, StringComparison.Ordinal);
        Assert.Equal(Pii.Text, response.Text);
        var verdicts = response.GetGuardVerdicts();
        Assert.Contains(verdicts, v => v is { Action: GuardAction.Modify, Category: GuardCategories.PiiRedacted, Guard: PiiRedactionChatClient.GuardName } && v.Score > 0);
        Assert.Contains(verdicts, v => v is { Action: GuardAction.Modify, Category: GuardCategories.PiiRestored });
    }

    [Fact]
    public async Task GetResponseAsync_RestoreDisabled_ReplyKeepsPseudonyms()
    {
        var (client, _, _, _) = Create(new PiiRedactionOptions { RestoreInReply = false });

        var response = await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));

        Pii.AssertNoneIn(response.Text);
        Assert.Contains("<PHONE_NUMBER_1>", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(response.GetGuardVerdicts(), v => v.Category == GuardCategories.PiiRestored);
    }

    [Fact]
    public async Task GetResponseAsync_CleanText_AllowVerdictAndSameMessageObjects()
    {
        var (client, inner, _, observer) = Create();
        var message = new ChatMessage(ChatRole.User, "What is the weather in the valley?");

        var response = await client.GetResponseAsync([message], Pii.Conversation("c1"));

        Assert.Same(message, inner.Received[0][0]);
        var verdict = Assert.Single(response.GetGuardVerdicts());
        Assert.Equal(GuardAction.Allow, verdict.Action);
        Assert.Equal(GuardCategories.None, verdict.Category);
        Assert.Equal((verdict, "c1"), Assert.Single(observer.Seen));
    }

    [Fact]
    public async Task GetResponseAsync_CallersMessages_AreNotChanged()
    {
        var (client, _, _, _) = Create();
        var message = new ChatMessage(ChatRole.User, Pii.Text);

        await client.GetResponseAsync([message], Pii.Conversation("c1"));

        Assert.Equal(Pii.Text, message.Text);
    }

    [Fact]
    public async Task GetResponseAsync_ToolResultAndAssistantHistory_AreRedacted_SystemIsNot()
    {
        var (client, inner, _, _) = Create();
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "You help families. Say hello to Amélie Durand."),
            new(ChatRole.Assistant, "Bonjour " + Pii.Name + ", je vous appelle au " + Pii.Phone + "."),
            new(ChatRole.Tool, [new FunctionResultContent("call1", new { contact = Pii.Email, phone = Pii.Phone })]),
            new(ChatRole.User, "Merci."),
        };

        await client.GetResponseAsync(messages, Pii.Conversation("c1"));

        var received = inner.Received[0];
        Assert.Equal(messages[0].Text, received[0].Text);
        Pii.AssertNoneIn(received[1].Text);
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(received[2].Contents));
        Assert.Equal("call1", result.CallId);
        Pii.AssertNoneIn(Assert.IsType<string>(result.Result));
    }

    [Fact]
    public async Task GetResponseAsync_PseudonymOfAnotherConversation_IsNotRevealed()
    {
        var (client, inner, _, _) = Create();
        await client.GetResponseAsync(Pii.Text, Pii.Conversation("a"));
        inner.Reply = _ => ["Votre numéro est <PHONE_NUMBER_1>."];

        var other = await client.GetResponseAsync("Quel est mon numéro ?", Pii.Conversation("b"));

        Assert.Equal("Votre numéro est <PHONE_NUMBER_1>.", other.Text);
    }

    [Fact]
    public async Task GetResponseAsync_NoConversationId_ScopeIsClearedAfterTheResponse()
    {
        var (client, _, vault, _) = Create();

        var response = await client.GetResponseAsync(Pii.Text);

        Assert.Equal(Pii.Text, response.Text);
        Assert.Equal(0, vault.ScopeCount);
    }

    [Fact]
    public async Task ForgetConversation_ClearsItsScope()
    {
        var (client, _, vault, _) = Create();
        await client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"));
        Assert.Equal(1, vault.ScopeCount);

        client.ForgetConversation("c1");

        Assert.Equal(0, vault.ScopeCount);
    }

    [Fact]
    public async Task GetResponseAsync_ConfiguredConversationKey_ScopesByThatProperty()
    {
        var (client, inner, _, observer) = Create(new PiiRedactionOptions { ConversationIdKey = "session" });
        var options = new ChatOptions { AdditionalProperties = new() { ["session"] = "s9" } };

        await client.GetResponseAsync(Pii.Text, options);

        Assert.All(observer.Seen, s => Assert.Equal("s9", s.ConversationId));
        Pii.AssertNoneIn(inner.AllReceivedText);
    }

    [Fact]
    public async Task GetResponseAsync_Canceled_Throws()
    {
        var (client, _, _, _) = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Pii.Text, Pii.Conversation("c1"), cts.Token));
    }
}
