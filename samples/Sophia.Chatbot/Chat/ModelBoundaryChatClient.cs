using Microsoft.Extensions.AI;

namespace Sophia.Chatbot.Chat;

/// <summary>
/// The last step before a remote model: passes only the instructions and generation settings on, never the app's
/// per-request properties (language, country) or the conversation id, and puts Sophia's system prompt first.
/// </summary>
internal sealed class ModelBoundaryChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    /// <summary>What the remote model is told before the conversation.</summary>
    public const string SystemPrompt =
        "You are Sophia, a calm, kind assistant for people facing domestic violence. Answer briefly, in the user's language. " +
        "You help them gather evidence safely, understand their rights and learn their options (local services), and you can hand over to a human. " +
        "Never ask for names, addresses or other identifying details. If they are in danger, tell them to call their local emergency number.";

    /// <inheritdoc/>
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(WithSystemPrompt(messages), Clean(options), cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(WithSystemPrompt(messages), Clean(options), cancellationToken);

    private static List<ChatMessage> WithSystemPrompt(IEnumerable<ChatMessage> messages) => [new(ChatRole.System, SystemPrompt), .. messages];

    private static ChatOptions? Clean(ChatOptions? options) => options is null
        ? null
        : new ChatOptions { Instructions = options.Instructions, Temperature = options.Temperature, MaxOutputTokens = options.MaxOutputTokens };
}
