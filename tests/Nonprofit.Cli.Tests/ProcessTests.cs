namespace Nonprofit.Cli.Tests;

/// <summary>End-to-end: the built tool as a separate process, as users and CI pipelines run it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Process_Help_ExitsZeroAndPrintsUsage()
    {
        var result = await CliRunner.RunProcessAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_Version_PrintsTheSameVersionAsInProcess()
    {
        var process = await CliRunner.RunProcessAsync("--version");
        var inProcess = await CliRunner.InvokeAsync("", "--version");

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(inProcess.Out.Trim(), process.Out.Trim());
    }

    [Fact]
    public async Task Process_UnknownOption_ExitsTwo()
    {
        var result = await CliRunner.RunProcessAsync("--definitely-not-an-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--definitely-not-an-option", result.Error, StringComparison.Ordinal);
    }
}
