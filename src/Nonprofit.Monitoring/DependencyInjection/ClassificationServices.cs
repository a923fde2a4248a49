using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring;

/// <summary>Registers the variability, STV/LTV and Dawes-Redman analyzers, each from its options (configure them with <c>services.Configure&lt;VariabilityOptions&gt;(...)</c> etc.), validated on start.</summary>
internal static class ClassificationServices
{
    public static void Add(IServiceCollection services)
    {
        AddOptions<VariabilityOptions>(services, o => o.Validate());
        AddOptions<ShortTermVariationOptions>(services, o => o.Validate());
        AddOptions<DawesRedmanOptions>(services, o => o.Validate());
        services.TryAddSingleton(sp => new VariabilityAnalyzer(sp.GetRequiredService<IOptions<VariabilityOptions>>().Value));
        services.TryAddSingleton(sp => new ShortTermVariationAnalyzer(sp.GetRequiredService<IOptions<ShortTermVariationOptions>>().Value));
        services.TryAddSingleton(sp => new DawesRedmanAnalyzer(
            sp.GetRequiredService<IOptions<DawesRedmanOptions>>().Value,
            sp.GetRequiredService<IOptions<ShortTermVariationOptions>>().Value));
    }

    private static void AddOptions<T>(IServiceCollection services, Func<T, string?> validate)
        where T : class
    {
        services.AddOptions<T>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new Validator<T>(validate)));
    }

    /// <summary>Fails with the options' own message, which names the option.</summary>
    private sealed class Validator<T>(Func<T, string?> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            validate(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
