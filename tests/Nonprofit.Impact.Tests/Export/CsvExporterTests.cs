using CsCheck;
using Nonprofit.Impact.Export;

namespace Nonprofit.Impact.Tests.Export;

public class CsvExporterTests
{
    [Fact]
    public void FormatAndExtension_AreCsv()
    {
        var exporter = new CsvExporter();
        Assert.Equal("csv", exporter.Format);
        Assert.Equal(".csv", exporter.FileExtension);
    }

    [Fact]
    public async Task ExportAsync_Sample_WritesExactTable()
    {
        var csv = await ExportFixtures.ExportToStringAsync(new CsvExporter(), ExportFixtures.Sample());

        const string Ind = "XM-EXAMPLE-1,output,Children reached,children-reached,Children reached,unit,{person}";
        const string Out = "XM-EXAMPLE-1,outcome,\"Communities, \"\"safer\"\"\"";
        var expected = string.Concat(
            "activity,result_type,result_title,indicator_id,indicator_name,measure,unit,kind,period_start,period_end,value,age,sex,location,sdg_codes\r\n",
            Ind + ",baseline,2023-01-01,2023-12-31,10,,,,4.1.1\r\n",
            Ind + ",target,2024-01-01,2024-03-31,100,,,,4.1.1\r\n",
            Ind + ",actual,2024-01-01,2024-03-31,12,5-17,female,KE-047,4.1.1\r\n",
            Ind + ",actual,2024-01-01,2024-03-31,8,5-17,male,KE-047,4.1.1\r\n",
            Out + ",story,'=1+2 story,qualitative,,actual,2024-02-01,2024-02-29,\"Line 1\nLine 2, \"\"quoted\"\"\",,,,\r\n",
            Out + ",story,'=1+2 story,qualitative,,actual,2024-02-01,2024-02-29,'-cmd|' /C calc'!A0,,,KE-030,\r\n",
            Out + ",change,Change in dropout,percentage,%,actual,2024-01-01,2024-12-31,-3.5,,,,\r\n");
        Assert.Equal(expected, csv);
    }

    [Fact]
    public async Task ExportAsync_Sample_ParsesBackWithEqualCellCounts()
    {
        var csv = await ExportFixtures.ExportToStringAsync(new CsvExporter(), ExportFixtures.Sample());
        var records = ExportFixtures.ParseCsv(csv);
        Assert.Equal(8, records.Count);
        Assert.All(records, r => Assert.Equal(15, r.Count));
        Assert.Equal("Line 1\nLine 2, \"quoted\"", records[5][10]);
        Assert.DoesNotContain(records, r => r.Contains("private note"));
    }

