using Nonprofit.Impact;

namespace Nonprofit.Cli.Tests.Impact;

public sealed class ImpactValidateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Validate_ValidFramework_ExitsZeroWithCounts()
    {
        var framework = ImpactFixtures.Framework();
        var second = new Result { Type = ResultType.Output, Title = "Shelters open" };
        second.Indicators.Add(new IndicatorDefinition { Id = "shelters", Name = "Shelters open" });
        second.Indicators.Add(new IndicatorDefinition { Id = "beds", Name = "Beds available" });
        framework.Results.Add(second);
        var path = _folder.WriteFramework(framework);

        var result = await CliRunner.InvokeAsync("", "impact", "validate", path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("valid: 2 results, 3 indicators" + Environment.NewLine, result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Validate_InvalidFramework_ExitsOneWithOnePathLinePerErrorOnStdout()
    {
        var framework = ImpactFixtures.Framework();
        framework.Results.Add(new Result { Title = "Second" });
        var third = new Result { Title = "Third" };
        var indicator = new IndicatorDefinition { Id = "late", Name = "Late baseline", Baseline = new IndicatorBaseline { Year = 1800, Value = "1" } };
        third.Indicators.Add(indicator);
        third.Indicators.Add(new IndicatorDefinition { Id = "nameless" });
        framework.Results.Add(third);
        var path = _folder.WriteFramework(framework);

        var result = await CliRunner.InvokeAsync("", "impact", "validate", path);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("results[2].indicators[0].baseline.year: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("results[2].indicators[1].name: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("2 error(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedJson_ExitsOneNamingPathAndLine()
    {
        var path = _folder.WriteText("broken.json", "{\n  \"name\": \"x\",\n  \"results\": [ { \"title\": } ]\n}\n");

        var result = await CliRunner.InvokeAsync("", "impact", "validate", path);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var line = Assert.Single(result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("results[0].title: ", line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_JsonNull_ExitsOneWithTheRootPath()
    {
        var path = _folder.WriteText("null.json", "null");

        var result = await CliRunner.InvokeAsync("", "impact", "validate", path);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("$: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ErrorsNeverQuoteValues()
    {
        var framework = ImpactFixtures.Framework();
        framework.Results[0].Indicators[0].Periods[0].Actuals[0].Value = "Amina Wanjiru 0712345678";
        framework.Results[0].Indicators[0].Periods[0].Actuals[0].Comment = "seen at the clinic";
        var path = _folder.WriteFramework(framework);

        var result = await CliRunner.InvokeAsync("", "impact", "validate", path);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("results[0].indicators[0].periods[0].actuals[0].value: ", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("0712345678", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedJsonValue_DoesNotQuoteIt()
    {
        var path = _folder.WriteText("typed.json", "{ \"results\": [ { \"title\": \"t\", \"indicators\": [ { \"id\": \"x\", \"name\": \"n\", \"measure\": \"Amina-0712345678\" } ] } ] }");

        var result = await CliRunner.InvokeAsync("", "impact", "validate", path);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("results[0].indicators[0].measure: ", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var path = _folder.File("absent.json");

        var result = await CliRunner.InvokeAsync("", "impact", "validate", path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("nonprofit: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("absent.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Folder_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "validate", _folder.Path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("is a folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoArgument_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "validate");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    [Fact]
    public async Task ImpactHelp_ListsTheSubcommands()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("validate", result.Out, StringComparison.Ordinal);
        Assert.Contains("export", result.Out, StringComparison.Ordinal);
        Assert.Contains("import-iati", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateHelp_DocumentsWhereErrorsGo()
    {
        var result = await CliRunner.InvokeAsync("", "impact", "validate", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("'PATH: message' line per error on stdout", result.Out, StringComparison.Ordinal);
    }
}
