using Nonprofit.Impact.Catalog;

namespace Nonprofit.Impact.Tests.Schema;

public class CatalogTests
{
    [Fact]
    public void Sdg_HasEveryGoalTargetAndIndicator()
    {
        var sdg = SdgCatalog.Default;
        Assert.Equal(17, sdg.Goals.Count);
        Assert.Equal(169, sdg.Targets.Count);
        Assert.InRange(sdg.Indicators.Count, 240, 260);
        Assert.Equal("End poverty in all its forms everywhere", sdg.FindGoal(1)!.Title);
        Assert.Equal("1.a", sdg.FindTarget("1.a")!.Code);
        var violence = sdg.FindIndicator("5.2.1")!;
        Assert.Equal("5.2", violence.Target);
        Assert.Contains("violence", violence.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(violence.UnsdCodes);
        Assert.StartsWith("C", violence.UnsdCodes[0], StringComparison.Ordinal);
        Assert.True(sdg.Contains("17"));
        Assert.False(sdg.Contains("18"));
        Assert.False(sdg.Contains("5.2.9"));
    }

    [Fact]
    public void Sdg_SearchFindsByWords()
    {
        var hits = SdgCatalog.Default.Search("violence partner");
        Assert.Contains(hits, i => i.Code == "5.2.1");
        Assert.All(hits, i => Assert.Contains("partner", i.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void IatiCodelists_AreLoaded()
    {
        Assert.Equal(["1", "2", "3", "4", "5"], IatiCodelists.IndicatorMeasure.Items.Select(i => i.Code));
        Assert.Equal("Outcome", IatiCodelists.ResultType.Find("2")!.Name);
        Assert.Contains("Sustainable Development", IatiCodelists.IndicatorVocabulary.Find("9")!.Name, StringComparison.Ordinal);
        Assert.True(IatiCodelists.Country.Contains("KE"));
        Assert.True(IatiCodelists.Sector.Contains("15180"));
        Assert.True(IatiCodelists.Sector.Items.Count > 200);
    }

    [Fact]
    public void CodesOfTheEnums_MatchTheIatiCodelists()
    {
        foreach (var measure in Enum.GetValues<IndicatorMeasure>())
        {
            Assert.Equal(measure.ToString(), IatiCodelists.IndicatorMeasure.Find(((int)measure).ToString(System.Globalization.CultureInfo.InvariantCulture))!.Name);
        }

        foreach (var type in Enum.GetValues<ResultType>())
        {
            Assert.Equal(type.ToString(), IatiCodelists.ResultType.Find(((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture))!.Name);
        }
    }
}
