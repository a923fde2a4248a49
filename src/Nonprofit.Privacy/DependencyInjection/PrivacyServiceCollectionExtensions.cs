using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nonprofit.Privacy;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Nonprofit.Privacy in a service collection.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="PiiDetector"/>, <see cref="PiiRedactor"/> and <see cref="InMemoryPseudonymVault"/>
    /// (unless another <see cref="IPseudonymVault"/> is registered first), with options validated on start.
    /// Recognizers registered as <see cref="IPiiRecognizer"/> run after the built-in ones.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configureDetector">Configures detection.</param>
    /// <param name="configureRedactor">Configures operators and the hash key.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="OptionsValidationException">At start or first use, when an option is invalid.</exception>
    public static IServiceCollection AddNonprofitPrivacy(
        this IServiceCollection services,
        Action<PiiDetectorOptions>? configureDetector = null,
        Action<PiiRedactorOptions>? configureRedactor = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var detector = services.AddOptions<PiiDetectorOptions>().ValidateOnStart();
        if (configureDetector is not null)
        {
            detector.Configure(configureDetector);
        }

        var redactor = services.AddOptions<PiiRedactorOptions>().ValidateOnStart();
        if (configureRedactor is not null)
        {
            redactor.Configure(configureRedactor);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PiiDetectorOptions>, PiiDetectorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PiiRedactorOptions>, PiiRedactorOptionsValidator>());
        services.TryAddSingleton<IPseudonymVault, InMemoryPseudonymVault>();
        services.TryAddSingleton<PiiDetector>();
        services.TryAddSingleton<PiiRedactor>();
        return services;
    }

    /// <summary>Adds Nonprofit.Privacy with detector options bound from <paramref name="detectorSection"/>.</summary>
    /// <remarks>
    /// A <c>DefaultRegions</c> array in the section replaces the default regions (in its order), for example
    /// <c>"DefaultRegions": ["KE", "TZ"]</c>; other collections (<c>DenyList</c>, <c>AllowList</c>, <c>Thresholds</c>,
    /// <c>ExcludedTypes</c>) are added to.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="detectorSection">A configuration section with <see cref="PiiDetectorOptions"/> values.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddNonprofitPrivacy(this IServiceCollection services, IConfigurationSection detectorSection)
    {
        ArgumentNullException.ThrowIfNull(detectorSection);
        services.AddNonprofitPrivacy();
        services.Configure<PiiDetectorOptions>(detectorSection);

        // The binder appends to a collection that already has items; a configured region list replaces the defaults.
        var regions = detectorSection.GetSection(nameof(PiiDetectorOptions.DefaultRegions));
        services.Configure<PiiDetectorOptions>(options =>
        {
            if (regions.Exists())
            {
                options.DefaultRegions.Clear();
                foreach (var child in regions.GetChildren())
                {
                    options.DefaultRegions.Add(child.Value ?? string.Empty);
                }
            }
        });
        return services;
    }
}
