using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Nonprofit.Privacy.Compliance;

namespace Nonprofit.Privacy.Tests.Compliance;

public sealed class FreeTextRedactorTests
{
    private static ServiceProvider BuildProvider() =>
        new ServiceCollection()
            .AddNonprofitPrivacy()
            .AddRedaction(b => b.SetRedactor<FreeTextRedactor>(NonprofitTaxonomy.FreeText))
            .BuildServiceProvider();

    [Fact]
    public void GetRedactor_FreeText_RedactsPhoneInsideTheText()
    {
        using var provider = BuildProvider();

        var redactor = provider.GetRequiredService<IRedactorProvider>().GetRedactor(NonprofitTaxonomy.FreeText);
        var redacted = redactor.Redact("call me at +254 712 345 678");

        Assert.IsType<FreeTextRedactor>(redactor);
        Assert.Equal("call me at <PHONE_NUMBER>", redacted);
        Assert.DoesNotContain("712", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void GetRedactor_OtherClassification_IsNotTheFreeTextRedactor()
    {
        using var provider = BuildProvider();

        var redactor = provider.GetRequiredService<IRedactorProvider>().GetRedactor(NonprofitTaxonomy.Personal);

        Assert.IsNotType<FreeTextRedactor>(redactor);
    }

    [Fact]
    public void Redact_IntoSpan_WritesRedactedLengthCharacters()
    {
        var redactor = new FreeTextRedactor(new PiiRedactor(new PiiDetector()));
        const string Source = "write to jane@example.org now";
        var length = redactor.GetRedactedLength(Source);
        var destination = new char[length + 5];

        var written = redactor.Redact(Source, destination);

        Assert.Equal("write to <EMAIL_ADDRESS> now".Length, length);
        Assert.Equal(length, written);
        Assert.Equal("write to <EMAIL_ADDRESS> now", new string(destination, 0, written));
    }

    [Fact]
    public void Redact_DestinationTooShort_ThrowsArgumentExceptionWithoutTheText()
    {
        var redactor = new FreeTextRedactor(new PiiRedactor(new PiiDetector()));

        var ex = Assert.Throws<ArgumentException>(() => redactor.Redact("call me at +254 712 345 678", new char[5]));

        Assert.Equal("destination", ex.ParamName);
        Assert.DoesNotContain("712", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_CleanText_IsUnchanged()
    {
        var redactor = new FreeTextRedactor(new PiiRedactor(new PiiDetector()));

        Assert.Equal("the clinic opens at nine", redactor.Redact("the clinic opens at nine"));
    }

    [Fact]
    public void Attributes_CarryTheNonprofitClassifications()
    {
        Assert.Equal(NonprofitTaxonomy.FreeText, new FreeTextDataAttribute().Classification);
        Assert.Equal(NonprofitTaxonomy.Personal, new PersonalDataAttribute().Classification);
        Assert.Equal(NonprofitTaxonomy.Health, new HealthDataAttribute().Classification);
        Assert.Equal(NonprofitTaxonomy.Violence, new ViolenceDataAttribute().Classification);
        Assert.Equal(NonprofitTaxonomy.Location, new LocationDataAttribute().Classification);
        Assert.Equal(new DataClassification("Nonprofit", "FreeText"), NonprofitTaxonomy.FreeText);
        Assert.Equal(5, new[] { NonprofitTaxonomy.Personal, NonprofitTaxonomy.FreeText, NonprofitTaxonomy.Health, NonprofitTaxonomy.Violence, NonprofitTaxonomy.Location }.Distinct().Count());
    }
}
