using System.Xml.Linq;
using System.Xml.XPath;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Impact.Tests.Iati;

/// <summary>The three IATI example files: import, export valid against the XSD, re-import equal, element counts kept.</summary>
public class IatiExampleRoundTripTests
{
    public const string Annotated = "iati-standard-example-annotated-2.03.xml";
    public const string GdiHub = "gdihub-GB-COH-11126312-results.xml";
    public const string WorldBank = "worldbank-44000-P175662-results.xml";

    private static readonly string[] s_countedElements = ["result", "indicator", "baseline", "period", "target", "actual", "dimension", "location"];

    [Theory]
    [InlineData(Annotated, 1, 1, 1)]
    [InlineData(GdiHub, 4, 4, 12)]
    [InlineData(WorldBank, 1, 14, 14)]
    public async Task Example_ImportsExportsValidAndRoundTrips(string fileName, int activities, int results, int indicators)
    {
        var original = await File.ReadAllBytesAsync(IatiFixtures.Example(fileName));
        var first = await IatiImporter.ReadFileAsync(IatiFixtures.Example(fileName));
        Assert.Empty(first.Validate());
        Assert.Equal(activities, first.Activities.Count);
        Assert.Equal(results, first.Results.Count);
        Assert.Equal(indicators, first.EnumerateIndicators().Count());

        var exported = await IatiFixtures.ExportAsync(first);
        Assert.Empty(IatiFixtures.Validate(exported));

        var second = await IatiFixtures.ImportAsync(exported);
        Assert.Equal(ResultsFrameworkJson.Serialize(first), ResultsFrameworkJson.Serialize(second));

        var source = IatiFixtures.Parse(original);
        var output = IatiFixtures.Parse(exported);
        foreach (var name in s_countedElements)
        {
            Assert.True(IatiFixtures.Count(source, name) == IatiFixtures.Count(output, name), $"{name}: {IatiFixtures.Count(source, name)} in the original, {IatiFixtures.Count(output, name)} exported");
        }

        // Location refs on baselines, targets and actuals are kept one for one; activity locations without @ref get a generated one.
        Assert.Equal(RefCount(source, "//result//location"), RefCount(output, "//result//location"));
        Assert.Equal(
            source.XPathSelectElements("/iati-activities/iati-activity/location").Count(),
            RefCount(output, "/iati-activities/iati-activity/location"));

        Assert.Equal("2.03", output.Root!.Attribute("version")!.Value);
        Assert.Equal("2024-05-06T07:08:09Z", output.Root.Attribute("generated-datetime")!.Value);
    }

    [Fact]
    public async Task Annotated_ImportsEveryResultFeature()
    {
        var framework = await IatiImporter.ReadFileAsync(IatiFixtures.Example(Annotated));

        var activity = Assert.Single(framework.Activities);
        Assert.Equal("AA-AAA-123456789-ABC123", activity.Identifier);
        Assert.Equal("en", activity.DefaultLanguage);
        Assert.Equal("USD", activity.DefaultCurrency);
        Assert.Equal("AA-AAA-123456789", activity.ReportingOrg.Ref);
        Assert.Equal("40", activity.ReportingOrg.Type);
        Assert.Equal(new Narrative("Nom de l'organisme", "fr"), activity.ReportingOrg.Name!.Narratives[1]);
        Assert.Equal(["Activity title", "Titre de l'activité", "Título de la actividad"], activity.Title!.Narratives.Select(n => n.Text));
        Assert.StartsWith("General activity description text.", activity.Description!.Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], activity.ParticipatingOrgs.Select(o => o.Role));
        Assert.Equal("2", activity.Status);
        Assert.Equal([("1", new DateOnly(2012, 4, 15)), ("2", new DateOnly(2012, 4, 28)), ("3", new DateOnly(2015, 12, 31))], activity.Dates.Select(d => (d.Type, d.Date)));
        Assert.Equal(["AF", "AG"], activity.RecipientCountries);
        var kandahar = activity.Locations[0];
        Assert.Equal(["AF-KAN", "KH-PNH"], activity.Locations.Select(l => l.Ref));
        Assert.Equal("Location name", kandahar.Name!.Text);
        Assert.Equal("1453782", kandahar.AdministrativeCode);
        Assert.Equal(31.616944, kandahar.Latitude);
        Assert.Equal(65.716944, kandahar.Longitude);

