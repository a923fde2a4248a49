using System.Text.Json;
using Nonprofit.Impact.Export;

namespace Nonprofit.Impact.Tests.Export;

public class Dhis2ExporterTests
{
    private static Dhis2Mapping SampleMapping()
    {
        var mapping = new Dhis2Mapping
        {
            DataSet = "dsImpact001",
            CompleteDate = new DateOnly(2024, 4, 5),
            DefaultOrgUnit = "ouCountry01",
            DefaultCategoryOptionCombo = "HllvX50cXC0",
        };
        mapping.DataElements["children-reached"] = "deReached01";
        mapping.DataElements["story"] = "deStory0001";
        mapping.DataElements["change"] = "deChange001";
        mapping.TargetDataElements["children-reached"] = "deReachedT1";
        mapping.OrgUnits["KE-047"] = "ouNairobi01";
        mapping.OrgUnits["KE-030"] = "ouBaringo01";
        mapping.CategoryOptionCombos["age=5-17;sex=female"] = "cocF5to17aa";
        mapping.CategoryOptionCombos["age=5-17;sex=male"] = "cocM5to17aa";
        return mapping;
    }

    private static async Task<(string Json, Dhis2ExportReport Report)> ExportAsync(Dhis2Exporter exporter, ResultsFramework framework)
    {
        using var stream = new MemoryStream();
        var report = await exporter.ExportWithReportAsync(framework, stream);
        return (new System.Text.UTF8Encoding(false, true).GetString(stream.ToArray()), report);
    }

    private static IndicatorDefinition UnitIndicator(string id, DateOnly start, DateOnly end, params PeriodValue[] actuals)
    {
        var indicator = new IndicatorDefinition { Id = id, Name = id };
        var period = new IndicatorPeriod { Start = start, End = end };
        foreach (var actual in actuals)
        {
            period.Actuals.Add(actual);
        }

        indicator.Periods.Add(period);
        return indicator;
    }

    private static Dhis2Mapping SimpleMapping(string indicatorId)
    {
        var mapping = new Dhis2Mapping { DefaultOrgUnit = "ou1", DefaultCategoryOptionCombo = "coc0" };
        mapping.DataElements[indicatorId] = "de1";
        return mapping;
    }

    [Fact]
    public void FormatAndExtension_AreDhis2Json()
    {
        var exporter = new Dhis2Exporter(new Dhis2Mapping());
        Assert.Equal("dhis2", exporter.Format);
        Assert.Equal(".json", exporter.FileExtension);
    }

    [Fact]
    public async Task ExportAsync_SimpleFramework_WritesExactPayload()
    {
        var framework = ExportFixtures.Single(UnitIndicator("reach", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), new PeriodValue { Value = "12" }));
        var mapping = SimpleMapping("reach");
        mapping.DataSet = "pBOMPrpg1QX";
        mapping.AttributeOptionCombo = "aoc1";

        var json = await ExportFixtures.ExportToStringAsync(new Dhis2Exporter(mapping), framework);

