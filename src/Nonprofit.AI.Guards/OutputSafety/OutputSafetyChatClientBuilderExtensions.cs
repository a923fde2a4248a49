using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nonprofit.AI.Guards;
using Nonprofit.Privacy;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="OutputSafetyChatClient"/> to a chat pipeline.</summary>
public static class OutputSafetyChatClientBuilderExtensions
{
    /// <summary>
    /// Adds the output-safety check of the model's replies. The <see cref="IOutputSafetyDetector"/>,
    /// <see cref="ILanguageIdentifier"/>, <see cref="IGuardObserver"/>s and <see cref="TimeProvider"/> come from the
    /// builder's services when registered (<c>AddNonprofitGuards</c> registers the detector); otherwise
    /// <see cref="OutputSafetyDetector"/> with its defaults (and the services' <see cref="PiiDetector"/>) and English safe texts.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The options; when <see langword="null"/>, the <see cref="OutputSafetyOptions"/> registered in the services, else the defaults.</param>
    /// <param name="configure">Called with the client after it is created.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseOutputSafety(
        this ChatClientBuilder builder, OutputSafetyOptions? options = null, Action<OutputSafetyChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = Create(inner, services, options);
            configure?.Invoke(client);
            return client;
        });
    }

    /// <summary>Creates the guard from the services (the default of <c>NonprofitGuardsOptions.OutputSafety</c>).</summary>
    internal static IChatClient Create(IChatClient inner, IServiceProvider services) => Create(inner, services, null);

    private static OutputSafetyChatClient Create(IChatClient inner, IServiceProvider services, OutputSafetyOptions? options) =>
        new(
            inner,
            services.GetService<IOutputSafetyDetector>() ?? (services.GetService<PiiDetector>() is { } pii ? new OutputSafetyDetector(null, pii) : OutputSafetyDetector.Default),
            options ?? services.GetService<IOptions<OutputSafetyOptions>>()?.Value,
            services.GetService<ILanguageIdentifier>(),
            VerdictPublisher.ObserversIn(services),
            services.GetService<TimeProvider>());
}
