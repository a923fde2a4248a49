using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Fetosense.Monitor.Tests;

/// <summary>A loopback clinic endpoint that keeps each visit once by its <c>Idempotency-Key</c> (201 Created).</summary>
internal sealed class ClinicServer : IDisposable
{
    private HttpListener _listener = null!;
    private Task _loop = Task.CompletedTask;

    public ClinicServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/visits/");
        }

        Start();
    }

    public Uri Url { get; }

    /// <summary>Stored payloads by key.</summary>
    public ConcurrentDictionary<string, string> Visits { get; } = new();

    /// <summary>How many times each key was stored (must stay 1).</summary>
    public ConcurrentDictionary<string, int> Stores { get; } = new();

    /// <summary>Every request received, in order (keys).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        if (_listener.IsListening)
        {
            _listener.Close();
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private void Start()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        _listener = listener;
        _loop = Task.Run(() => ServeAsync(listener));
    }

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var key = context.Request.Headers["Idempotency-Key"] ?? "";
            Requests.Enqueue(key);
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (key.Length == 0)
            {
                context.Response.StatusCode = 400;
                context.Response.Close();
                continue;
            }

            if (Visits.TryAdd(key, body))
            {
                Stores.AddOrUpdate(key, 1, (_, n) => n + 1);
            }

            context.Response.StatusCode = 201;
            context.Response.Close();
        }
    }
}
