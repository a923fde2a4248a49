using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nonprofit.AI.Guards;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Nonprofit.AI.Guards in a service collection.</summary>
public static class GuardsServiceCollectionExtensions
{
    /// <summary>
    /// Adds Nonprofit.Privacy (detector, redactor, in-memory pseudonym vault), the <see cref="NonprofitGuardsOptions"/>,
    /// <see cref="OutputSafetyOptions"/> and <see cref="OutputSafetyDetectorOptions"/> validated on start, and, unless registered first, a <see cref="LoggerGuardAuditSink"/> as <see cref="IGuardAuditSink"/>,
    /// <see cref="LanguageIdentifier.Default"/> as <see cref="ILanguageIdentifier"/>, <see cref="CrisisDetector.Instance"/> as
    /// <see cref="ICrisisDetector"/>, <see cref="ConversationRiskAssessor.Default"/> as <see cref="IConversationRiskAssessor"/>
    /// (its model is loaded only when <see cref="CrisisDetectionOptions.CheckConversationRisk"/> is on), <see cref="PromptInjectionDetector.Default"/> as <see cref="IPromptInjectionDetector"/>,
    /// an <see cref="OutputSafetyDetector"/> (with the <see cref="OutputSafetyDetectorOptions"/> configured in the services)
    /// as <see cref="IOutputSafetyDetector"/> and the <see cref="IScopeClassifier"/> (a <see cref="SimilarityScopeClassifier"/>
    /// of <see cref="NonprofitGuardsOptions.ScopeOptions"/>). Then build the pipeline with <c>UseNonprofitGuards()</c>;
    /// register <see cref="IGuardObserver"/>s to observe every verdict.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the guards.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="OptionsValidationException">At start or first use, when an option is invalid.</exception>
    public static IServiceCollection AddNonprofitGuards(this IServiceCollection services, Action<NonprofitGuardsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddNonprofitPrivacy();
        var options = services.AddOptions<NonprofitGuardsOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NonprofitGuardsOptions>, NonprofitGuardsOptionsValidator>());
        // The output-safety options are read from DI too (by UseOutputSafety's default and the IOutputSafetyDetector below):
        // validated on start as well, not first at the first request.
        services.AddOptions<OutputSafetyOptions>().ValidateOnStart();
        services.AddOptions<OutputSafetyDetectorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutputSafetyOptions>, OutputSafetyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutputSafetyDetectorOptions>, OutputSafetyDetectorOptionsValidator>());
        services.TryAddSingleton<ConversationRateLimitState>(); // shared by every pipeline built from these services
        services.TryAddSingleton<ILanguageIdentifier>(_ => LanguageIdentifier.Default);
        services.TryAddSingleton<ICrisisDetector>(CrisisDetector.Instance);
        services.TryAddSingleton<IConversationRiskAssessor>(_ => ConversationRiskAssessor.Default);
        services.TryAddSingleton<IPromptInjectionDetector>(_ => PromptInjectionDetector.Default);
        services.TryAddSingleton<IOutputSafetyDetector>(sp => new OutputSafetyDetector(
            sp.GetService<IOptions<OutputSafetyDetectorOptions>>()?.Value, sp.GetService<Nonprofit.Privacy.PiiDetector>()));
        services.TryAddSingleton<IGuardAuditSink>(sp => new LoggerGuardAuditSink(
            (sp.GetService<ILoggerFactory>() ?? Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<LoggerGuardAuditSink>()));
        services.TryAddSingleton<IScopeClassifier>(sp =>
            sp.GetRequiredService<IOptions<NonprofitGuardsOptions>>().Value.ScopeOptions is { } scope
                ? new SimilarityScopeClassifier(scope)
                : UnconfiguredScopeClassifier.Instance);
        return services;
    }
}
