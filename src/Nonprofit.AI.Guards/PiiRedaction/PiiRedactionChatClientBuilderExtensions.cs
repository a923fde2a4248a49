using System;
using Microsoft.Extensions.DependencyInjection;
using Nonprofit.AI.Guards;
using Nonprofit.Privacy;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="PiiRedactionChatClient"/> to a chat pipeline.</summary>
public static class PiiRedactionChatClientBuilderExtensions
{
    /// <summary>
    /// Adds PII pseudonymisation of the messages and restoration of the reply. The <see cref="PiiDetector"/>,
    /// <see cref="IPseudonymVault"/>, <see cref="IGuardObserver"/>s and <see cref="TimeProvider"/> come from the
    /// builder's services when registered (see <c>AddNonprofitPrivacy</c>); otherwise a default detector and a new
    /// in-memory vault are used.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UsePiiRedaction(
        this ChatClientBuilder builder, PiiRedactionOptions? options = null, Action<PiiRedactionChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = new PiiRedactionChatClient(
                inner,
                services.GetService<PiiDetector>() ?? DefaultDetector.Instance,
                services.GetService<IPseudonymVault>() ?? new InMemoryPseudonymVault(),
                options,
                VerdictPublisher.ObserversIn(services),
                services.GetService<TimeProvider>());
            configure?.Invoke(client);
            return client;
        });
    }
}
