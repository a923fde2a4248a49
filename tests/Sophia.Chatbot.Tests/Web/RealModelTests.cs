using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Nonprofit.Tests.Shared;
using Sophia.Chatbot.Chat;
using Sophia.Chatbot.Tests.Support;

namespace Sophia.Chatbot.Tests.Web;

/// <summary>The real-model path (Microsoft.Extensions.AI.OpenAI) against a fake OpenAI-compatible server on loopback.</summary>
public sealed class RealModelTests
{
    private const string Phone = "+44 20 7946 0958";
    private const string Message = "My sister's number is " + Phone + ", how can I get a protection order?";

    [Fact]
    public async Task Messages_RealModel_ReplyArrivesAndThePhoneNumberNeverReachesTheModel()
    {
        await using var model = FakeModel.Start();
        await using var server = await StartAsync(model);
        var id = await server.StartConversationAsync("en", "GB");

        var reply = await server.SendAsync(id, Message);

        Assert.Equal(FakeModel.Reply, reply.GetProperty("reply").GetString());
        Assert.False(reply.GetProperty("offline").GetBoolean());
        AssertNoPhone(model);
    }

    [Fact]
    public async Task Stream_RealModel_StreamsTheReplyAndThePhoneNumberNeverReachesTheModel()
    {
        await using var model = FakeModel.Start();
        await using var server = await StartAsync(model);
        var id = await server.StartConversationAsync("en", "GB");

        using var response = await server.Http.PostAsJsonAsync($"/api/conversations/{id}/stream", new { text = Message });
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("\"stream\":true", Assert.Single(model.Bodies), StringComparison.Ordinal);
        var deltas = events.Select(e => System.Text.Json.JsonDocument.Parse(e["data: ".Length..]).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "delta").Select(e => e.GetProperty("text").GetString()).ToList();
        // Streamed in parts: output safety releases the reply sentence by sentence (two sentences here), not whole.
        Assert.True(deltas.Count >= 2, string.Join(" || ", events));
        var text = string.Concat(deltas);
        Assert.Equal(FakeModel.Reply, text.Trim());
        AssertNoPhone(model);
    }

    [Fact]
    public void FromConfiguration_EndpointAndModel_RemoteElseOffline()
    {
        var remote = SophiaModel.FromConfiguration(Configuration(("NONPROFIT_CHAT_ENDPOINT", "http://localhost:11434/v1"), ("NONPROFIT_CHAT_MODEL", "llama3.2")));
        var offline = SophiaModel.FromConfiguration(Configuration(("NONPROFIT_CHAT_ENDPOINT", "http://localhost:11434/v1")));

        Assert.False(remote.IsOffline);
        Assert.True(offline.IsOffline);
        Assert.Throws<InvalidOperationException>(() => SophiaModel.FromConfiguration(Configuration(("NONPROFIT_CHAT_ENDPOINT", "localhost"), ("NONPROFIT_CHAT_MODEL", "m"))));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static Task<SophiaServer> StartAsync(FakeOpenAiServer model) =>
        SophiaServer.StartAsync(["--NONPROFIT_CHAT_ENDPOINT=" + model.Endpoint, "--NONPROFIT_CHAT_MODEL=fake-model"], useStandIn: false);

    private static void AssertNoPhone(FakeOpenAiServer model)
    {
        var body = Assert.Single(model.Bodies);
        Assert.Contains("protection order", body, StringComparison.Ordinal);
        var digits = new string([.. body.Where(char.IsAsciiDigit)]);
        Assert.DoesNotContain("79460958", digits, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0958", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sophia.", body, StringComparison.Ordinal);
    }
}
