using System;
using System.Diagnostics.Metrics;
using System.IO;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nonprofit.Impact;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Nonprofit.Impact in a service collection.</summary>
public static class ImpactServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="ResultsFramework"/> (loaded and validated at start), a singleton <see cref="ImpactRecorder"/>
    /// for its indicators (using the registered <see cref="TimeProvider"/> and <see cref="IMeterFactory"/> when there are
    /// any) and, when <see cref="ImpactOptions.StorePath"/> is set, a <see cref="SqliteImpactStore"/> as <see cref="IImpactStore"/>.
    /// Options are validated on start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the framework (file or object) and the store.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="OptionsValidationException">At start or first use, when an option is invalid.</exception>
    /// <exception cref="FrameworkValidationException">At first use, when the framework is invalid; the errors name their paths.</exception>
    public static IServiceCollection AddNonprofitImpact(this IServiceCollection services, Action<ImpactOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ImpactOptions>()
            .Configure(configure)
            .Validate(
                o => (o.FrameworkPath is null) != (o.Framework is null),
                "Set exactly one of ImpactOptions.FrameworkPath and ImpactOptions.Framework.")
            .Validate(
                o => o.FrameworkPath is null || File.Exists(o.FrameworkPath),
                "ImpactOptions.FrameworkPath names a file that does not exist.")
            .Validate(
                o => o.StorePath is null || o.StorePath.Trim().Length > 0,
                "ImpactOptions.StorePath must not be empty; leave it null for no store.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ImpactOptions>>().Value;
            var framework = options.Framework ?? ResultsFrameworkJson.Parse(File.ReadAllText(options.FrameworkPath!));
            framework.EnsureValid();
            return framework;
        });
        services.TryAddSingleton(sp => new ImpactRecorder(
            sp.GetRequiredService<ResultsFramework>().EnumerateIndicators(),
            sp.GetService<TimeProvider>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IImpactStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ImpactOptions>>().Value;
            if (options.StorePath is null)
            {
                throw new InvalidOperationException("No measurement store is configured: set ImpactOptions.StorePath in AddNonprofitImpact.");
            }

            return new SqliteImpactStore(new SqliteImpactStoreOptions { Path = options.StorePath }, sp.GetService<ILogger<SqliteImpactStore>>());
        });
        return services;
    }
}
