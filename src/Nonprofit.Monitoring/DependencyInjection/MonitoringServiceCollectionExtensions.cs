using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nonprofit.Monitoring;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Nonprofit.Monitoring in a service collection.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>Adds a singleton <see cref="CtgPreprocessor"/> configured by <paramref name="configure"/>; the options are validated on start.</summary>
    /// <remarks>Also adds a singleton <see cref="FalseSignalDetector"/>; configure it with <c>services.Configure&lt;FalseSignalDetectorOptions&gt;(...)</c> (validated on start).</remarks>
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

        // False-signal detection: configure with services.Configure<FalseSignalDetectorOptions>(...).
        services.AddOptions<FalseSignalDetectorOptions>().ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<FalseSignalDetectorOptions>, FalseSignalDetectorOptionsValidator>();
        services.TryAddSingleton(sp => new FalseSignalDetector(sp.GetRequiredService<IOptions<FalseSignalDetectorOptions>>().Value));
        return services;
    }
}
