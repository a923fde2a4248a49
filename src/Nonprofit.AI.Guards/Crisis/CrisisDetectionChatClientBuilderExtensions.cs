using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nonprofit.AI.Guards;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="CrisisDetectionChatClient"/> to a chat pipeline.</summary>
public static class CrisisDetectionChatClientBuilderExtensions
{
    /// <summary>
    /// Adds crisis detection and escalation. The detector (<see cref="ICrisisDetector"/>, else
    /// <see cref="CrisisDetector.Instance"/>), the app's <see cref="ICrisisEscalation"/> and <see cref="IHelplineDirectory"/>,
    /// an <see cref="ILanguageIdentifier"/>, an <see cref="IConversationRiskAssessor"/> (for
    /// <see cref="CrisisDetectionOptions.CheckConversationRisk"/>), observers, logger and <see cref="TimeProvider"/> come
    /// from the builder's services when registered. The escalation is resolved in a DI scope of its own for each crisis,
    /// disposed when it ends: it may outlive the reply, and with it the request's scope.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseCrisisDetection(
        this ChatClientBuilder builder, CrisisDetectionOptions? options = null, Action<CrisisDetectionChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = Create(inner, services, options);
            configure?.Invoke(client);
            return client;
        });
    }

    /// <summary>
    /// The app's escalation: when DI can make scopes, resolved in a scope of its own per crisis (the escalation may
    /// outlive the request's scope, so it does not see the request's scoped services); else as registered. Either way
    /// it is resolved once when the pipeline is built, so that a registration that cannot be resolved fails at start
    /// rather than silently at the moment of a crisis.
    /// </summary>
    internal static ICrisisEscalation? EscalationIn(IServiceProvider services)
    {
        if (services.GetService<IServiceScopeFactory>() is { } scopes
            && services.GetService<IServiceProviderIsService>() is { } registered && registered.IsService(typeof(ICrisisEscalation)))
        {
            using (var probe = scopes.CreateScope())
            {
                _ = probe.ServiceProvider.GetRequiredService<ICrisisEscalation>();
            }

            return new ScopedCrisisEscalation(scopes);
        }

        return services.GetService<ICrisisEscalation>();
    }

    internal static CrisisDetectionChatClient Create(IChatClient inner, IServiceProvider services, CrisisDetectionOptions? options) =>
        new(
            inner,
            services.GetService<ICrisisDetector>(),
            EscalationIn(services),
            services.GetService<IHelplineDirectory>(),
            services.GetService<ILanguageIdentifier>(),
            options,
            VerdictPublisher.ObserversIn(services),
            services.GetService<ILogger<CrisisDetectionChatClient>>(),
            services.GetService<TimeProvider>(),
            services.GetService<IConversationRiskAssessor>());
}
