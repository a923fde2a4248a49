using System.Net;
using System.Xml.Linq;
using Nonprofit.Tests.Shared;
using Sophia.Chatbot.Endpoints;
using Sophia.Chatbot.Tests.Support;

namespace Sophia.Chatbot.Tests.Web;

public sealed class AdminTests
{
    [Theory]
    [InlineData("/admin/iati", null)]
    [InlineData("/admin/iati", "wrong-key")]
    [InlineData("/admin/indicators", null)]
    [InlineData("/admin/handover", "")]
    public async Task Admin_WithoutTheKey_Unauthorized(string path, string? key)
    {
        await using var server = await SophiaServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add(AdminEndpoints.ApiKeyHeader, key);
        }

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Admin_NoKeyConfigured_AlwaysUnauthorized()
    {
        await using var server = await SophiaServer.StartAsync(["--Sophia:AdminApiKey="]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/indicators");
        request.Headers.Add(AdminEndpoints.ApiKeyHeader, "");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Iati_WithTheKey_ValidIatiWithTheAnonymousCounts()
    {
        await using var server = await SophiaServer.StartAsync();
        var a = await server.StartConversationAsync("fr", "FR");
        await server.StartConversationAsync("sw", "KE");
        await server.SendAsync(a, "Il a dit qu'il allait me tuer ce soir, j'ai très peur");

        using var response = await server.AdminGetAsync("/admin/iati");
        var xml = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(IatiSchema.Validate(new MemoryStream(xml)));
        var document = XDocument.Load(new MemoryStream(xml));
        Assert.Equal(3, document.Descendants("indicator").Count());
        Assert.DoesNotContain(a, System.Text.Encoding.UTF8.GetString(xml), StringComparison.Ordinal);
        Assert.DoesNotContain("tuer", System.Text.Encoding.UTF8.GetString(xml), StringComparison.Ordinal);

        var json = await server.AdminJsonAsync("/admin/indicators");
        Assert.Equal(2, json.GetProperty("conversations").GetProperty("total").GetDouble());
        Assert.Equal(1, json.GetProperty("conversations").GetProperty("language=sw").GetDouble());
        Assert.Equal(1, json.GetProperty("escalations").GetProperty("category=violence").GetDouble());
        Assert.Equal(1, json.GetProperty("referrals").GetProperty("type=counsellor").GetDouble());
    }
}
