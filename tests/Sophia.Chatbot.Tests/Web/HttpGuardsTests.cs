using System.Net;
using System.Text.RegularExpressions;
using Sophia.Chatbot.Hosting;
using Sophia.Chatbot.Tests.Support;

namespace Sophia.Chatbot.Tests.Web;

public sealed partial class HttpGuardsTests
{
    [Fact]
    public async Task Page_Served_WithStrictCspNoCookiesAndNoCaching()
    {
        await using var server = await SophiaServer.StartAsync();

        using var response = await server.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("id=\"quick-exit\"", html, StringComparison.Ordinal);
        Assert.Contains("offline assistant", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Wwwroot_NoExternalResourcesNoStorageNoHistoryApi()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = Directory.GetFiles(root);
        Assert.Contains(files, f => f.EndsWith("app.js", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(ExternalResource(), text);
            Assert.DoesNotContain("localStorage", text, StringComparison.Ordinal);
            Assert.DoesNotContain("sessionStorage", text, StringComparison.Ordinal);
            Assert.DoesNotContain("pushState", text, StringComparison.Ordinal);
            Assert.DoesNotContain("document.cookie", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_BurstFromOneClient_RejectedWith429BeyondTheLimit()
    {
        await using var server = await SophiaServer.StartAsync(["--Sophia:RequestsPerWindow=5", "--Sophia:RequestWindow=01:00:00"]);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await server.Http.GetAsync("/api/config");
            return response.StatusCode;
        }));
        using var page = await server.Http.GetAsync("/");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
