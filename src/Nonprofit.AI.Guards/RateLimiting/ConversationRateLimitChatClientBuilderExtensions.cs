using System;
using Microsoft.Extensions.DependencyInjection;
using Nonprofit.AI.Guards;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="ConversationRateLimitChatClient"/> to a chat pipeline.</summary>
public static class ConversationRateLimitChatClientBuilderExtensions
{
    /// <summary>
    /// Adds per-conversation and per-user rate limits. Observers and the <see cref="TimeProvider"/> come from the
    /// builder's services when registered.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseConversationRateLimit(
        this ChatClientBuilder builder, ConversationRateLimitOptions? options = null, Action<ConversationRateLimitChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = new ConversationRateLimitChatClient(
                inner, options, VerdictPublisher.ObserversIn(services), services.GetService<TimeProvider>(), services.GetService<ConversationRateLimitState>());
            configure?.Invoke(client);
            return client;
        });
    }
}
