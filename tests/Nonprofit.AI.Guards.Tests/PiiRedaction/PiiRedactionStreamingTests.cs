using CsCheck;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests.PiiRedaction;

public sealed class PiiRedactionStreamingTests
{
    private static async Task<(string Text, List<ChatResponseUpdate> Updates)> StreamAsync(IChatClient client, string text, ChatOptions options, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync(text, options, cancellationToken))
        {
            updates.Add(u);
        }

        return (string.Concat(updates.Select(u => u.Text)), updates);
    }

    private static List<string> Split(string text, int[] sizes)
    {
        var chunks = new List<string>();
        var position = 0;
        for (var i = 0; position < text.Length; i++)
        {
            var n = Math.Min(sizes[i % sizes.Length], text.Length - position);
            chunks.Add(text.Substring(position, n));
            position += n;
        }

        return chunks;
    }

    [Fact]
    public async Task GetStreamingResponseAsync_PseudonymSplitAcrossUpdates_IsRestored()
    {
        var inner = new RecordingChatClient { Reply = m => ["Bonjour <PERS", "ON_1", ">, votre numéro <", "PHONE_NUMBER_1> est noté. <", "b>"] };
        var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());

        var (text, updates) = await StreamAsync(client, Pii.Text, Pii.Conversation("c1"));

        Assert.Equal("Bonjour " + Pii.Name + ", votre numéro " + Pii.Phone + " est noté. <b>", text);
        Pii.AssertNoneIn(inner.AllReceivedText);
        Assert.Contains(updates[0].GetGuardVerdicts(), v => v.Category == GuardCategories.PiiRedacted);
        Assert.Contains(updates.SelectMany(u => u.GetGuardVerdicts()), v => v.Category == GuardCategories.PiiRestored);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_AnySplitOfTheReply_GivesTheNonStreamingText()
    {
        var vault = new InMemoryPseudonymVault();
        var inner = new RecordingChatClient();
        var client = new PiiRedactionChatClient(inner, Pii.Detector, vault);
        var conversation = Pii.Conversation("prop");
        // The model's reply: the pseudonymised input, twice, with look-alikes that are not pseudonyms.
        inner.Reply = m => [m[^1].Text + " <PERSON_9> <<PHONE_NUMBER_1>> <x " + m[^1].Text];
        var expected = (await client.GetResponseAsync(Pii.Text, conversation)).Text;
        var reply = string.Concat(inner.Reply(inner.Received[0]));
        Assert.Contains(Pii.Phone, expected, StringComparison.Ordinal);

        await Gen.Int[1, 12].Array[1, 30].SampleAsync(async sizes =>
        {
            var streamingInner = new RecordingChatClient { Reply = _ => Split(reply, sizes) };
            var streaming = new PiiRedactionChatClient(streamingInner, Pii.Detector, vault);
            var (text, _) = await StreamAsync(streaming, Pii.Text, conversation);
            Assert.Equal(expected, text);
        }, iter: 300);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ReplyEndsInsideAPseudonymPrefix_FlushesItAtTheEnd()
    {
        var inner = new RecordingChatClient { Reply = _ => ["a < b <PERSON_"] };
        var client = new PiiRedactionChatClient(inner, Pii.Detector, new InMemoryPseudonymVault());

        var (text, updates) = await StreamAsync(client, "Bonjour", Pii.Conversation("c1"));

        Assert.Equal("a < b <PERSON_", text);
        Assert.Equal(2, updates.Count);
        Assert.Equal("r1", updates[^1].ResponseId);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Canceled_Throws()
    {
        var client = new PiiRedactionChatClient(new RecordingChatClient(), Pii.Detector, new InMemoryPseudonymVault());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamAsync(client, Pii.Text, Pii.Conversation("c1"), cts.Token));
    }

    [Fact]
    public async Task UsePiiRedaction_InBuilder_RedactsAndRestores()
    {
        var inner = new RecordingChatClient();
        using var client = new ChatClientBuilder(inner).UsePiiRedaction().Build();

        var (text, _) = await StreamAsync(client, Pii.Text, Pii.Conversation("c1"));

        Assert.Equal(Pii.Text, text);
        Pii.AssertNoneIn(inner.AllReceivedText);
    }
}
