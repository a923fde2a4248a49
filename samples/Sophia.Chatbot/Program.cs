// Sophia.Chatbot: an anonymous, multilingual support chatbot for people facing domestic violence (issue 9).
using Sophia.Chatbot.Demo;
using Sophia.Chatbot.Hosting;

namespace Sophia.Chatbot;

internal static class Program
{
    /// <summary>Runs the web app on 127.0.0.1 (printing its URL), or <c>--demo</c>: a scripted conversation in the console.</summary>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("--demo"))
        {
            return await SophiaDemo.RunAsync(Console.Out, [.. args.Where(a => a != "--demo")], CancellationToken.None);
        }

        await using var app = SophiaApp.Build(args);
        await app.StartAsync();
        var model = app.Services.GetRequiredService<Chat.SophiaModel>();
        foreach (var address in SophiaApp.Addresses(app))
        {
            Console.WriteLine($"Sophia is listening on {address} ({model}). Press Ctrl+C to stop.");
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
}
