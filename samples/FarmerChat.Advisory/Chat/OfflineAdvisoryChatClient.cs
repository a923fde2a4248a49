using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace FarmerChat.Advisory.Chat;

/// <summary>
/// The model the app uses when none is configured: answers extractively from the passages the assistant retrieved
/// (<see cref="AdvisoryContext"/>), in their language, citing the document; says it does not know when there are none.
/// </summary>
internal sealed class OfflineAdvisoryChatClient : IChatClient
{
    public const string ModelId = "farmerchat-offline";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var text = ExtractiveAnswer.Compose(question, AdvisoryContext.Passages(options), AdvisoryContext.Language(options));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = ModelId, FinishReason = ChatFinishReason.Stop });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        var lines = response.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i + 1 < lines.Length ? lines[i] + "\n" : lines[i])
            {
                ModelId = ModelId,
                FinishReason = i + 1 == lines.Length ? ChatFinishReason.Stop : null,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
