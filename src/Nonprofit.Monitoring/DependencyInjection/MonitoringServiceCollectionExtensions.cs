using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nonprofit.Monitoring;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Nonprofit.Monitoring in a service collection.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="CtgPreprocessor"/> configured by <paramref name="configure"/> and a singleton
    /// <see cref="DopplerHeartRateEstimator"/> (options through <c>services.Configure&lt;DopplerHeartRateOptions&gt;(...)</c>); all
    /// options are validated on start.
    /// </summary>
    /// <remarks>Also adds singleton <see cref="VariabilityAnalyzer"/>, <see cref="ShortTermVariationAnalyzer"/> and <see cref="DawesRedmanAnalyzer"/>, configured with <c>services.Configure&lt;VariabilityOptions&gt;(...)</c>, <c>Configure&lt;ShortTermVariationOptions&gt;</c> and <c>Configure&lt;DawesRedmanOptions&gt;</c> and validated on start.</remarks>
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

        // Doppler audio to heart rate; configure with services.Configure<DopplerHeartRateOptions>(...).
        services.AddOptions<DopplerHeartRateOptions>().ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<DopplerHeartRateOptions>, DopplerHeartRateOptionsValidator>();
        services.TryAddSingleton(sp => new DopplerHeartRateEstimator(sp.GetRequiredService<IOptions<DopplerHeartRateOptions>>().Value));
        ClassificationServices.Add(services);
        return services;
    }
}
