using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Sophia.Chatbot.Tests.Support;

/// <summary>A tiny model for tests: answers "Reply N (language)" and remembers every user text it was given.</summary>
internal sealed class StandInResponder : IChatClient
{
    private int _calls;

    public ConcurrentQueue<string> Received { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer(messages, options))));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var word in Answer(messages, options).Split(' '))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private string Answer(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        foreach (var m in messages.Where(m => m.Role == ChatRole.User))
        {
            Received.Enqueue(m.Text);
        }

        var language = options?.AdditionalProperties?.TryGetValue("sophia.language", out var l) == true ? l : "?";
        return $"Thank you for writing to me. I can tell you about your rights, your options and keeping evidence. Answer {Interlocked.Increment(ref _calls)} in {language}.";
    }
}
