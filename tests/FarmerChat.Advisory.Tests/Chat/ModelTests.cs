using System.Text.Json;
using FarmerChat.Advisory.Chat;
using FarmerChat.Advisory.Retrieval;
using Microsoft.Extensions.AI;
using Nonprofit.Tests.Shared;

namespace FarmerChat.Advisory.Tests.Chat;

/// <summary>The real-model path against a fake OpenAI-compatible server on loopback.</summary>
public sealed class ModelTests
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() => KnowledgeBase.Load(KnowledgeBase.DefaultFolder));

    private static ModelSettings Settings(FakeOpenAiServer server) => ModelSettings.FromEnvironment(name => name switch
    {
        ModelSettings.EndpointVariable => server.BaseUrl,
        ModelSettings.ModelVariable => "fake-model",
        _ => null,
    });

    [Fact]
    public async Task GetResponse_WithPassages_SendsThemAsNumberedContextAndReturnsTheReply()
    {
        await using var server = new FakeOpenAiServer("Crush the egg masses by hand [1].");
        var doc = s_kb.Value.Find("maize-fall-armyworm", "en")!;
        using var client = Settings(server).CreateClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "worms in my maize")], AdvisoryContext.Create([doc], "en", null));

        Assert.Equal("Crush the egg masses by hand [1].", response.Text);
        using var body = JsonDocument.Parse(Assert.Single(server.Bodies));
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("fake-model", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var system = messages[0].GetProperty("content").ToString();
        Assert.Contains("[1] " + doc.Title, system, StringComparison.Ordinal);
        Assert.Contains(doc.Url, system, StringComparison.Ordinal);
        Assert.Contains("Answer in English", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponse_ServerSentEvents_AssembledInOrder()
    {
        await using var server = new FakeOpenAiServer("Kagua shamba kila wiki na ponda mayai [1].");
        using var client = Settings(server).CreateClient();
        var doc = s_kb.Value.Find("maize-fall-armyworm", "sw")!;

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "viwavi")], AdvisoryContext.Create([doc], "sw", null)))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 3);
        Assert.Equal("Kagua shamba kila wiki na ponda mayai [1].", updates.ToChatResponse().Text);
        Assert.Contains("\"stream\":true", Assert.Single(server.Bodies), StringComparison.Ordinal);
        Assert.Contains("Answer in Swahili", server.Bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_NoPassages_DeclinesWithoutCallingTheModel()
    {
        await using var server = new FakeOpenAiServer("should not be used");
        using var client = Settings(server).CreateClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "vanilla price")], AdvisoryContext.Create([], "fr", null));
        var streamed = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "vanilla price")], AdvisoryContext.Create([], "fr", null)).ToChatResponseAsync();

        Assert.Equal(Phrases.Decline("fr"), response.Text);
        Assert.Equal(Phrases.Decline("fr"), streamed.Text);
        Assert.Empty(server.Bodies);
    }

    [Fact]
    public void FromEnvironment_NothingSet_Offline()
    {
        var settings = ModelSettings.FromEnvironment(_ => null);

        Assert.True(settings.IsOffline);
        Assert.IsType<OfflineAdvisoryChatClient>(settings.CreateClient());
    }

    [Fact]
    public void FromEnvironment_EndpointNotHttp_Throws() =>
        Assert.Throws<ArgumentException>(() => ModelSettings.FromEnvironment(name => name == ModelSettings.EndpointVariable ? "ftp://x" : "m"));

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var settings = ModelSettings.FromEnvironment(name => name switch
        {
            ModelSettings.EndpointVariable => "http://127.0.0.1:1/v1",
            ModelSettings.ModelVariable => "m",
            _ => "secret-key-123",
        });

        Assert.DoesNotContain("secret", settings.ToString(), StringComparison.Ordinal);
    }
}
