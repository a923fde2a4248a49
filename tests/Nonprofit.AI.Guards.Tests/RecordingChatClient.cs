using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards.Tests;

/// <summary>A fake model: records what it received and replies with the chunks <see cref="Reply"/> makes.</summary>
internal sealed class RecordingChatClient : IChatClient
{
    /// <summary>By default, echoes the last message's text in one chunk.</summary>
    public Func<IReadOnlyList<ChatMessage>, IReadOnlyList<string>> Reply { get; set; } = m => [m[^1].Text];

    public List<List<ChatMessage>> Received { get; } = [];

    public int Calls => Received.Count;

    public string AllReceivedText => string.Join("\n", Received.SelectMany(r => r).Select(TextOf));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        Received.Add(list);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(Reply(list)))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        Received.Add(list);
        foreach (var chunk in Reply(list))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { MessageId = "m1", ResponseId = "r1" };
        }

        await Task.CompletedTask;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static string TextOf(ChatMessage m) =>
        string.Concat(m.Contents.Select(c => c switch
        {
            TextContent t => t.Text,
            FunctionResultContent f => f.Result?.ToString(),
            _ => "",
        }));
}

/// <summary>Test data shared by the test classes.</summary>
internal static class Pii
{
    public static PiiDetector Detector { get; } = new();

    public const string Name = "Amélie Durand";
    public const string Phone = "06 12 34 56 78";
    public const string Email = "amelie.durand@example.org";
    public const string Text = "Je m'appelle " + Name + ", appelez-moi au " + Phone + " ou écrivez à " + Email + ".";

    public static readonly string[] Secrets = ["Amélie", "Durand", Phone, "12 34 56", Email, "amelie"];

    public static void AssertNoneIn(string output)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static ChatOptions Conversation(string id) => new() { ConversationId = id };
}

/// <summary>Collects verdicts.</summary>
internal sealed class CollectingObserver : IGuardObserver
{
    public List<(GuardVerdict Verdict, string? ConversationId)> Seen { get; } = [];

    public void OnVerdict(GuardVerdict verdict, string? conversationId)
    {
        lock (Seen)
        {
            Seen.Add((verdict, conversationId));
        }
    }
}
