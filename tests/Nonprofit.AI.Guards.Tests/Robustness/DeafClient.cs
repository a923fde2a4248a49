using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.Robustness;

/// <summary>A model client that ignores the token (so only the guard can stop the request).</summary>
internal sealed class DeafClient : IChatClient
{
    public int Calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Plant it in March.")));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls++;
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Plant it in March.") { MessageId = "m1" };
        await Task.CompletedTask;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
