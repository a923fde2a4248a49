using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sophia.Chatbot.Conversations;
using Sophia.Chatbot.Tests.Support;

namespace Sophia.Chatbot.Tests.Web;

public sealed class ChatApiTests
{
    [Fact]
    public async Task Messages_TwoTurns_ReplyThroughTheGuardsInTheMessageLanguage()
    {
        await using var server = await SophiaServer.StartAsync();
        var id = await server.StartConversationAsync("en", "FR");

        var first = await server.SendAsync(id, "How can I get a protection order?");
        var second = await server.SendAsync(id, "Comment obtenir une ordonnance de protection pour moi et mes enfants ?");

        Assert.EndsWith("Answer 1 in en.", first.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Answer 2 in fr.", second.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.False(second.GetProperty("escalated").GetBoolean());
        Assert.Equal(4, server.Get<ConversationStore>().Find(id)!.Count);
    }

    [Fact]
    public async Task Stream_Message_SendsDeltasThenDone()
    {
        await using var server = await SophiaServer.StartAsync();
        var id = await server.StartConversationAsync("es");

        using var response = await server.Http.PostAsJsonAsync($"/api/conversations/{id}/stream", new { text = "¿Cómo consigo una orden de protección?" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.True(events.Count >= 3);
        Assert.All(events[..^1], e => Assert.Equal("delta", e.GetProperty("type").GetString()));
        Assert.EndsWith("Answer 1 in es.", string.Concat(events[..^1].Select(e => e.GetProperty("text").GetString())).Trim(), StringComparison.Ordinal);
        Assert.Equal("done", events[^1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task End_QuickExit_DropsTheConversationAndNoLogHoldsItsText()
    {
        await using var server = await SophiaServer.StartAsync();
        var id = await server.StartConversationAsync("en", "GB");
        const string Secret = "Zebulon hides the spare key under the blue flowerpot";
        const string Crisis = "He said he will kill me tonight, I am so scared";
        await server.SendAsync(id, Secret + ", how do I keep evidence?");
        await server.SendAsync(id, Crisis);

        using var end = await server.Http.PostAsync($"/api/conversations/{id}/end", null);
        using var after = await server.Http.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "hello" });

        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Contains("storage", end.Headers.GetValues("Clear-Site-Data").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(0, server.Get<ConversationStore>().Count);
        Assert.Null(server.Get<HandoverQueue>().Find(id));
        var logs = server.Logs.All;
        Assert.NotEmpty(server.Logs.Lines);
        foreach (var word in new[] { "Zebulon", "flowerpot", "kill me", "scared" })
        {
            Assert.DoesNotContain(word, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Messages_IdleTimeout_ConversationIsGone()
    {
        await using var server = await SophiaServer.StartAsync(["--Sophia:IdleTimeout=00:05:00"]);
        var id = await server.StartConversationAsync();
        await server.SendAsync(id, "How do I keep evidence?");

        server.Time.Advance(TimeSpan.FromMinutes(6));
        using var after = await server.Http.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(0, server.Get<ConversationStore>().Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Messages_EmptyText_BadRequest(string text)
    {
        await using var server = await SophiaServer.StartAsync();
        var id = await server.StartConversationAsync();

        using var response = await server.Http.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Messages_TooLong_BadRequestWithoutTheText()
    {
        await using var server = await SophiaServer.StartAsync(["--Sophia:MaxMessageLength=20"]);
        var id = await server.StartConversationAsync();

        using var response = await server.Http.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "this message is far too long to accept" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("far too long", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
