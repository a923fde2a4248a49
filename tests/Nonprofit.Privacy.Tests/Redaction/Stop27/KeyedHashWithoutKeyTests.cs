using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nonprofit.Privacy.Compliance;

namespace Nonprofit.Privacy.Tests.Redaction.Stop27;

/// <summary>Finding 5 (stop 27): KeyedHash without a key fails at start, and logging never drops a record.</summary>
public sealed class KeyedHashWithoutKeyTests
{
    [Fact]
    public void Constructor_KeyedHashDefaultWithoutKey_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new PiiRedactor(
            new PiiDetector(), new PiiRedactorOptions { DefaultOperator = RedactionOperator.KeyedHash }, new InMemoryPseudonymVault()));

    [Fact]
    public void Constructor_KeyedHashForOneTypeWithoutKey_ThrowsArgumentException()
    {
        var options = new PiiRedactorOptions();
        options.Operators["EMAIL_ADDRESS"] = RedactionOperator.KeyedHash;

        Assert.Throws<ArgumentException>(() => new PiiRedactor(new PiiDetector(), options, new InMemoryPseudonymVault()));
    }

    [Fact]
    public void Constructor_NullOperatorForAType_ThrowsArgumentException()
    {
        var options = new PiiRedactorOptions();
        options.Operators["EMAIL_ADDRESS"] = null!;

        Assert.Throws<ArgumentException>(() => new PiiRedactor(new PiiDetector(), options, new InMemoryPseudonymVault()));
    }

    [Fact]
    public void Constructor_KeyedHashWithKey_IsAccepted()
    {
        var options = new PiiRedactorOptions { HashKey = new byte[32] };
        options.Operators["EMAIL_ADDRESS"] = RedactionOperator.KeyedHash;

        Assert.StartsWith("mail <EMAIL_ADDRESS:", new PiiRedactor(new PiiDetector(), options, new InMemoryPseudonymVault()).Redact("mail a.b@example.org"), StringComparison.Ordinal);
    }

    [Fact]
    public void AddNonprofitPrivacy_KeyedHashWithoutKey_FailsOptionsValidation()
    {
        using var provider = new ServiceCollection()
            .AddNonprofitPrivacy(configureRedactor: o => o.Operators["EMAIL_ADDRESS"] = RedactionOperator.KeyedHash)
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PiiRedactorOptions>>().Value);
    }

    private sealed class BrokenVault : IPseudonymVault
    {
        public string GetOrAddPseudonym(string scope, PiiEntityType type, string value) => throw new TimeoutException("vault unavailable");

        public bool TryReveal(string scope, string pseudonym, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        public void ClearScope(string scope)
        {
        }
    }

    [Fact]
    public void FreeTextRedactor_OperatorThatThrows_RedactsTheWholeValueInsteadOfDroppingTheRecord()
    {
        var redactor = new FreeTextRedactor(new PiiRedactor(
            new PiiDetector(), new PiiRedactorOptions { DefaultOperator = RedactionOperator.Pseudonym }, new BrokenVault()));
        const string Value = "mail someone@example.org today";

        var length = redactor.GetRedactedLength(Value);
        var destination = new char[length];
        var written = redactor.Redact(Value, destination);

        var logged = new string(destination, 0, written);
        Assert.DoesNotContain("someone@example.org", logged, StringComparison.Ordinal);
        Assert.NotEmpty(logged);
    }
}
