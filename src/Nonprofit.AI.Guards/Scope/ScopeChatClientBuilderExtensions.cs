using System;
using Microsoft.Extensions.DependencyInjection;
using Nonprofit.AI.Guards;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="ScopeChatClient"/> to a chat pipeline.</summary>
public static class ScopeChatClientBuilderExtensions
{
    /// <summary>
    /// Keeps the conversation on the topics of <paramref name="options"/>. The classifier is the
    /// <see cref="IScopeClassifier"/> registered in the builder's services (unless it is a
    /// <see cref="SimilarityScopeClassifier"/> built from other options), else a <see cref="SimilarityScopeClassifier"/>
    /// built from <paramref name="options"/> once, when the pipeline is built. The <see cref="ILanguageIdentifier"/>,
    /// observers and <see cref="TimeProvider"/> come from the services when registered.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The topics and settings.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">When the pipeline is built, if an option is invalid.</exception>
    public static ChatClientBuilder UseScope(this ChatClientBuilder builder, ScopeOptions options, Action<ScopeChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.Use((inner, services) =>
        {
            var client = Create(inner, services, options);
            configure?.Invoke(client);
            return client;
        });
    }

    internal static ScopeChatClient Create(IChatClient inner, IServiceProvider services, ScopeOptions options)
    {
        var registered = services.GetService<IScopeClassifier>();
        var classifier = registered is UnconfiguredScopeClassifier || (registered is SimilarityScopeClassifier s && !ReferenceEquals(s.Options, options)) ? null : registered;
        return new ScopeChatClient(
            inner,
            options,
            classifier,
            services.GetService<ILanguageIdentifier>(),
            VerdictPublisher.ObserversIn(services),
            services.GetService<TimeProvider>());
    }
}
