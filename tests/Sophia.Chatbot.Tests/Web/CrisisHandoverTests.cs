using System.Net;
using System.Text.Json;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Tests.Support;

namespace Sophia.Chatbot.Tests.Web;

public sealed class CrisisHandoverTests
{
    private static readonly InMemoryHelplineDirectory s_helplines = new InMemoryHelplineDirectory()
        .Add(new Helpline("Test helpline") { Phone = "3919" }, country: "FR");

    [Fact]
    public async Task Crisis_Message_EscalatesWithHelplinesAndTheQueueHoldsNoText()
    {
        await using var server = await SophiaServer.StartAsync(helplines: s_helplines);
        var id = await server.StartConversationAsync("fr", "FR");

        var reply = await server.SendAsync(id, "Il m'a dit qu'il allait me tuer ce soir, j'ai très peur");

        Assert.True(reply.GetProperty("escalated").GetBoolean());
        Assert.Equal("Test helpline", reply.GetProperty("helplines")[0].GetProperty("name").GetString());
        Assert.Empty(server.Model!.Received);
        var queue = await server.AdminJsonAsync("/admin/handover");
        var ticket = queue.EnumerateArray().Single();
        Assert.Equal(id, ticket.GetProperty("conversationId").GetString());
        Assert.Equal("fr", ticket.GetProperty("language").GetString());
        Assert.Contains("crisis.violence", ticket.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("sharedTranscript").ValueKind);
        Assert.DoesNotContain("tuer", queue.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_AfterConsent_CounsellorSeesTheTranscriptUntilTheEnd()
    {
        await using var server = await SophiaServer.StartAsync(helplines: s_helplines);
        var id = await server.StartConversationAsync("en", "GB");
        await server.SendAsync(id, "He said he will kill me tonight");

        using var share = await server.Http.PostAsync($"/api/conversations/{id}/share", null);
        var shared = await server.AdminJsonAsync("/admin/handover");
        using var end = await server.Http.PostAsync($"/api/conversations/{id}/end", null);
        var after = await server.AdminJsonAsync("/admin/handover");

        Assert.Equal(HttpStatusCode.NoContent, share.StatusCode);
        Assert.Contains("kill me tonight", shared.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, after.GetArrayLength());
    }

    [Fact]
    public async Task Share_WithoutEscalation_NotFound()
    {
        await using var server = await SophiaServer.StartAsync();
        var id = await server.StartConversationAsync();
        await server.SendAsync(id, "How do I keep evidence?");

        using var share = await server.Http.PostAsync($"/api/conversations/{id}/share", null);

        Assert.Equal(HttpStatusCode.NotFound, share.StatusCode);
    }

}
