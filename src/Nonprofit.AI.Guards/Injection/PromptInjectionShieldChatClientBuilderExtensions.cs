using System;
using Microsoft.Extensions.DependencyInjection;
using Nonprofit.AI.Guards;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="PromptInjectionShieldChatClient"/> to a chat pipeline.</summary>
public static class PromptInjectionShieldChatClientBuilderExtensions
{
    /// <summary>
    /// Adds the prompt-injection shield: the user's message, tool results and retrieved documents are checked before the
    /// model. The <see cref="IPromptInjectionDetector"/> (default <see cref="PromptInjectionDetector.Default"/>), the
    /// <see cref="ILanguageIdentifier"/> (for the refusal's language), <see cref="IGuardObserver"/>s and
    /// <see cref="TimeProvider"/> come from the builder's services when registered.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UsePromptInjectionShield(
        this ChatClientBuilder builder, PromptInjectionShieldOptions? options = null, Action<PromptInjectionShieldChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = Create(inner, services, options);
            configure?.Invoke(client);
            return client;
        });
    }

    internal static PromptInjectionShieldChatClient Create(IChatClient inner, IServiceProvider services, PromptInjectionShieldOptions? options) =>
        new(
            inner,
            services.GetService<IPromptInjectionDetector>(),
            options,
            services.GetService<ILanguageIdentifier>(),
            VerdictPublisher.ObserversIn(services),
            services.GetService<TimeProvider>());
}
