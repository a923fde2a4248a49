using Microsoft.Extensions.AI;

namespace FarmerChat.Advisory.Tests;

/// <summary>A model stand-in that keeps every message it is sent and answers a fixed text (or the offline responder's).</summary>
internal sealed class RecordingChatClient(string? reply = null) : IChatClient
{
    private readonly FarmerChat.Advisory.Chat.OfflineAdvisoryChatClient _offline = new();

    public List<string> Seen { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (Seen)
        {
            Seen.AddRange(list.Select(m => m.Text));
            Seen.Add(options?.Instructions ?? "");
        }

        return reply is null
            ? await _offline.GetResponseAsync(list, options, cancellationToken)
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { FinishReason = ChatFinishReason.Stop };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
