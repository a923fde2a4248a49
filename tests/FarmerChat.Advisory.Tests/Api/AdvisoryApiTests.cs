using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FarmerChat.Advisory.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Nonprofit.Tests.Shared;

namespace FarmerChat.Advisory.Tests.Api;

/// <summary>The HTTP API on a real Kestrel, on a free loopback port.</summary>
public sealed class AdvisoryApiTests : IAsyncLifetime, IDisposable
{
    private readonly TestAdvisor _test = new();
    private WebApplication? _app;
    private HttpClient? _http;

    private HttpClient Http => _http!;

    public async Task InitializeAsync()
    {
        _app = AdvisoryApi.Build(_test.Advisor, "http://127.0.0.1:0");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _http?.Dispose();
        _test.Dispose();
    }

    [Fact]
    public async Task Ask_Question_AnswerWithLanguageCitationsFollowUps()
    {
        var response = await Http.PostAsJsonAsync("/api/ask", new { question = "Viwavijeshi vamizi wanakula mahindi yangu, nifanye nini?" });

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("sw", root.GetProperty("language").GetString());
        Assert.False(root.GetProperty("declined").GetBoolean());
        Assert.Equal("maize-fall-armyworm", root.GetProperty("citations")[0].GetProperty("id").GetString());
        Assert.StartsWith("https://", root.GetProperty("citations")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, root.GetProperty("followUps").GetArrayLength());
        Assert.Contains("[1]", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OffTopic_Declined()
    {
        var response = await Http.PostAsJsonAsync("/api/ask", new { question = "Raconte-moi une blague sur le football" });

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("declined").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task Ask_NoQuestion_BadRequest()
    {
        var response = await Http.PostAsJsonAsync("/api/ask", new { question = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ProfileThenAskThenAdoption_ThenIatiShowsThem()
    {
        var profile = await (await Http.PostAsJsonAsync("/api/profile", new { crop = "I grow tomato, I'm Asha 0733 111 222", region = "Kiambu", language = "en" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var profileId = profile.GetProperty("id").GetString();
        Assert.Equal("tomato", profile.GetProperty("crop").GetString());

        var answer = await (await Http.PostAsJsonAsync("/api/ask", new { profileId, question = "Small tunnels in my tomato leaves and holes in the fruit" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var documentId = answer.GetProperty("documentId").GetString();
        var adoption = await Http.PostAsJsonAsync("/api/adoption", new { profileId, documentId, adopted = true });
        var unknown = await Http.PostAsJsonAsync("/api/adoption", new { profileId, documentId = "nope", adopted = true });
        var iati = await Http.GetAsync(new Uri("/api/impact/iati", UriKind.Relative));

        Assert.Equal("tomato-tuta-absoluta", documentId);
        Assert.Equal(HttpStatusCode.OK, adoption.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/xml", iati.Content.Headers.ContentType?.MediaType);
        var xml = await iati.Content.ReadAsByteArrayAsync();
        Assert.Empty(IatiSchema.Validate(new MemoryStream(xml)));
        Assert.DoesNotContain("Asha", System.Text.Encoding.UTF8.GetString(xml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_UnknownId_NotFound()
    {
        var response = await Http.PostAsJsonAsync("/api/profile", new { profileId = Guid.NewGuid().ToString(), crop = "maize" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("https://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    public void Build_NotLoopbackIp_Throws(string url) =>
        Assert.Throws<ArgumentException>(() => AdvisoryApi.Build(_test.Advisor, url));
}
