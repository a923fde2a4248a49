using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring.Tests.Classification;

public sealed class ClassificationServicesTests
{
    [Fact]
    public void AddNonprofitMonitoring_RegistersTheAnalyzersAsSingletons()
    {
        using var provider = new ServiceCollection().AddNonprofitMonitoring().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<VariabilityAnalyzer>(), provider.GetRequiredService<VariabilityAnalyzer>());
        Assert.NotNull(provider.GetRequiredService<ShortTermVariationAnalyzer>());
        Assert.NotNull(provider.GetRequiredService<DawesRedmanAnalyzer>());
    }

    [Fact]
    public void AddNonprofitMonitoring_ConfiguredOptions_AreUsed()
    {
        var services = new ServiceCollection().AddNonprofitMonitoring();
        services.Configure<VariabilityOptions>(o => o.ReducedBelowBpm = 8);
        using var provider = services.BuildServiceProvider();
        var fhr = FhrSignals.Constant(2, 140);
        FhrSignals.Square(fhr, 0, 2, 140, 6);

        var result = provider.GetRequiredService<VariabilityAnalyzer>().Analyze(fhr, FhrSignals.Baseline(fhr.Length, 140), FhrSignals.Mask(fhr.Length), 4);

        Assert.Equal(2, result.ReducedMinutes);
    }

    [Fact]
    public void AddNonprofitMonitoring_InvalidOptions_FailWithTheOptionNamed()
    {
        var services = new ServiceCollection().AddNonprofitMonitoring();
        services.Configure<DawesRedmanOptions>(o => o.StepMinutes = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DawesRedmanAnalyzer>());
        Assert.Contains("StepMinutes", error.Message, StringComparison.Ordinal);
    }
}
