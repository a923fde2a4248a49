using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nonprofit.Monitoring;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Nonprofit.Monitoring in a service collection.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="CtgPreprocessor"/> configured by <paramref name="configure"/>, and a singleton
    /// <see cref="CtgMonitorFactory"/> (configure its <see cref="CtgMonitorOptions"/> with
    /// <c>services.Configure&lt;CtgMonitorOptions&gt;(...)</c>; it uses the registered <see cref="TimeProvider"/>,
    /// logger factory and <see cref="IMeterFactory"/> when there are any). Every option is validated on start.
    /// Also adds a singleton <see cref="DopplerHeartRateEstimator"/> (options through
    /// <c>services.Configure&lt;DopplerHeartRateOptions&gt;(...)</c>).
    /// </summary>
    /// <remarks>Also adds a singleton <see cref="FalseSignalDetector"/>; configure it with <c>services.Configure&lt;FalseSignalDetectorOptions&gt;(...)</c> (validated on start). Also adds singleton <see cref="VariabilityAnalyzer"/>, <see cref="ShortTermVariationAnalyzer"/> and <see cref="DawesRedmanAnalyzer"/>, configured with <c>services.Configure&lt;VariabilityOptions&gt;(...)</c>, <c>Configure&lt;ShortTermVariationOptions&gt;</c> and <c>Configure&lt;DawesRedmanOptions&gt;</c> and validated on start.</remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the preprocessing defaults, or <see langword="null"/> to keep them.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="OptionsValidationException">At start or first use, when an option is out of range; the message names it.</exception>
    public static IServiceCollection AddNonprofitMonitoring(this IServiceCollection services, Action<CtgPreprocessorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<CtgPreprocessorOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<CtgPreprocessorOptions>, CtgPreprocessorOptionsValidator>();
        services.TryAddSingleton(sp => new CtgPreprocessor(sp.GetRequiredService<IOptions<CtgPreprocessorOptions>>().Value));

        services.AddOptions<CtgMonitorOptions>().ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<CtgMonitorOptions>, CtgMonitorOptionsValidator>();
        services.TryAddSingleton(sp => new CtgMonitorFactory(
            sp.GetRequiredService<IOptions<CtgMonitorOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<CtgMonitor>>(),
            sp.GetService<IMeterFactory>()));
        AddCtgAnalyzer(services, null);

        // False-signal detection: configure with services.Configure<FalseSignalDetectorOptions>(...).
        services.AddOptions<FalseSignalDetectorOptions>().ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<FalseSignalDetectorOptions>, FalseSignalDetectorOptionsValidator>();
        services.TryAddSingleton(sp => new FalseSignalDetector(sp.GetRequiredService<IOptions<FalseSignalDetectorOptions>>().Value));

        // Doppler audio to heart rate; configure with services.Configure<DopplerHeartRateOptions>(...).
        services.AddOptions<DopplerHeartRateOptions>().ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<DopplerHeartRateOptions>, DopplerHeartRateOptionsValidator>();
        services.TryAddSingleton(sp => new DopplerHeartRateEstimator(sp.GetRequiredService<IOptions<DopplerHeartRateOptions>>().Value));

        ClassificationServices.Add(services);
        return services;
    }

    /// <summary>
    /// Adds a singleton <see cref="CtgPreprocessor"/> and a singleton <see cref="CtgAnalyzer"/> (on that preprocessor),
    /// configured by <paramref name="configurePreprocessing"/> and <paramref name="configureAnalysis"/>; both options are validated on start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configurePreprocessing">Changes the preprocessing defaults, or <see langword="null"/> to keep them.</param>
    /// <param name="configureAnalysis">Changes the analysis defaults, or <see langword="null"/> to keep them.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="OptionsValidationException">At start or first use, when an option is out of range; the message names it.</exception>
    public static IServiceCollection AddNonprofitMonitoring(this IServiceCollection services, Action<CtgPreprocessorOptions>? configurePreprocessing, Action<CtgAnalyzerOptions>? configureAnalysis)
    {
        AddNonprofitMonitoring(services, configurePreprocessing);
        AddCtgAnalyzer(services, configureAnalysis);
        return services;
    }

    private static void AddCtgAnalyzer(IServiceCollection services, Action<CtgAnalyzerOptions>? configure)
    {
        var builder = services.AddOptions<CtgAnalyzerOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<CtgAnalyzerOptions>, CtgAnalyzerOptionsValidator>();
        services.TryAddSingleton(sp => new CtgAnalyzer(sp.GetRequiredService<IOptions<CtgAnalyzerOptions>>().Value, sp.GetRequiredService<CtgPreprocessor>()));
    }
}