        Assert.Equal(
            """{"dataSet":"pBOMPrpg1QX","dataValues":[{"dataElement":"de1","period":"202401","orgUnit":"ou1","categoryOptionCombo":"coc0","attributeOptionCombo":"aoc1","value":"12"}]}""",
            json);
    }

    [Fact]
    public async Task ExportAsync_Sample_WritesDataValueSetWithStringValues()
    {
        var (json, report) = await ExportAsync(new Dhis2Exporter(SampleMapping()), ExportFixtures.Sample());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["dataSet", "completeDate", "dataValues"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("dsImpact001", root.GetProperty("dataSet").GetString());
        Assert.Equal("2024-04-05", root.GetProperty("completeDate").GetString());

        var values = root.GetProperty("dataValues").EnumerateArray().ToList();
        Assert.Equal(5, values.Count);
        Assert.Equal(5, report.DataValueCount);
        Assert.Empty(report.Skipped);
        foreach (var value in values)
        {
            Assert.Equal(["dataElement", "period", "orgUnit", "categoryOptionCombo", "value"], value.EnumerateObject().Select(p => p.Name));
            Assert.All(value.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        }

        string[] Row(int i) => [.. values[i].EnumerateObject().Select(p => p.Value.GetString()!)];
        Assert.Equal(["deReached01", "2024Q1", "ouNairobi01", "cocF5to17aa", "12"], Row(0));
        Assert.Equal(["deReached01", "2024Q1", "ouNairobi01", "cocM5to17aa", "8"], Row(1));
        Assert.Equal(["deStory0001", "202402", "ouCountry01", "HllvX50cXC0", "Line 1\nLine 2, \"quoted\""], Row(2));
        Assert.Equal(["deStory0001", "202402", "ouBaringo01", "HllvX50cXC0", "-cmd|' /C calc'!A0"], Row(3));
        Assert.Equal(["deChange001", "2024", "ouCountry01", "HllvX50cXC0", "-3.5"], Row(4));
        Assert.DoesNotContain("private note", json);
    }

    [Fact]
    public async Task ExportAsync_IncludeTargetsAndComments_WritesTargetsToTheirDataElementAndComments()
    {
        var options = new Dhis2ExportOptions { IncludeTargets = true, IncludeComments = true, Indented = true };

        var (json, report) = await ExportAsync(new Dhis2Exporter(SampleMapping(), options), ExportFixtures.Sample());

        using var document = JsonDocument.Parse(json);
        var values = document.RootElement.GetProperty("dataValues").EnumerateArray().ToList();
        Assert.Equal(6, report.DataValueCount);
        Assert.Equal("deReachedT1", values[0].GetProperty("dataElement").GetString());
        Assert.Equal("100", values[0].GetProperty("value").GetString());
        Assert.Equal("HllvX50cXC0", values[0].GetProperty("categoryOptionCombo").GetString());
        Assert.Equal("private note", values[3].GetProperty("comment").GetString());
        Assert.False(values[4].TryGetProperty("comment", out _));
        Assert.Contains("\n", json);
    }

    [Theory]
    [InlineData("2024-01-15", "2024-01-15", "20240115")]
    [InlineData("2024-01-29", "2024-02-04", "2024W5")]
    [InlineData("2024-01-01", "2024-01-07", "2024W1")]
    [InlineData("2024-12-30", "2025-01-05", "2025W1")]
    [InlineData("2020-12-28", "2021-01-03", "2020W53")]
    [InlineData("2024-01-01", "2024-01-31", "202401")]
    [InlineData("2024-02-01", "2024-02-29", "202402")]
    [InlineData("2023-02-01", "2023-02-28", "202302")]
    [InlineData("2024-12-01", "2024-12-31", "202412")]
    [InlineData("2024-01-01", "2024-03-31", "2024Q1")]
    [InlineData("2024-04-01", "2024-06-30", "2024Q2")]
    [InlineData("2024-07-01", "2024-09-30", "2024Q3")]
    [InlineData("2024-10-01", "2024-12-31", "2024Q4")]
    [InlineData("2024-01-01", "2024-06-30", "2024S1")]
    [InlineData("2024-07-01", "2024-12-31", "2024S2")]
    [InlineData("2024-01-01", "2024-12-31", "2024")]
    public void TryFromDates_CalendarPeriods_GiveDhis2Identifiers(string start, string end, string expected)
    {
        Assert.True(Dhis2Period.TryFromDates(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), out var period));
        Assert.Equal(expected, period);
    }

    [Theory]
    [InlineData("2024-01-01", "2024-01-02")]
    [InlineData("2024-01-02", "2024-01-08")]
    [InlineData("2024-01-15", "2024-02-14")]
    [InlineData("2024-02-01", "2024-04-30")]
    [InlineData("2024-04-01", "2025-03-31")]
    [InlineData("2024-01-01", "2025-12-31")]
    [InlineData("2024-03-01", "2024-02-01")]
    public void TryFromDates_OtherSpans_AreNotDhis2Periods(string start, string end)
    {
        Assert.False(Dhis2Period.TryFromDates(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), out var period));
        Assert.Null(period);
    }

    [Fact]
    public async Task ExportAsync_FinancialYear_FailsNamingIndicatorAndPeriodIndexAndWritesNothing()
    {
        var indicator = UnitIndicator("reach", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), new PeriodValue { Value = "1" });
        indicator.Periods.Add(new IndicatorPeriod { Start = new DateOnly(2024, 4, 1), End = new DateOnly(2025, 3, 31), Actuals = { new PeriodValue { Value = "4711" } } });
        var framework = ExportFixtures.Single(indicator);
        using var stream = new MemoryStream();

        var ex = await Assert.ThrowsAsync<Dhis2MappingException>(() => new Dhis2Exporter(SimpleMapping("reach")).ExportAsync(framework, stream));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("results[0].indicators[0].periods[1]", error.Path);
        Assert.Contains("Indicator 'reach', period 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task ExportAsync_PeriodFallback_IsUsedForOtherSpans()
    {
        var framework = ExportFixtures.Single(UnitIndicator("reach", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), new PeriodValue { Value = "3" }));
        var options = new Dhis2ExportOptions { PeriodFallback = (_, p) => p.Start.Month == 4 ? $"{p.Start.Year}April" : null };

        var json = await ExportFixtures.ExportToStringAsync(new Dhis2Exporter(SimpleMapping("reach"), options), framework);

        Assert.Contains("\"period\":\"2024April\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_UnmappedIndicatorLocationAndCombination_ListsEveryProblemWithoutValues()
    {
        var mapping = SampleMapping();
        mapping.DataElements.Remove("change");
        mapping.OrgUnits.Clear();
        mapping.CategoryOptionCombos.Remove("age=5-17;sex=male");
        using var stream = new MemoryStream();

        var ex = await Assert.ThrowsAsync<Dhis2MappingException>(() => new Dhis2Exporter(mapping).ExportAsync(ExportFixtures.Sample(), stream));

        Assert.Equal(
            [
                "results[0].indicators[0].periods[0].actuals[0]: Indicator 'children-reached': no orgUnit is mapped for location 'KE-047' (Dhis2Mapping.OrgUnits).",
                "results[0].indicators[0].periods[0].actuals[1]: Indicator 'children-reached': no orgUnit is mapped for location 'KE-047' (Dhis2Mapping.OrgUnits).",
                "results[0].indicators[0].periods[0].actuals[1]: Indicator 'children-reached': no categoryOptionCombo is mapped for the combination 'age=5-17;sex=male' (Dhis2Mapping.CategoryOptionCombos).",
                "results[1].indicators[0].periods[0].actuals[1]: Indicator 'story': no orgUnit is mapped for location 'KE-030' (Dhis2Mapping.OrgUnits).",
                "results[1].indicators[1]: Indicator 'change': no dataElement is mapped (Dhis2Mapping.DataElements has no key 'change').",
            ],
            ex.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain("Line 1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("-3.5", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task ExportAsync_SkipUnmappedIndicators_ReportsThemAndWritesTheRest()
    {
        var mapping = SampleMapping();
        mapping.DataElements.Remove("story");
        var options = new Dhis2ExportOptions { SkipUnmappedIndicators = true };

        var (json, report) = await ExportAsync(new Dhis2Exporter(mapping, options), ExportFixtures.Sample());

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("story", skipped.IndicatorId);
        Assert.Equal("results[1].indicators[0]", skipped.Path);
        Assert.Equal(3, report.DataValueCount);
        Assert.DoesNotContain("deStory", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_MissingTargetDataElement_IsAnError()
    {
        var mapping = SampleMapping();
        mapping.TargetDataElements.Clear();

        var ex = await Assert.ThrowsAsync<Dhis2MappingException>(() =>
            new Dhis2Exporter(mapping, new Dhis2ExportOptions { IncludeTargets = true }).ExportAsync(ExportFixtures.Sample(), Stream.Null));

        Assert.Equal("Indicator 'children-reached': no dataElement is mapped (Dhis2Mapping.TargetDataElements has no key 'children-reached').", Assert.Single(ex.Errors).Message);
    }

    [Fact]
    public async Task ExportAsync_NoDefaults_NamesTheMissingDefaults()
    {
        var framework = ExportFixtures.Single(UnitIndicator("reach", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1), new PeriodValue { Value = "1" }));
        var mapping = new Dhis2Mapping();
        mapping.DataElements["reach"] = "de1";

        var ex = await Assert.ThrowsAsync<Dhis2MappingException>(() => new Dhis2Exporter(mapping).ExportAsync(framework, Stream.Null));

        Assert.Equal(
            [
                "Indicator 'reach': the value names no location and Dhis2Mapping.DefaultOrgUnit is not set.",
                "Indicator 'reach': the value has no disaggregation and Dhis2Mapping.DefaultCategoryOptionCombo is not set.",
            ],
            ex.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task ExportAsync_SeveralLocationsOnOneValue_IsAnError()
    {
        var value = ExportFixtures.Value("5", "A");
        value.Locations.Add("B");
        var framework = ExportFixtures.Single(UnitIndicator("reach", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1), value));
        framework.Activities[0].Locations.Add(new LocationInfo { Ref = "A" });
        framework.Activities[0].Locations.Add(new LocationInfo { Ref = "B" });
        var mapping = SimpleMapping("reach");
        mapping.OrgUnits["A"] = "ouA";
        mapping.OrgUnits["B"] = "ouB";

        var ex = await Assert.ThrowsAsync<Dhis2MappingException>(() => new Dhis2Exporter(mapping).ExportAsync(framework, Stream.Null));

        Assert.Contains("names 2 locations", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_TwoValuesForTheSamePlace_IsAnErrorNotASilentOverwrite()
    {
        var framework = ExportFixtures.Single(UnitIndicator("reach", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1),
            new PeriodValue { Value = "1" }, new PeriodValue { Value = "2" }));

        var ex = await Assert.ThrowsAsync<Dhis2MappingException>(() => new Dhis2Exporter(SimpleMapping("reach")).ExportAsync(framework, Stream.Null));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("results[0].indicators[0].periods[0].actuals[1]", error.Path);
        Assert.Contains("DHIS2 would keep only one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_EmptyValue_IsSkippedAndReported()
    {
        var framework = ExportFixtures.Single(UnitIndicator("reach", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1),
            new PeriodValue { Comment = "no data yet" }, ExportFixtures.Value("7", "A")));
        framework.Activities[0].Locations.Add(new LocationInfo { Ref = "A", AdministrativeCode = "ouFromCode" });
        var mapping = SimpleMapping("reach");
        mapping.UseAdministrativeCodes = true;

        var (json, report) = await ExportAsync(new Dhis2Exporter(mapping), framework);

        Assert.Equal("results[0].indicators[0].periods[0].actuals[0]", Assert.Single(report.Skipped).Path);
        Assert.Equal(1, report.DataValueCount);
        Assert.Equal(
            """{"dataValues":[{"dataElement":"de1","period":"20240101","orgUnit":"ouFromCode","categoryOptionCombo":"coc0","value":"7"}]}""",
            json);
    }

    [Fact]
    public async Task ExportAsync_CompleteDateWithoutDataSet_IsAnError()
    {
        var framework = ExportFixtures.Single(UnitIndicator("reach", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1), new PeriodValue { Value = "1" }));
        var mapping = SimpleMapping("reach");
        mapping.CompleteDate = new DateOnly(2024, 2, 1);

        await Assert.ThrowsAsync<Dhis2MappingException>(() => new Dhis2Exporter(mapping).ExportAsync(framework, Stream.Null));
    }

    [Fact]
    public async Task ExportAsync_LoneSurrogateInValue_IsAnErrorBeforeWriting()
    {
        var framework = ExportFixtures.Sample();
        framework.Results[1].Indicators[0].Periods[0].Actuals[0].Value = "x\udc00";
        using var stream = new MemoryStream();

        var ex = await Assert.ThrowsAsync<Dhis2MappingException>(() => new Dhis2Exporter(SampleMapping()).ExportAsync(framework, stream));

        Assert.Equal("results[1].indicators[0].periods[0].actuals[0]", Assert.Single(ex.Errors).Path);
        Assert.Equal(0, stream.Length);
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("1e3", "1000")]
    [InlineData("1.50", "1.50")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+4", "4")]
    public void NormalizeNumber_WritesPlainInvariantNumbers(string value, string expected) =>
        Assert.Equal(expected, Dhis2Exporter.NormalizeNumber(value));

    [Fact]
    public void CombinationKey_SortsByNameAndJoins()
    {
        Assert.Equal("age=5-17;sex=female", Dhis2Mapping.CombinationKey([new("sex", "female"), new("age", "5-17")]));
        Assert.Equal("", Dhis2Mapping.CombinationKey([]));
    }

    [Fact]
    public async Task ExportAsync_ManyValues_StreamsValidJson()
    {
        var indicator = new IndicatorDefinition { Id = "reach", Name = "Reach" };
        var day = new DateOnly(2020, 1, 1);
        for (var i = 0; i < 2000; i++)
        {
            indicator.Periods.Add(new IndicatorPeriod { Start = day.AddDays(i), End = day.AddDays(i), Actuals = { new PeriodValue { Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } } });
        }

        var (json, report) = await ExportAsync(new Dhis2Exporter(SimpleMapping("reach")), ExportFixtures.Single(indicator));

        using var document = JsonDocument.Parse(json);
        Assert.Equal(2000, document.RootElement.GetProperty("dataValues").GetArrayLength());
        Assert.Equal(2000, report.DataValueCount);
    }
}
