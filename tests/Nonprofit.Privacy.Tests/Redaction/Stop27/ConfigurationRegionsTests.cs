using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 14 (stop 27): a configuration section's DefaultRegions replaces the default list.</summary>
public sealed class ConfigurationRegionsTests
{
    private static PiiDetectorOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddNonprofitPrivacy(configuration.GetSection("Privacy")).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PiiDetectorOptions>>().Value;
    }

    [Fact]
    public void AddNonprofitPrivacy_SectionWithDefaultRegions_ReplacesTheDefaults()
    {
        var options = Bind(new() { ["Privacy:DefaultRegions:0"] = "KE", ["Privacy:DefaultRegions:1"] = "TZ" });

        Assert.Equal(["KE", "TZ"], options.DefaultRegions);
    }

    [Fact]
    public void AddNonprofitPrivacy_SectionWithoutDefaultRegions_KeepsTheDefaults()
    {
        var options = Bind(new() { ["Privacy:ContextWindow"] = "10" });

        Assert.Equal(new PiiDetectorOptions().DefaultRegions, options.DefaultRegions);
    }
}
