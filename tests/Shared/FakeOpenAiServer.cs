using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Nonprofit.Tests.Shared;

/// <summary>
/// A tiny OpenAI-compatible server on a free loopback port: <c>POST /v1/chat/completions</c>, answering
/// <see cref="Reply"/> as one JSON completion or, when the request asks to stream, as server-sent events word by word
/// (each flushed on its own).
/// Keeps every request body. Linked into the sample test projects that test a real-model path (see their csproj).
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<string> _bodies = [];

    public FakeOpenAiServer(string reply)
    {
        Reply = reply;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Gets <see cref="BaseUrl"/> as a URI (ends with <c>/v1</c>).</summary>
    public Uri Endpoint => new(BaseUrl);

    public string Reply { get; set; }

    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_bodies)
            {
                return [.. _bodies];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_bodies)
            {
                _bodies.Add(body);
            }

            var response = context.Response;
            if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/v1/chat/completions")
            {
                response.StatusCode = 404;
                response.Close();
                continue;
            }

            using var request = JsonDocument.Parse(body);
            var stream = request.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            var model = request.RootElement.GetProperty("model").GetString();
            if (stream)
            {
                // One server-sent event per word, each flushed on its own, as a model streams.
                response.ContentType = "text/event-stream";
                response.SendChunked = true;
                var words = Reply.Split(' ');
                for (var i = 0; i < words.Length; i++)
                {
                    var delta = i == 0 ? new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = words[i] } : new Dictionary<string, object?> { ["content"] = " " + words[i] };
                    await WriteEvent(response, JsonSerializer.Serialize(Chunk(model, delta, null)));
                }

                await WriteEvent(response, JsonSerializer.Serialize(Chunk(model, new Dictionary<string, object?>(), "stop")));
                await WriteEvent(response, "[DONE]");
                response.Close();
            }
            else
            {
                response.ContentType = "application/json";
                await Write(response, JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["id"] = "chatcmpl-fake",
                    ["object"] = "chat.completion",
                    ["created"] = 1_764_000_000,
                    ["model"] = model,
                    ["choices"] = new[] { new Dictionary<string, object?> { ["index"] = 0, ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = Reply }, ["finish_reason"] = "stop" } },
                    ["usage"] = new Dictionary<string, object?> { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
                }));
            }
        }
    }

    private static Dictionary<string, object?> Chunk(string? model, Dictionary<string, object?> delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_764_000_000,
        ["model"] = model,
        ["choices"] = new[] { new Dictionary<string, object?> { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish } },
    };

    private static async Task WriteEvent(HttpListenerResponse response, string data)
    {
        var bytes = Encoding.UTF8.GetBytes("data: " + data + "\n\n");
        await response.OutputStream.WriteAsync(bytes);
        await response.OutputStream.FlushAsync();
    }

    private static async Task Write(HttpListenerResponse response, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
