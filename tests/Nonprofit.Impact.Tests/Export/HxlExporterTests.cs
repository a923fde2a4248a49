using System.Text.RegularExpressions;
using Nonprofit.Impact.Export;

namespace Nonprofit.Impact.Tests.Export;

public class HxlExporterTests
{
    // The hashtag syntax of HXL 1.1 (tagging conventions): a hashtag, then attributes, each lower-case.
    private static readonly Regex s_hashtag = new(@"^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*\z", RegexOptions.CultureInvariant);

    private const string Ind = "XM-EXAMPLE-1,output,Children reached,children-reached,Children reached,unit,{person}";
    private const string Out = "XM-EXAMPLE-1,outcome,\"Communities, \"\"safer\"\"\"";

    private static void AssertHashtagRow(List<string> row) =>
        Assert.All(row, tag => Assert.Matches(s_hashtag, tag));

    [Fact]
    public void FormatAndExtension_AreHxlCsv()
    {
        var exporter = new HxlExporter();
        Assert.Equal("hxl", exporter.Format);
        Assert.Equal(".csv", exporter.FileExtension);
    }

    [Fact]
    public async Task ExportAsync_Sample_WritesTableWithHashtagRow()
    {
        var text = await ExportFixtures.ExportToStringAsync(new HxlExporter(), ExportFixtures.Sample());

        var expected = string.Concat(
            "activity,result_type,result_title,indicator_id,indicator_name,measure,unit,kind,period_start,period_end,baseline,target,actual,value_text,age,sex,location,sdg_codes\r\n",
            "#activity+code,#indicator+result+type,#indicator+result+name,#indicator+code,#indicator+name,#indicator+type,#indicator+unit,#indicator+kind,#date+start,#date+end,",
            "#reached+baseline,#targeted,#reached,#indicator+text,#beneficiary+age,#beneficiary+sex,#adm1+code,#indicator+code+sdg\r\n",
            Ind + ",baseline,2023-01-01,2023-12-31,10,,,,,,,4.1.1\r\n",
            Ind + ",target,2024-01-01,2024-03-31,,100,,,,,,4.1.1\r\n",
            Ind + ",actual,2024-01-01,2024-03-31,,,12,,5-17,female,KE-047,4.1.1\r\n",
            Ind + ",actual,2024-01-01,2024-03-31,,,8,,5-17,male,KE-047,4.1.1\r\n",
            Out + ",story,'=1+2 story,qualitative,,actual,2024-02-01,2024-02-29,,,,\"Line 1\nLine 2, \"\"quoted\"\"\",,,,\r\n",
            Out + ",story,'=1+2 story,qualitative,,actual,2024-02-01,2024-02-29,,,,'-cmd|' /C calc'!A0,,,KE-030,\r\n",
            Out + ",change,Change in dropout,percentage,%,actual,2024-01-01,2024-12-31,,,-3.5,,,,,\r\n");
        Assert.Equal(expected, text);
        AssertHashtagRow(ExportFixtures.ParseCsv(text)[1]);
    }

