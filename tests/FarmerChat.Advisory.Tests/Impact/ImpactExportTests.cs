using System.Xml.Linq;
using FarmerChat.Advisory.Impact;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Tests.Shared;

namespace FarmerChat.Advisory.Tests.Impact;

public sealed class ImpactExportTests
{
    [Fact]
    public async Task ExportIati_AfterQuestionsAndAdoptions_ValidAgainstTheSharedXsdWithTheActuals()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var impact = new AdvisoryImpact(time);
        var farmerA = Guid.NewGuid().ToString();
        var farmerB = Guid.NewGuid().ToString();
        impact.Question(farmerA, "sw", "pests", answered: true, followUp: false);
        impact.Question(farmerA, "sw", "pests", answered: true, followUp: true);
        impact.Question(farmerB, "hi", null, answered: false, followUp: false);
        time.Advance(TimeSpan.FromDays(3));
        impact.Question(farmerB, "fr", "soil", answered: true, followUp: false);
        impact.PracticeAdopted("pests");

        using var xml = new MemoryStream();
        await impact.ExportIatiAsync(xml, CancellationToken.None);

        xml.Position = 0;
        Assert.Empty(IatiSchema.Validate(xml));
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml.ToArray()));
        string? November(string title) => doc.Descendants("indicator")
            .Single(i => i.Element("title")!.Value.StartsWith(title, StringComparison.Ordinal))
            .Elements("period").Single(p => p.Element("period-start")!.Attribute("iso-date")!.Value == "2026-11-01")
            .Elements("actual").First(a => !a.Elements("dimension").Any()).Attribute("value")?.Value;
        Assert.Equal("2", November("Farmers reached"));
        Assert.Equal("3", November("Questions answered"));
        Assert.Equal("75", November("Share of questions answered"));
        Assert.Equal("1", November("Suggested follow-up"));
        Assert.Equal("1", November("Practices reported adopted"));
        Assert.Contains(doc.Descendants("reference"), r => r.Attribute("vocabulary")?.Value == "9" && r.Attribute("code")?.Value == "2.4.1");
    }

    [Fact]
    public void Framework_IsValidAndHasNoPersonalDimensions()
    {
        var framework = AdvisoryIndicators.Framework(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        Assert.Empty(framework.Validate());
        Assert.All(framework.EnumerateIndicators(), i => Assert.Equal(12, i.Periods.Count));
        Assert.All(framework.EnumerateIndicators().SelectMany(i => i.Dimensions), d => Assert.True(d.Name is "language" or "topic", d.Name));
    }
}
