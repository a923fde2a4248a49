using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nonprofit.Governance.Records;
using Nonprofit.Impact;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Options of <c>services.AddNonprofitGovernance(...)</c>.</summary>
public sealed class GovernanceOptions
{
    /// <summary>Gets or sets the SQLite database of the decision log (use the impact store's file to keep both together).</summary>
    public string? StorePath { get; set; }
}

/// <summary>Registers Nonprofit.Governance in a service collection.</summary>
public static class GovernanceServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="DecisionLog"/> on <see cref="GovernanceOptions.StorePath"/>, using the registered
    /// <see cref="TimeProvider"/> (the system clock when none is). Options are validated on start.
    /// The solver (<see cref="Nonprofit.Governance.Allocation.AllocationSolver"/>), the explainer and the fairness audit are static and need no registration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the store path.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="OptionsValidationException">At start or first use, when the store path is missing.</exception>
    public static IServiceCollection AddNonprofitGovernance(this IServiceCollection services, Action<GovernanceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GovernanceOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.StorePath), "GovernanceOptions.StorePath must name the decision log's database file.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DecisionLog(
            new SqliteImpactStoreOptions { Path = sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.StorePath },
            sp.GetService<TimeProvider>()));
        return services;
    }
}
