using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nonprofit.AI.Guards.Tests.Composition;

/// <summary>Session 26, review finding 14: the output-safety options AddNonprofitGuards reads are validated on start.</summary>
public sealed class GuardOptionsStartValidationTests
{
    [Theory]
    [InlineData("output", "MaxHoldBackChars")]
    [InlineData("detector", "HateThreshold")]
    public void StartupValidation_BadOutputSafetyOptions_FailsAtStart(string which, string expected)
    {
        var collection = new ServiceCollection().AddNonprofitGuards();
        _ = which == "output"
            ? collection.Configure<OutputSafetyOptions>(o => o.MaxHoldBackChars = 0)
            : collection.Configure<OutputSafetyDetectorOptions>(o => o.HateThreshold = 0);
        using var services = collection.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_Defaults_Pass()
    {
        using var services = new ServiceCollection().AddNonprofitGuards().BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(400, services.GetRequiredService<IOptions<OutputSafetyOptions>>().Value.MaxHoldBackChars);
    }
}