    [Fact]
    public async Task ExportAsync_SeveralLocationsAndBaselineDate_JoinsWithSemicolonAndUsesTheDate()
    {
        var indicator = new IndicatorDefinition { Id = "x", Name = "X", Baseline = new IndicatorBaseline { Year = 2020, IsoDate = new DateOnly(2020, 6, 30), Value = "5" } };
        var period = new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 1, 31) };
        var actual = new PeriodValue { Value = "1" };
        actual.Locations.Add("A");
        actual.Locations.Add("B");
        period.Actuals.Add(actual);
        indicator.Periods.Add(period);
        var framework = ExportFixtures.Single(indicator);
        framework.Activities[0].Locations.Add(new LocationInfo { Ref = "A" });
        framework.Activities[0].Locations.Add(new LocationInfo { Ref = "B" });

        var records = ExportFixtures.ParseCsv(await ExportFixtures.ExportToStringAsync(new CsvExporter(), framework));

        Assert.Equal(["activity", "result_type", "result_title", "indicator_id", "indicator_name", "measure", "unit", "kind", "period_start", "period_end", "value", "location", "sdg_codes"], records[0]);
        Assert.Equal(["XM-EXAMPLE-1", "output", "Result", "x", "X", "unit", "", "baseline", "2020-06-30", "2020-06-30", "5", "", ""], records[1]);
        Assert.Equal("A;B", records[2][11]);
    }

    [Fact]
    public async Task ExportAsync_DimensionNamedLikeAFixedColumn_GetsAPrefix()
    {
        var indicator = new IndicatorDefinition { Id = "x", Name = "X" };
        indicator.Dimensions.Add(ExportFixtures.Dimension("location", null, ("urban", null)));
        var framework = ExportFixtures.Single(indicator);

        var records = ExportFixtures.ParseCsv(await ExportFixtures.ExportToStringAsync(new CsvExporter(), framework));

        Assert.Equal("dimension_location", records[0][11]);
        Assert.Equal("location", records[0][12]);
    }

    [Fact]
    public async Task ExportAsync_Language_PicksTheNarrative()
    {
        var indicator = new IndicatorDefinition { Id = "x", Name = new LocalizedText([new Narrative("Reached"), new Narrative("Atteints", "fr")]) };
        var framework = ExportFixtures.Single(indicator);
        indicator.Periods.Add(new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 1, 1), Actuals = { new PeriodValue { Value = "1" } } });

        var records = ExportFixtures.ParseCsv(await ExportFixtures.ExportToStringAsync(new CsvExporter(new CsvExportOptions { Language = "fr" }), framework));

        Assert.Equal("Atteints", records[1][4]);
    }

    [Fact]
    public async Task ExportAsync_InvalidFramework_ThrowsBeforeWriting()
    {
        var framework = ExportFixtures.Single(new IndicatorDefinition { Id = "bad id!", Name = "X" });
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<FrameworkValidationException>(() => new CsvExporter().ExportAsync(framework, stream));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task ExportAsync_LoneSurrogate_FailsBeforeWritingWithoutQuotingTheText()
    {
        var framework = ExportFixtures.Sample();
        framework.Results[1].Indicators[0].Periods[0].Actuals[0].Value = "bad \ud800 text";
        using var stream = new MemoryStream();

        var ex = await Assert.ThrowsAsync<FrameworkValidationException>(() => new CsvExporter().ExportAsync(framework, stream));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("results[1].indicators[0].periods[0].actuals[0]", error.Path);
        Assert.Contains("value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bad", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
        await Assert.ThrowsAsync<FrameworkValidationException>(() => new HxlExporter().ExportAsync(framework, stream));
        Assert.Equal(0, stream.Length);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3+cmd", "'-2+3+cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+7", "+7")]
    [InlineData("-1e-3", "-1e-3")]
    [InlineData("-", "'-")]
    [InlineData("-.5", "-.5")]
    [InlineData("-1.", "-1.")]
    [InlineData("-1e", "'-1e")]
    [InlineData("-Infinity", "'-Infinity")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void AppendField_FormulaProtection_PrefixesAllButPlainNumbers(string field, string expected)
    {
        var builder = new System.Text.StringBuilder();
        CsvFormat.AppendField(builder, field, protectFormulas: true);
        Assert.Equal(expected, builder.ToString());
    }

    [Fact]
    public async Task ExportAsync_ProtectionOff_WritesFormulasVerbatim()
    {
        var csv = await ExportFixtures.ExportToStringAsync(new CsvExporter(new CsvExportOptions { ProtectAgainstFormulas = false }), ExportFixtures.Sample());
        Assert.Equal("=1+2 story", ExportFixtures.ParseCsv(csv)[5][4]);
    }

    private static readonly Gen<string> s_text =
        Gen.OneOf("a", "Z", "0", "-3.5", " ", ",", "\"", "\r", "\n", "\r\n", "é", "ß", "😀", "中", "=", "+", "-", "@", "\t", "'", ";")
            .Array[0, 12]
            .Select(parts => string.Concat(parts));

    [Fact]
    public void AppendRecord_RandomFields_ParseBackToTheSameCells()
    {
        Gen.Select(s_text.Array[1, 6], Gen.Bool).Sample(t =>
        {
            var (fields, protect) = t;
            var builder = new System.Text.StringBuilder();
            CsvFormat.AppendRecord(builder, fields, protect);
            var records = ExportFixtures.ParseCsv(builder.ToString());
            var expected = fields.Select(f => protect && CsvFormat.NeedsFormulaProtection(f) ? "'" + f : f).ToList();
            Assert.Equal([expected], records);
        }, iter: 2000);
    }

    [Fact]
    public async Task ExportAsync_RandomNamesAndValues_ParseBackToTheSameCells()
    {
        await Gen.Select(s_text, s_text, s_text).SampleAsync(async (name, title, value) =>
        {
            var indicator = new IndicatorDefinition { Id = "q", Name = name, Measure = IndicatorMeasure.Qualitative };
            indicator.Periods.Add(new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 12, 31), Actuals = { new PeriodValue { Value = value } } });
            var framework = ExportFixtures.Single(indicator);
            framework.Results[0].Title = title;

            var records = ExportFixtures.ParseCsv(await ExportFixtures.ExportToStringAsync(new CsvExporter(new CsvExportOptions { ProtectAgainstFormulas = false }), framework));

            Assert.Equal(2, records.Count);
            Assert.Equal(title, records[1][2]);
            Assert.Equal(name, records[1][4]);
            Assert.Equal(value, records[1][10]);
        }, iter: 300);
    }
}