    [Fact]
    public async Task ExportAsync_Pivot_PutsDimensionValuesIntoAttributes()
    {
        var text = await ExportFixtures.ExportToStringAsync(new HxlExporter(new HxlExportOptions { PivotDimensions = true }), ExportFixtures.Sample());

        var expected = string.Concat(
            "activity,result_type,result_title,indicator_id,indicator_name,measure,unit,period_start,period_end,location,sdg_codes,",
            "baseline,target,actual,actual_children_f,actual_children_m,actual_text\r\n",
            "#activity+code,#indicator+result+type,#indicator+result+name,#indicator+code,#indicator+name,#indicator+type,#indicator+unit,#date+start,#date+end,#adm1+code,#indicator+code+sdg,",
            "#reached+baseline,#targeted,#reached,#reached+children+f,#reached+children+m,#indicator+text+reached\r\n",
            Ind + ",2023-01-01,2023-12-31,,4.1.1,10,,,,,\r\n",
            Ind + ",2024-01-01,2024-03-31,,4.1.1,,100,,,,\r\n",
            Ind + ",2024-01-01,2024-03-31,KE-047,4.1.1,,,,12,8,\r\n",
            Out + ",story,'=1+2 story,qualitative,,2024-02-01,2024-02-29,,,,,,,,\"Line 1\nLine 2, \"\"quoted\"\"\"\r\n",
            Out + ",story,'=1+2 story,qualitative,,2024-02-01,2024-02-29,KE-030,,,,,,,'-cmd|' /C calc'!A0\r\n",
            Out + ",change,Change in dropout,percentage,%,2024-01-01,2024-12-31,,,,,-3.5,,,\r\n");
        Assert.Equal(expected, text);
        var records = ExportFixtures.ParseCsv(text);
        AssertHashtagRow(records[1]);
        Assert.All(records, r => Assert.Equal(17, r.Count));
    }

