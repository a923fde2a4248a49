using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nonprofit.AI.Guards;
using Nonprofit.Privacy;

namespace Microsoft.Extensions.AI;

/// <summary>Adds the recommended stack of Nonprofit guards to a chat pipeline.</summary>
public static class NonprofitGuardsChatClientBuilderExtensions
{
    /// <summary>
    /// Adds the guards in the recommended order, outermost (nearest the app) first: audit, crisis detection, rate limit,
    /// prompt-injection shield, scope, language matching, output safety, PII redaction (nearest the model). Guards
    /// whose options are null, and extension points not set, are left out. See docs/guards.md for why this order.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">
    /// The options; when <see langword="null"/>, the <see cref="NonprofitGuardsOptions"/> registered with
    /// <c>AddNonprofitGuards</c>, else the defaults.
    /// </param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">When the pipeline is built, if an option is invalid.</exception>
    public static ChatClientBuilder UseNonprofitGuards(this ChatClientBuilder builder, NonprofitGuardsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => Compose(inner, services, options ?? services.GetService<IOptions<NonprofitGuardsOptions>>()?.Value ?? new()));
    }

    private static IChatClient Compose(IChatClient inner, IServiceProvider services, NonprofitGuardsOptions options)
    {
        var errors = NonprofitGuardsOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.Options.DefaultName, typeof(NonprofitGuardsOptions), errors);
        }

        var observers = VerdictPublisher.ObserversIn(services);
        var time = services.GetService<TimeProvider>();
        var client = inner;
        if (options.PiiRedaction is { } pii)
        {
            client = new PiiRedactionChatClient(
                client,
                services.GetService<PiiDetector>() ?? DefaultDetector.Instance,
                services.GetService<IPseudonymVault>() ?? new InMemoryPseudonymVault(),
                pii,
                observers,
                time);
        }

        client = Extend(client, services, options.OutputSafety);
        client = options.LanguageMatching is null && options.Language is { } language
            ? LanguageMatchingChatClientBuilderExtensions.Create(client, services, language)
            : Extend(client, services, options.LanguageMatching);
        client = options.Scope is null && options.ScopeOptions is { } scope
            ? ScopeChatClientBuilderExtensions.Create(client, services, scope)
            : Extend(client, services, options.Scope);
        client = options.PromptInjectionShield is null && options.PromptInjection is { } injection
            ? PromptInjectionShieldChatClientBuilderExtensions.Create(client, services, injection)
            : Extend(client, services, options.PromptInjectionShield);
        if (options.RateLimit is { } rateLimit)
        {
            client = new ConversationRateLimitChatClient(client, rateLimit, observers, time, services.GetService<ConversationRateLimitState>());
        }

        if (options.CrisisDetection is not null)
        {
            client = Extend(client, services, options.CrisisDetection);
        }
        else if (options.Crisis is { } crisis)
        {
            client = CrisisDetectionChatClientBuilderExtensions.Create(client, services, crisis);
        }
        if (options.Audit is { } audit)
        {
            client = new GuardAuditChatClient(client, GuardAuditChatClientBuilderExtensions.DefaultSink(services), audit, time, services.GetService<ILogger<GuardAuditChatClient>>());
        }

        return client;
    }

    private static IChatClient Extend(IChatClient client, IServiceProvider services, Func<IChatClient, IServiceProvider, IChatClient>? guard) =>
        guard is null
            ? client
            : guard(client, services) ?? throw new InvalidOperationException("A NonprofitGuardsOptions extension point returned null.");
}
