using System;
using Microsoft.Extensions.DependencyInjection;
using Nonprofit.AI.Guards;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="LanguageMatchingChatClient"/> to a chat pipeline.</summary>
public static class LanguageMatchingChatClientBuilderExtensions
{
    /// <summary>
    /// Asks the model to reply in the user's language and flags (or replaces) replies in another language. The
    /// <see cref="ILanguageIdentifier"/>, observers and <see cref="TimeProvider"/> come from the builder's services when
    /// registered; else <see cref="LanguageIdentifier.Default"/>.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseLanguageMatching(
        this ChatClientBuilder builder, LanguageMatchingOptions? options = null, Action<LanguageMatchingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = Create(inner, services, options);
            configure?.Invoke(client);
            return client;
        });
    }

    internal static LanguageMatchingChatClient Create(IChatClient inner, IServiceProvider services, LanguageMatchingOptions? options) =>
        new(inner, services.GetService<ILanguageIdentifier>(), options, VerdictPublisher.ObserversIn(services), services.GetService<TimeProvider>());
}
