using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Impact.Tests.Iati;

public class IatiExporterTests
{
    /// <summary>A framework built by hand: SDG references, dimensions, locations, a qualitative indicator.</summary>
    internal static ResultsFramework SampleFramework()
    {
        var framework = new ResultsFramework { Name = "Safe spaces" };
        var activity = new ActivityInfo
        {
            Identifier = "XM-EXAMPLE-1-SAFE",
            DefaultLanguage = "en",
            DefaultCurrency = "KES",
            ReportingOrg = new OrganisationInfo { Ref = "XM-EXAMPLE-1", Type = "22", Name = "Example Org" },
            Title = new LocalizedText([new Narrative("Safe spaces for women and girls"), new Narrative("Espaces sûrs", "fr")]),
            Description = "Case management and referral for survivors of violence.",
            Status = "2",
        };
        activity.ParticipatingOrgs.Add(new OrganisationInfo { Ref = "XM-EXAMPLE-1", Type = "22", Role = "4", Name = "Example Org" });
        activity.Dates.Add(new ActivityDate { Type = "1", Date = new DateOnly(2024, 1, 1) });
        activity.RecipientCountries.Add("KE");
        activity.Locations.Add(new LocationInfo { Ref = "KE-47", Name = "Nairobi", AdministrativeCode = "184745", Latitude = -1.286389, Longitude = 36.817223 });
        activity.Locations.Add(new LocationInfo { Ref = "KE-01", Name = "Mombasa" });
        framework.Activities.Add(activity);

        var result = new Result { Type = ResultType.Outcome, AggregationStatus = false, Title = "Less violence against women and girls", Description = "Prevalence falls in the areas served." };
        result.References.Add(new CodeReference { Vocabulary = "99", Code = "OC-1", VocabularyUri = "https://example.org/results" });

        var prevalence = new IndicatorDefinition
        {
            Id = "gbv.prevalence",
            Name = "Women and girls subjected to violence by a partner in the last 12 months",
            Description = "Share of ever-partnered women and girls aged 15+.",
            Measure = IndicatorMeasure.Percentage,
            Direction = IndicatorDirection.Decrease,
            AggregationStatus = true,
            Unit = "%",
        };
        prevalence.References.Add(CodeReference.Sdg("5.2.1"));
        prevalence.References.Add(new CodeReference { Vocabulary = "99", Code = "GBV-1", IndicatorUri = "https://example.org/indicators/gbv-1" });
        var sex = new DimensionDefinition { Name = "sex" };
        sex.AllowedValues.Add("female");
        var age = new DimensionDefinition { Name = "age" };
        age.AllowedValues.Add("15-49");
        prevalence.Dimensions.Add(sex);
        prevalence.Dimensions.Add(age);
        prevalence.Baseline = new IndicatorBaseline { Year = 2023, IsoDate = new DateOnly(2023, 6, 30), Value = "23.5", Comment = "Household survey" };
        prevalence.Baseline.Dimensions.Add(new DimensionValue("sex", "female"));
        prevalence.Baseline.Locations.Add("KE-47");
        var period = new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 12, 31) };
        var target = new PeriodValue { Value = "20" };
        target.Dimensions.Add(new DimensionValue("sex", "female"));
        target.Dimensions.Add(new DimensionValue("age", "15-49"));
        target.Locations.Add("KE-47");
        var actual = new PeriodValue { Value = "21.5", Comment = new LocalizedText([new Narrative("Mid-year survey"), new Narrative("Enquête", "fr")]) };
        actual.Dimensions.Add(new DimensionValue("sex", "female"));
        actual.Locations.Add("KE-47");
        actual.Locations.Add("KE-01");
        period.Targets.Add(target);
        period.Actuals.Add(actual);
        prevalence.Periods.Add(period);
        result.Indicators.Add(prevalence);

        var pathway = new IndicatorDefinition { Id = "gbv.pathway", Name = "Referral pathway in place", Measure = IndicatorMeasure.Qualitative };
        pathway.References.Add(CodeReference.Sdg("5.2.2"));
        pathway.References.Add(CodeReference.Sdg("16.1.3"));
        var qualitativePeriod = new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 6, 30) };
        qualitativePeriod.Targets.Add(new PeriodValue { Value = "Pathway agreed with police, clinics and shelters" });
        qualitativePeriod.Actuals.Add(new PeriodValue { Value = "Agreed with clinics; police pending", Comment = "Line 1\r\nLine 2\twith a tab" });
        pathway.Periods.Add(qualitativePeriod);
        result.Indicators.Add(pathway);

        framework.Results.Add(result);
        return framework;
    }

    [Fact]
    public async Task HandBuiltFramework_ExportsValidXmlWithTheExpectedElements()
    {
        var framework = SampleFramework();
        Assert.Empty(framework.Validate());
        Assert.Empty(IatiFixtures.CreateExporter().FindExportErrors(framework));

        var xml = await IatiFixtures.ExportAsync(framework);

        Assert.Empty(IatiFixtures.Validate(xml));
        Assert.Equal((byte)'<', xml[0]); // UTF-8 without a byte order mark
        var document = IatiFixtures.Parse(xml);
        var activity = document.XPathSelectElement("/iati-activities/iati-activity")!;

        // SDG goal (vocabulary 2) and target (vocabulary 3) tags, each once although 5.2.1 and 5.2.2 share them.
        Assert.Equal(
            ["2:5", "3:5.2", "2:16", "3:16.1"],
            activity.Elements("tag").Select(t => $"{t.Attribute("vocabulary")!.Value}:{t.Attribute("code")!.Value}"));

        var nairobi = activity.Elements("location").First();
        Assert.Equal("KE-47", nairobi.Attribute("ref")!.Value);
        Assert.Equal("Nairobi", nairobi.XPathSelectElement("name/narrative")!.Value);
        Assert.Equal("-1.286389 36.817223", nairobi.XPathSelectElement("point/pos")!.Value);
        Assert.Equal(IatiExporter.Wgs84SrsName, nairobi.Element("point")!.Attribute("srsName")!.Value);
        Assert.Equal(("G1", "184745"), (nairobi.Element("administrative")!.Attribute("vocabulary")!.Value, nairobi.Element("administrative")!.Attribute("code")!.Value));
        var mombasa = activity.Elements("location").Last();
        Assert.Null(mombasa.Element("point"));
        Assert.Null(mombasa.Element("administrative"));

        var result = activity.Element("result")!;
        Assert.Equal(("2", "0"), (result.Attribute("type")!.Value, result.Attribute("aggregation-status")!.Value));
        Assert.Equal("https://example.org/results", result.Element("reference")!.Attribute("vocabulary-uri")!.Value);

        var indicators = result.Elements("indicator").ToList();
        Assert.Equal(("2", "0", "1"), (indicators[0].Attribute("measure")!.Value, indicators[0].Attribute("ascending")!.Value, indicators[0].Attribute("aggregation-status")!.Value));
        Assert.Equal(["9:5.2.1:", "99:GBV-1:https://example.org/indicators/gbv-1"],
            indicators[0].Elements("reference").Select(r => $"{r.Attribute("vocabulary")!.Value}:{r.Attribute("code")!.Value}:{r.Attribute("indicator-uri")?.Value}"));
        var baseline = indicators[0].Element("baseline")!;
        Assert.Equal(("2023", "2023-06-30", "23.5"), (baseline.Attribute("year")!.Value, baseline.Attribute("iso-date")!.Value, baseline.Attribute("value")!.Value));
        Assert.Equal("Household survey", baseline.XPathSelectElement("comment/narrative")!.Value);
        var target = indicators[0].XPathSelectElement("period/target")!;
        Assert.Equal("20", target.Attribute("value")!.Value);
        Assert.Equal(["sex=female", "age=15-49"], target.Elements("dimension").Select(d => $"{d.Attribute("name")!.Value}={d.Attribute("value")!.Value}"));
        Assert.Equal(["KE-47"], target.Elements("location").Select(l => l.Attribute("ref")!.Value));
        Assert.Equal("2024-01-01", indicators[0].XPathSelectElement("period/period-start")!.Attribute("iso-date")!.Value);
        Assert.Equal("2024-12-31", indicators[0].XPathSelectElement("period/period-end")!.Attribute("iso-date")!.Value);

        Assert.Equal("5", indicators[1].Attribute("measure")!.Value);
        Assert.Null(indicators[1].Attribute("ascending"));
        Assert.Equal("Pathway agreed with police, clinics and shelters", indicators[1].XPathSelectElement("period/target")!.Attribute("value")!.Value);
    }

    [Fact]
    public async Task HandBuiltFramework_ReimportsWithWhatIatiCarries()
    {
        var framework = SampleFramework();
        var reimported = await IatiFixtures.ImportAsync(await IatiFixtures.ExportAsync(framework));

        Assert.Empty(reimported.Validate());
        var activity = Assert.Single(reimported.Activities);
        Assert.Equal(framework.Activities[0].Title, activity.Title);
        Assert.Equal(["KE-47", "KE-01"], activity.Locations.Select(l => l.Ref));
        Assert.Equal((-1.286389, 36.817223, "184745"), (activity.Locations[0].Latitude, activity.Locations[0].Longitude, activity.Locations[0].AdministrativeCode));

        var indicators = reimported.Results[0].Indicators;
        Assert.Equal(["r1.i1", "r1.i2"], indicators.Select(i => i.Id));
        Assert.Equal(IndicatorDirection.Decrease, indicators[0].Direction);
        Assert.Equal(IndicatorMeasure.Qualitative, indicators[1].Measure);
        Assert.Equal(["5.2.2", "16.1.3"], indicators[1].References.Select(r => r.Code));
        Assert.Equal(["sex", "age"], indicators[0].Dimensions.Select(d => d.Name));
        Assert.Equal("Line 1\r\nLine 2\twith a tab", indicators[1].Periods[0].Actuals[0].Comment!.Text);
        Assert.Equal(framework.Results[0].Indicators[0].Periods[0].Actuals[0].Comment, indicators[0].Periods[0].Actuals[0].Comment);
    }

    [Fact]
    public async Task AdministrativeVocabulary_IsConfigurable()
    {
        var exporter = new IatiExporter(new FakeTimeProvider(IatiFixtures.Now)) { AdministrativeVocabulary = "A1" };
        using var stream = new MemoryStream();
        await exporter.ExportAsync(SampleFramework(), stream);

        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("A1", document.Descendants("administrative").Single().Attribute("vocabulary")!.Value);
        Assert.Equal(("iati", ".xml"), (exporter.Format, exporter.FileExtension));
    }

    [Theory]
    [InlineData("no-activities", "activities")]
    [InlineData("title", "activities[0].title")]
    [InlineData("description", "activities[0].description")]
    [InlineData("reporting-org-type", "activities[0].reportingOrg.type")]
    [InlineData("reporting-org-name", "activities[0].reportingOrg.name")]
    [InlineData("reporting-org-ref", "activities[0].reportingOrg.ref")]
    [InlineData("identifier", "activities[0].identifier")]
    [InlineData("participating-orgs", "activities[0].participatingOrgs")]
    [InlineData("participating-org-role", "activities[0].participatingOrgs[0].role")]
    [InlineData("status", "activities[0].status")]
    [InlineData("dates", "activities[0].dates")]
    [InlineData("latitude-only", "activities[0].locations[1].longitude")]
    [InlineData("control-character", "activities[0].title")]
    [InlineData("language", "activities[0].defaultLanguage")]
    [InlineData("indicators", "results[0].indicators")]
    [InlineData("baseline-year", "results[0].indicators[0].baseline.year")]
    [InlineData("undeclared-dimension", "results[0].indicators[0].periods[0].targets[0].dimensions[2].name")]
    public async Task MissingOrInvalidData_ThrowsNamingThePath_AndWritesNothing(string change, string path)
    {
        var framework = SampleFramework();
        var activity = framework.Activities[0];
        var indicator = framework.Results[0].Indicators[0];
        switch (change)
        {
            case "no-activities": framework.Activities.Clear(); break;
            case "title": activity.Title = null; break;
            case "description": activity.Description = null; break;
            case "reporting-org-type": activity.ReportingOrg.Type = null; break;
            case "reporting-org-name": activity.ReportingOrg.Name = null; break;
            case "reporting-org-ref": activity.ReportingOrg.Ref = ""; break;
            case "identifier": activity.Identifier = ""; break;
            case "participating-orgs": activity.ParticipatingOrgs.Clear(); break;
            case "participating-org-role": activity.ParticipatingOrgs[0].Role = null; break;
            case "status": activity.Status = " "; break;
            case "dates": activity.Dates.Clear(); break;
            case "latitude-only": activity.Locations[1].Latitude = 4.05; break;
            case "control-character": activity.Title = "Safe\u0001spaces"; break;
            case "language": activity.DefaultLanguage = "english!"; break;
            case "indicators": framework.Results[0].Indicators.Clear(); break;
            case "baseline-year": indicator.Baseline!.Year = null; indicator.Baseline.IsoDate = null; break;
            case "undeclared-dimension": indicator.Periods[0].Targets[0].Dimensions.Add(new DimensionValue("disability", "yes")); break;
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }

        var exporter = IatiFixtures.CreateExporter();
        Assert.Contains(exporter.FindExportErrors(framework), e => e.Path == path);
        using var stream = new MemoryStream();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => exporter.ExportAsync(framework, stream));
        Assert.Equal("framework", ex.ParamName);
        Assert.Contains(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }
}
