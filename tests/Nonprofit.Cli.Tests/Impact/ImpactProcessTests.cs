namespace Nonprofit.Cli.Tests.Impact;

/// <summary>End-to-end: <c>nonprofit impact validate</c> as a separate process, as CI pipelines run it.</summary>
public sealed class ImpactProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Process_ImpactValidate_ExitCodes()
    {
        var valid = _folder.WriteFramework(ImpactFixtures.Framework());
        var framework = ImpactFixtures.Framework();
        framework.Results[0].Indicators[0].Baseline!.Year = 1800;
        var invalid = _folder.WriteFramework(framework, "invalid.json");

        var ok = await CliRunner.RunProcessAsync("impact", "validate", valid);
        var findings = await CliRunner.RunProcessAsync("impact", "validate", invalid);
        var missing = await CliRunner.RunProcessAsync("impact", "validate", _folder.File("absent.json"));

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("valid: 1 results, 1 indicators", ok.Out.Trim());
        Assert.Equal(1, findings.ExitCode);
        Assert.StartsWith("results[0].indicators[0].baseline.year: ", findings.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Empty(missing.Out);
        Assert.Contains("absent.json", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ImpactExportCsv_WritesToStdout()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.RunProcessAsync("impact", "export", "--framework", path, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("activity,result_type,", result.Out, StringComparison.Ordinal);
        Assert.Equal(5, result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
