namespace Nonprofit.Impact;

/// <summary>Options of <c>services.AddNonprofitImpact(...)</c>.</summary>
public sealed class ImpactOptions
{
    /// <summary>Gets or sets the results framework JSON file to load at start. Set this or <see cref="Framework"/>.</summary>
    public string? FrameworkPath { get; set; }

    /// <summary>Gets or sets the results framework, when it is built in code. Set this or <see cref="FrameworkPath"/>.</summary>
    public ResultsFramework? Framework { get; set; }

    /// <summary>Gets or sets the SQLite database of the measurement store; when <see langword="null"/>, no <see cref="IImpactStore"/> is registered.</summary>
    public string? StorePath { get; set; }
}
