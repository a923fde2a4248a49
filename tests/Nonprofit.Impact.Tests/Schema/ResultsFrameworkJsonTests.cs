using System.Text.Json;
using Json.Schema;

namespace Nonprofit.Impact.Tests.Schema;

public class ResultsFrameworkJsonTests
{
    [Fact]
    public void Serialize_ThenParse_GivesTheSameFramework()
    {
        var framework = TestFrameworks.Framework();
        var json = ResultsFrameworkJson.Serialize(framework);
        var again = ResultsFrameworkJson.Serialize(ResultsFrameworkJson.Parse(json));
        Assert.Equal(json, again);
        Assert.Contains("\"aggregation\": \"sum\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": 150", json, StringComparison.Ordinal);
        Assert.Contains("\"isoDate\": \"2025-01-01\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadBaselineYear_NamesThePath()
    {
        var json = ResultsFrameworkJson.Serialize(TestFrameworks.Framework()).Replace("\"year\": 2025", "\"year\": 25", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkValidationException>(() => ResultsFrameworkJson.Parse(json));
        Assert.Contains(ex.Errors, e => e.Path == "results[0].indicators[0].baseline.year");
    }

    [Fact]
    public void Parse_WrongType_NamesThePathAndLine()
    {
        var json = ResultsFrameworkJson.Serialize(TestFrameworks.Framework()).Replace("\"year\": 2025", "\"year\": \"last year\"", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkValidationException>(() => ResultsFrameworkJson.Parse(json));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("results[0].indicators[0].baseline.year", error.Path);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("last year", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltProperty_IsAnError()
    {
        var json = ResultsFrameworkJson.Serialize(TestFrameworks.Framework()).Replace("\"aggregation\"", "\"agregation\"", StringComparison.Ordinal);
        var ex = Assert.Throws<FrameworkValidationException>(() => ResultsFrameworkJson.Parse(json));
        Assert.Contains("Unknown property", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsEveryErrorWithItsPath()
    {
        var framework = TestFrameworks.Framework();
        var indicator = framework.Results[0].Indicators[0];
        indicator.Id = "has space";
        indicator.References.Add(CodeReference.Sdg("18.1.1"));
        indicator.Periods[0].End = new DateOnly(2025, 1, 1);
        indicator.Periods[0].Targets[0].Value = "many";
        indicator.Periods[0].Actuals[1].Dimensions.Add(new DimensionValue("age", "99-100"));
        indicator.Periods[0].Actuals[1].Dimensions.Add(new DimensionValue("caste", "x"));
        var paths = framework.Validate().Select(e => e.Path).ToArray();
        Assert.Equal(
            [
                "results[0].indicators[0].id",
                "results[0].indicators[0].references[1].code",
                "results[0].indicators[0].periods[0].end",
                "results[0].indicators[0].periods[0].targets[0].value",
                "results[0].indicators[0].periods[0].actuals[1].dimensions[1].value",
                "results[0].indicators[0].periods[0].actuals[1].dimensions[2].name",
            ],
            paths);
    }

    [Fact]
    public void Validate_AllowedValueThatLooksPersonal_IsAnErrorThatDoesNotQuoteIt()
    {
        var framework = TestFrameworks.Framework();
        framework.Results[0].Indicators[0].Dimensions[2].AllowedValues.Add("+254 712 345 678");
        var error = Assert.Single(framework.Validate());
        Assert.Equal("results[0].indicators[0].dimensions[2].allowedValues[3]", error.Path);
        Assert.DoesNotContain("712", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateIndicatorIdsAcrossResults()
    {
        var framework = TestFrameworks.Framework();
        var second = new Result { Type = ResultType.Output, Title = "Calls answered" };
        second.Indicators.Add(TestFrameworks.Referrals());
        framework.Results.Add(second);
        var error = Assert.Single(framework.Validate());
        Assert.Equal("results[1].indicators[0].id", error.Path);
        Assert.Contains("results[0].indicators[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalizedText_ReadsStringOrNarratives()
    {
        var json = ResultsFrameworkJson.Serialize(TestFrameworks.Framework())
            .Replace("\"title\": \"Survivors reach safety\"", "\"title\": [{\"text\": \"Survivors reach safety\", \"lang\": \"en\"}, {\"text\": \"Les survivantes sont en sécurité\", \"lang\": \"fr\"}]", StringComparison.Ordinal);
        var framework = ResultsFrameworkJson.Parse(json);
        Assert.Equal("Les survivantes sont en sécurité", framework.Results[0].Title!.For("fr"));
        Assert.Equal("Survivors reach safety", framework.Results[0].Title!.For("sw"));
        Assert.Contains("\"lang\": \"fr\"", ResultsFrameworkJson.Serialize(framework), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonSchema_AcceptsSerializedFrameworks_AndRejectsWrongShapes()
    {
        var schema = JsonSchema.FromText(ResultsFrameworkJson.GetJsonSchema().ToJsonString());
        using var good = JsonDocument.Parse(ResultsFrameworkJson.Serialize(TestFrameworks.Framework()));
        var goodResult = schema.Evaluate(good.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(goodResult.IsValid, string.Join("\n", (goodResult.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        using var bad = JsonDocument.Parse(ResultsFrameworkJson.Serialize(TestFrameworks.Framework()).Replace("\"aggregation\": \"sum\"", "\"aggregation\": 7", StringComparison.Ordinal));
        Assert.False(schema.Evaluate(bad.RootElement).IsValid);
        using var extra = JsonDocument.Parse(ResultsFrameworkJson.Serialize(TestFrameworks.Framework()).Replace("\"unit\":", "\"units\": 1, \"unit\":", StringComparison.Ordinal));
        Assert.False(schema.Evaluate(extra.RootElement).IsValid);
    }

    [Fact]
    public void PublishedJsonSchema_IsTheOneGeneratedFromTheTypes()
    {
        var published = Path.Combine(RepoRoot(), "docs", "schemas", "results-framework.schema.json");
        var generated = ResultsFrameworkJson.GetJsonSchema().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(published)!);
            File.WriteAllText(published, generated);
        }

        Assert.True(File.Exists(published), "docs/schemas/results-framework.schema.json is missing: run the tests with UPDATE_SCHEMA=1.");
        Assert.Equal(generated, File.ReadAllText(published).ReplaceLineEndings("\n"));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nonprofit.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Nonprofit.Sdk.sln not found above the test folder.");
    }
}
