using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nonprofit.Privacy.Tests.DependencyInjection;

public sealed class PrivacyServiceCollectionExtensionsTests
{
    [Fact]
    public void AddNonprofitPrivacy_ResolvesDetectorRedactorAndVaultAsSingletons()
    {
        using var provider = new ServiceCollection().AddNonprofitPrivacy().BuildServiceProvider(validateScopes: true);

        var detector = provider.GetRequiredService<PiiDetector>();
        var redactor = provider.GetRequiredService<PiiRedactor>();
        var vault = provider.GetRequiredService<IPseudonymVault>();

        Assert.Same(detector, provider.GetRequiredService<PiiDetector>());
        Assert.Same(redactor, provider.GetRequiredService<PiiRedactor>());
        Assert.Same(vault, provider.GetRequiredService<IPseudonymVault>());
        Assert.Same(detector, redactor.Detector);
        Assert.Same(vault, redactor.Vault);
        Assert.IsType<InMemoryPseudonymVault>(vault);
        Assert.Equal("call me at <PHONE_NUMBER>", redactor.Redact("call me at +254 712 345 678"));
    }

    [Fact]
    public void AddNonprofitPrivacy_Twice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddNonprofitPrivacy().AddNonprofitPrivacy();

        Assert.Single(services, d => d.ServiceType == typeof(PiiDetector));
        Assert.Single(services, d => d.ServiceType == typeof(PiiRedactor));
        Assert.Single(services, d => d.ServiceType == typeof(IPseudonymVault));
        Assert.All(services.Where(d => d.ServiceType == typeof(PiiDetector) || d.ServiceType == typeof(PiiRedactor)), d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void AddNonprofitPrivacy_VaultRegisteredFirst_IsKept()
    {
        var vault = new InMemoryPseudonymVault();
        var services = new ServiceCollection().AddSingleton<IPseudonymVault>(vault).AddNonprofitPrivacy();
        using var provider = services.BuildServiceProvider();

        Assert.Same(vault, provider.GetRequiredService<PiiRedactor>().Vault);
    }

    [Fact]
    public void AddNonprofitPrivacy_ConfigureDelegates_AreApplied()
    {
        using var provider = new ServiceCollection()
            .AddNonprofitPrivacy(d => d.ExcludedTypes.Add("EMAIL_ADDRESS"), r => r.DefaultOperator = RedactionOperator.Mask())
            .BuildServiceProvider();

        var redacted = provider.GetRequiredService<PiiRedactor>().Redact("call +254 712 345 678 or jane@example.org");

        Assert.Equal("call +*** *** *** *** or jane@example.org", redacted);
        Assert.Contains("EMAIL_ADDRESS", provider.GetRequiredService<IOptions<PiiDetectorOptions>>().Value.ExcludedTypes);
    }

    [Fact]
    public void AddNonprofitPrivacy_RecognizerInContainer_RunsAfterBuiltIns()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IPiiRecognizer, CaseNumberRecognizer>()
            .AddNonprofitPrivacy()
            .BuildServiceProvider();

        var detector = provider.GetRequiredService<PiiDetector>();
        var match = Assert.Single(detector.Detect("see CASE-0042 today"));

        Assert.IsType<CaseNumberRecognizer>(detector.Recognizers[^1]);
        Assert.Equal(("CASE_NUMBER", 4, 13), (match.Type.Name, match.Start, match.End));
    }

    [Fact]
    public void AddNonprofitPrivacy_InvalidThreshold_FailsOptionsValidation()
    {
        using var provider = new ServiceCollection().AddNonprofitPrivacy(o => o.DefaultThreshold = 5).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PiiDetectorOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("DefaultThreshold", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PiiDetector>());
    }

    [Fact]
    public void AddNonprofitPrivacy_InvalidRegion_FailsOptionsValidation()
    {
        using var provider = new ServiceCollection().AddNonprofitPrivacy(o => o.DefaultRegions.Add("XX")).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PiiDetectorOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("'XX'", StringComparison.Ordinal));
    }

    [Fact]
    public void AddNonprofitPrivacy_InvalidOptions_FailStartupValidation()
    {
        // IStartupValidator is what a host runs on start for ValidateOnStart.
        using var provider = new ServiceCollection().AddNonprofitPrivacy(o => o.DefaultThreshold = 5).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(ex.Failures, f => f.Contains("DefaultThreshold", StringComparison.Ordinal));
    }

    [Fact]
    public void AddNonprofitPrivacy_ValidOptions_PassStartupValidation()
    {
        using var provider = new ServiceCollection().AddNonprofitPrivacy().BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(0.5, provider.GetRequiredService<IOptions<PiiDetectorOptions>>().Value.DefaultThreshold);
    }

    [Fact]
    public void AddNonprofitPrivacy_ShortHashKey_FailsOptionsValidation()
    {
        using var provider = new ServiceCollection()
            .AddNonprofitPrivacy(configureRedactor: o => o.HashKey = new byte[16])
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PiiRedactorOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("HashKey", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddNonprofitPrivacy_ConfigurationSection_BindsDetectorOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Privacy:DefaultThreshold"] = "0.9",
                ["Privacy:ContextWindow"] = "10",
            })
            .Build();
        using var provider = new ServiceCollection().AddNonprofitPrivacy(configuration.GetSection("Privacy")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PiiDetectorOptions>>().Value;

        Assert.Equal(0.9, options.DefaultThreshold);
        Assert.Equal(10, options.ContextWindow);
        Assert.Empty(provider.GetRequiredService<PiiDetector>().Detect("reach me 0712 345 678 today")); // 0.8 < 0.9
    }

    [Fact]
    public void AddNonprofitPrivacy_InvalidConfigurationValue_FailsOptionsValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Privacy:ContextBoost"] = "7" })
            .Build();
        using var provider = new ServiceCollection().AddNonprofitPrivacy(configuration.GetSection("Privacy")).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PiiDetectorOptions>>().Value);
    }

    private sealed class CaseNumberRecognizer : IPiiRecognizer
    {
        private static readonly PiiEntityType s_type = new("CASE_NUMBER");

        public string Name => "case-number";

        public IReadOnlyCollection<PiiEntityType> SupportedTypes => [s_type];

        public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
        {
            var i = text.IndexOf("CASE-", StringComparison.Ordinal);
            if (i >= 0 && i + 9 <= text.Length)
            {
                results.Add(new PiiMatch(s_type, i, 9, 0.9, Name));
            }
        }
    }
}
