using System.Xml.Linq;
using Nonprofit.Impact.Catalog;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Impact.Tests.Iati;

public class IatiSdgTagTests
{
    [Theory]
    [InlineData("5.2.1", "5", "5.2")]
    [InlineData("5.a.1", "5", "5.a")]
    [InlineData("16.1.3", "16", "16.1")]
    [InlineData("5.2", "5", "5.2")]
    [InlineData("5", "5", null)]
    [InlineData("99.1.1", null, null)]
    public void ResolveSdg_FindsGoalAndTarget(string code, string? goal, string? target)
    {
        Assert.Equal((goal, target), IatiExporter.ResolveSdg(code));
    }

    [Fact]
    public void EveryCatalogIndicator_ResolvesToCodesOfTheIatiSdgTagCodelists()
    {
        var codelists = Path.Combine(IatiFixtures.StandardsFolder, "codelists", "non-embedded");
        var goals = Codes(Path.Combine(codelists, "UNSDG-Goals.xml"));
        var targets = Codes(Path.Combine(codelists, "UNSDG-Targets.xml"));

        Assert.NotEmpty(SdgCatalog.Default.Indicators);
        foreach (var indicator in SdgCatalog.Default.Indicators)
        {
            var (goal, target) = IatiExporter.ResolveSdg(indicator.Code);
            Assert.Contains(goal!, goals);
            Assert.Contains(target!, targets);
        }
    }

    private static HashSet<string> Codes(string path) =>
        XDocument.Load(path).Descendants("codelist-item").Select(i => i.Element("code")!.Value.Trim()).ToHashSet(StringComparer.Ordinal);
}
