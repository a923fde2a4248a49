using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sophia.Chatbot.Tests.Support;

/// <summary>An OpenAI-compatible chat completions endpoint on loopback (<c>/v1/chat/completions</c>, plain JSON and SSE) that records every request body.</summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string Reply = "Thank you for telling me. You can ask a court for a protection order, and a legal aid service can help you.";

    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>Gets the base URL to give the OpenAI client (ends with <c>/v1</c>).</summary>
    public Uri Endpoint { get; }

    public ConcurrentQueue<string> Bodies { get; } = new();

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOpenAiServer? self = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Bodies.Enqueue(body);
            using var json = JsonDocument.Parse(body);
            var stream = json.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            if (!stream)
            {
                await context.Response.WriteAsJsonAsync(new
                {
                    id = "chatcmpl-1",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = "fake",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = Reply }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 20, total_tokens = 30 },
                });
                return;
            }

            context.Response.ContentType = "text/event-stream";
            foreach (var word in Reply.Split(' '))
            {
                var chunk = JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-1",
                    @object = "chat.completion.chunk",
                    created = 1_700_000_000,
                    model = "fake",
                    choices = new[] { new { index = 0, delta = new { role = "assistant", content = word + " " }, finish_reason = (string?)null } },
                });
                await context.Response.WriteAsync("data: " + chunk + "\n\n");
                await context.Response.Body.FlushAsync();
            }

            var last = JsonSerializer.Serialize(new
            {
                id = "chatcmpl-1",
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model = "fake",
                choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
            });
            await context.Response.WriteAsync("data: " + last + "\n\ndata: [DONE]\n\n");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeOpenAiServer(app, new Uri(address + "/v1"));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