        var result = Assert.Single(framework.Results);
        Assert.Equal(activity.Identifier, result.Activity);
        Assert.Equal(ResultType.Output, result.Type);
        Assert.True(result.AggregationStatus);
        Assert.Equal("Result title", result.Title!.Text);
        Assert.Equal("Result description text", result.Description!.Text);
        var resultReference = Assert.Single(result.References);
        Assert.Equal(("99", "B1", "http://example.com/indicators.html"), (resultReference.Vocabulary, resultReference.Code, resultReference.VocabularyUri));

        var indicator = Assert.Single(result.Indicators);
        Assert.Equal("r1.i1", indicator.Id);
        Assert.Equal(IndicatorMeasure.Unit, indicator.Measure);
        Assert.Equal(IndicatorDirection.Increase, indicator.Direction);
        Assert.True(indicator.AggregationStatus);
        Assert.Equal("Indicator title", indicator.Name!.Text);
        Assert.Equal(["1:3429", "7:861", "99:B1"], indicator.References.Select(r => $"{r.Vocabulary}:{r.Code}"));
        Assert.Equal("http://example.com/indicators.html", indicator.References[2].IndicatorUri);
        Assert.Equal(["sex=female", "age=adult"], indicator.Dimensions.Select(d => $"{d.Name}={string.Join('|', d.AllowedValues)}"));

        var baseline = indicator.Baseline!;
        Assert.Equal((2012, new DateOnly(2012, 1, 1), "10"), (baseline.Year, baseline.IsoDate, baseline.Value));
        Assert.Equal(["AF-KAN", "KH-PNH"], baseline.Locations);
        Assert.Equal([new DimensionValue("sex", "female"), new DimensionValue("age", "adult")], baseline.Dimensions);
        Assert.Equal("Baseline comment text", baseline.Comment!.Text);

        var period = Assert.Single(indicator.Periods);
        Assert.Equal((new DateOnly(2013, 1, 1), new DateOnly(2013, 3, 31)), (period.Start, period.End));
        var target = Assert.Single(period.Targets);
        var actual = Assert.Single(period.Actuals);
        Assert.Equal(("10", "Target comment text"), (target.Value, target.Comment!.Text));
        Assert.Equal(("11", "Actual comment text"), (actual.Value, actual.Comment!.Text));
        Assert.Equal(["AF-KAN", "KH-PNH"], actual.Locations);
        Assert.Equal(2, actual.Dimensions.Count);
    }

    [Fact]
    public async Task GdiHub_PrefixesIndicatorIdsWithTheActivity()
    {
        var framework = await IatiImporter.ReadFileAsync(IatiFixtures.Example(GdiHub));

        Assert.Equal(4, framework.Activities.Count);
        Assert.Equal("GB-COH-11126312-Cluster1", framework.Activities[0].Identifier);
        Assert.Equal("a1.r1.i1", framework.Results[0].Indicators[0].Id);
        Assert.All(framework.Results.Select((r, i) => (r, i)), x => Assert.Equal(framework.Activities[x.i].Identifier, x.r.Activity));
        var ids = framework.EnumerateIndicators().Select(i => i.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(@"^a[1-4]\.r1\.i\d+$", id));
        Assert.Equal(34, framework.EnumerateIndicators().Sum(i => i.Periods.Sum(p => p.Actuals.Count)));

        // The description's carriage returns (&#xD;) survive export and re-import.
        Assert.Contains('\r', framework.Activities[0].Description!.Text);
    }

    [Fact]
    public async Task WorldBank_KeepsQualitativeTextAndNamesTheUnnamedLocation()
    {
        var framework = await IatiImporter.ReadFileAsync(IatiFixtures.Example(WorldBank));

        var location = Assert.Single(Assert.Single(framework.Activities).Locations);
        Assert.Equal("location-1", location.Ref);
        Assert.Equal("Amman", location.Name!.Text);
        Assert.Equal((31.95522, 35.94503), (location.Latitude, location.Longitude));
        Assert.Null(location.AdministrativeCode);

        var qualitative = framework.EnumerateIndicators().Where(i => i.Measure == IndicatorMeasure.Qualitative).ToList();
        Assert.NotEmpty(qualitative);
        Assert.Contains(qualitative.SelectMany(i => i.Periods).SelectMany(p => p.Actuals), a => a.Value is { Length: > 0 } v && a.NumericValue() is null);
        Assert.Equal("EN", framework.Activities[0].Title!.Narratives[0].Language);
    }

    private static int RefCount(XDocument document, string xpath) =>
        document.XPathSelectElements(xpath).Count(e => e.Attribute("ref") is not null);
}
