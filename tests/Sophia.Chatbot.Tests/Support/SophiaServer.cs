using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Chat;
using Sophia.Chatbot.Hosting;

namespace Sophia.Chatbot.Tests.Support;

/// <summary>The app on a free loopback port (in-process Kestrel), with a stand-in model, fake time and captured logs.</summary>
internal sealed class SophiaServer : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789";

    private SophiaServer(WebApplication app, Uri address, CapturingLoggerProvider logs, FakeTimeProvider time, StandInResponder? model)
    {
        App = app;
        Address = address;
        Logs = logs;
        Time = time;
        Model = model;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public CapturingLoggerProvider Logs { get; }

    public FakeTimeProvider Time { get; }

    public StandInResponder? Model { get; }

    public HttpClient Http { get; }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Starts the app; <paramref name="useStandIn"/> false keeps the app's own model choice.</summary>
    public static async Task<SophiaServer> StartAsync(IEnumerable<string>? settings = null, bool useStandIn = true, IHelplineDirectory? helplines = null)
    {
        var logs = new CapturingLoggerProvider();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var model = useStandIn ? new StandInResponder() : null;
        string[] args = ["--urls", "http://127.0.0.1:0", "--Sophia:AdminApiKey=" + AdminKey, "--Sophia:QuickExitUrl=/neutral.html", .. settings ?? []];
        var app = SophiaApp.Build(args, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFilter(_ => true);
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<TimeProvider>(time);
            if (model is not null)
            {
                builder.Services.AddKeyedSingleton<IChatClient>(SophiaContent.OfflineModelKey, model);
            }

            if (helplines is not null)
            {
                builder.Services.AddSingleton(helplines);
            }
        });
        await app.StartAsync();
        var address = new Uri(SophiaApp.Addresses(app)[0]);
        return new SophiaServer(app, address, logs, time, model);
    }

    public async Task<string> StartConversationAsync(string language = "en", string? country = null)
    {
        using var response = await Http.PostAsJsonAsync("/api/conversations", new { language, country });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> SendAsync(string conversationId, string text)
    {
        using var response = await Http.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>GET an admin endpoint with the key; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> AdminGetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(Endpoints.AdminEndpoints.ApiKeyHeader, AdminKey);
        return Http.SendAsync(request);
    }

    /// <summary>GET an admin endpoint with the key and read its JSON (success required).</summary>
    public async Task<JsonElement> AdminJsonAsync(string path)
    {
        using var response = await AdminGetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