    [Fact]
    public async Task ExportAsync_PivotWithTargetsAndBaselineByDimension_TagsEachKind()
    {
        var indicator = new IndicatorDefinition { Id = "girls", Name = "Girls" };
        indicator.Dimensions.Add(ExportFixtures.Dimension("sex", null, ("female", "+F"), ("male", "m")));
        indicator.Baseline = new IndicatorBaseline { Year = 2023, Value = "3" };
        indicator.Baseline.Dimensions.Add(new DimensionValue("sex", "female"));
        var period = new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 12, 31) };
        period.Targets.Add(ExportFixtures.Value("50", null, ("sex", "female")));
        period.Actuals.Add(ExportFixtures.Value("40", null, ("sex", "female")));
        period.Actuals.Add(ExportFixtures.Value("2", null, ("sex", "male")));
        indicator.Periods.Add(period);

        var text = await ExportFixtures.ExportToStringAsync(new HxlExporter(new HxlExportOptions { PivotDimensions = true, LocationHashtag = "#loc+code" }), ExportFixtures.Single(indicator));
        var records = ExportFixtures.ParseCsv(text);

        Assert.Equal(["#loc+code", "#indicator+code+sdg", "#reached+baseline+f", "#targeted+f", "#reached+f", "#reached+m"], records[1].Skip(9));
        Assert.Equal(["baseline_f", "target_f", "actual_f", "actual_m"], records[0].Skip(11));
        Assert.Equal(["3", "", "", ""], records[2].Skip(11));
        Assert.Equal(["", "50", "40", "2"], records[3].Skip(11));
        Assert.Equal(4, records.Count);
        AssertHashtagRow(records[1]);
    }

    [Fact]
    public async Task ExportAsync_PivotWithoutHxlAttribute_FailsNamingIndicatorDimensionAndIndexAndWritesNothing()
    {
        var framework = ExportFixtures.Sample();
        framework.Results[0].Indicators[0].Dimensions[1].HxlAttributes.Remove("5-17");
        using var stream = new MemoryStream();

        var ex = await Assert.ThrowsAsync<FrameworkValidationException>(() => new HxlExporter(new HxlExportOptions { PivotDimensions = true }).ExportAsync(framework, stream));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("results[0].indicators[0].dimensions[1].hxlAttributes", ex.Errors[0].Path);
        Assert.Equal(
            "Indicator 'children-reached': pivoting needs an HXL attribute for every value of dimension 'age', and allowedValues[1] has none (used at results[0].indicators[0].periods[0].actuals[0]).",
            ex.Errors[0].Message);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task ExportAsync_PivotDisaggregatedQualitative_IsAnError()
    {
        var indicator = new IndicatorDefinition { Id = "voice", Name = "Voice", Measure = IndicatorMeasure.Qualitative };
        indicator.Dimensions.Add(ExportFixtures.Dimension("sex", null, ("female", "+f")));
        indicator.Periods.Add(new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 1, 1), Actuals = { ExportFixtures.Value("secret story", null, ("sex", "female")) } });

        var ex = await Assert.ThrowsAsync<FrameworkValidationException>(() =>
            new HxlExporter(new HxlExportOptions { PivotDimensions = true }).ExportAsync(ExportFixtures.Single(indicator), Stream.Null));

        Assert.Contains("Indicator 'voice'", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret story", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_PivotTwoValuesInOneCell_IsAnError()
    {
        var indicator = new IndicatorDefinition { Id = "reach", Name = "Reach" };
        indicator.Periods.Add(new IndicatorPeriod { Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 1, 1), Actuals = { new PeriodValue { Value = "1" }, new PeriodValue { Value = "2" } } });

        var ex = await Assert.ThrowsAsync<FrameworkValidationException>(() =>
            new HxlExporter(new HxlExportOptions { PivotDimensions = true }).ExportAsync(ExportFixtures.Single(indicator), Stream.Null));

        Assert.Equal("results[0].indicators[0].periods[0].actuals[1]", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public async Task ExportAsync_MalformedHxlAttribute_IsAnError()
    {
        var framework = ExportFixtures.Sample();
        framework.Results[0].Indicators[0].Dimensions[0].HxlAttribute = "+Sex!";

        var ex = await Assert.ThrowsAsync<FrameworkValidationException>(() => new HxlExporter().ExportAsync(framework, Stream.Null));

        Assert.Equal("results[0].indicators[0].dimensions[0].hxlAttribute", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public async Task ExportAsync_DimensionNameWithoutAttribute_BecomesAValidAttribute()
    {
        var indicator = new IndicatorDefinition { Id = "x", Name = "X" };
        indicator.Dimensions.Add(ExportFixtures.Dimension("Age band", null, ("a", null)));
        indicator.Dimensions.Add(ExportFixtures.Dimension("5yr", null, ("a", null)));

        var records = ExportFixtures.ParseCsv(await ExportFixtures.ExportToStringAsync(new HxlExporter(), ExportFixtures.Single(indicator)));

        Assert.Equal(["#beneficiary+x_5yr", "#beneficiary+age_band"], records[1].Skip(14).Take(2));
        AssertHashtagRow(records[1]);
    }

    [Theory]
    [InlineData("#adm1+Code")]
    [InlineData("adm1")]
    [InlineData("#adm1+")]
    [InlineData("#adm1\n")]
    public void Constructor_InvalidHashtagOption_Throws(string hashtag) =>
        Assert.Throws<ArgumentException>(() => new HxlExporter(new HxlExportOptions { LocationHashtag = hashtag }));

    [Theory]
    [InlineData("#reached+f+children", true)]
    [InlineData("#adm1 +code", true)]
    [InlineData("#indicator+text+reached", true)]
    [InlineData("#x_custom+my_attr2", true)]
    [InlineData("#Reached", false)]
    [InlineData("reached", false)]
    [InlineData("#1abc", false)]
    [InlineData("#a+", false)]
    [InlineData("#a+B", false)]
    [InlineData("#a-b", false)]
    [InlineData("#a+f\n", false)]
    [InlineData("#a++f", false)]
    public void IsValidHashtag_FollowsHxlSyntax(string hashtag, bool valid)
    {
        Assert.Equal(valid, HxlSyntax.IsValidHashtag(hashtag));
        Assert.Equal(valid, s_hashtag.IsMatch(hashtag));
    }

    [Fact]
    public async Task ExportAsync_EveryLayoutAndOption_WritesOnlyValidHashtags()
    {
        foreach (var pivot in new[] { false, true })
        {
            var options = new HxlExportOptions { PivotDimensions = pivot, DimensionHashtag = "#population", LocationHashtag = "#adm2 +code" };
            var records = ExportFixtures.ParseCsv(await ExportFixtures.ExportToStringAsync(new HxlExporter(options), ExportFixtures.Sample()));
            AssertHashtagRow(records[1]);
            Assert.Equal(records[0].Count, records[1].Count);
        }
    }
}
