using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Retrieval;
using Microsoft.Extensions.AI;

namespace FarmerChat.Advisory.Tests.Chat;

public sealed class OfflineResponderTests
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() => KnowledgeBase.Load(KnowledgeBase.DefaultFolder));

    [Theory]
    [InlineData("en", "How do I store my maize so weevils do not eat it?")]
    [InlineData("sw", "Nihifadhije mahindi ili wadudu wasiyale?")]
    [InlineData("hi", "अनाज को घुन से कैसे बचाएँ?")]
    [InlineData("fr", "Comment garder mon maïs sans charançons ?")]
    public async Task GetResponse_WithPassage_AnswersWithItsSentencesAndCitesIt(string language, string question)
    {
        var doc = s_kb.Value.Find("grain-hermetic-storage", language)!;
        using var client = new OfflineAdvisoryChatClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, question)], AdvisoryContext.Create([doc], language, null));

        var text = response.Text;
        Assert.StartsWith(doc.Title + ":", text, StringComparison.Ordinal);
        Assert.Contains($"{Phrases.Sources(language)}: [1] {doc.Title} ({doc.Source} {doc.Url})", text, StringComparison.Ordinal);
        var sentences = text.Split('\n')[1..^2].Where(l => l.Length > 0).ToList();
        Assert.InRange(sentences.Count, 1, ExtractiveAnswer.MaxSentences);
        Assert.All(sentences, s => Assert.Contains(s, doc.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "extension officer")]
    [InlineData("sw", "afisa ugani")]
    [InlineData("hi", "कृषि विस्तार अधिकारी")]
    [InlineData("fr", "conseiller agricole")]
    public async Task GetResponse_NoPassages_SaysItDoesNotKnowInTheLanguage(string language, string officer)
    {
        using var client = new OfflineAdvisoryChatClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "?")], AdvisoryContext.Create([], language, null));

        Assert.Equal(Phrases.Decline(language), response.Text);
        Assert.Contains(officer, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponse_SameTextAsNonStreaming()
    {
        var doc = s_kb.Value.Find("compost-making", "fr")!;
        using var client = new OfflineAdvisoryChatClient();
        var options = AdvisoryContext.Create([doc], "fr", null);
        ChatMessage[] messages = [new(ChatRole.User, "Comment retourner le tas de compost ?")];

        var whole = await client.GetResponseAsync(messages, options);
        var streamed = await client.GetStreamingResponseAsync(messages, options).ToChatResponseAsync();

        Assert.Equal(whole.Text, streamed.Text);
        Assert.Equal(ChatFinishReason.Stop, streamed.FinishReason);
    }

    [Fact]
    public void Sentences_SplitsOnFullStopsDandaAndListItems()
    {
        var sentences = ExtractiveAnswer.Sentences("Dry the grain. Use bags, e.g. PICS bags.\n- Keep off the floor\nपत्तियाँ हटाएँ। खेत बदलें।");

        Assert.Equal(["Dry the grain.", "Use bags, e.g.", "PICS bags.", "- Keep off the floor", "पत्तियाँ हटाएँ।", "खेत बदलें।"], sentences);
    }
}
