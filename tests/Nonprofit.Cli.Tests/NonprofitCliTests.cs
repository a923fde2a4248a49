using System.Reflection;
using System.Text.RegularExpressions;

namespace Nonprofit.Cli.Tests;

public sealed partial class NonprofitCliTests
{
    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();

    [Fact]
    public async Task Version_PrintsSemanticVersionOfTheAssembly()
    {
        var result = await CliRunner.InvokeAsync("", "--version");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var printed = result.Out.Trim();
        Assert.Matches(SemVer(), printed);
        var informational = typeof(NonprofitCli).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(informational, printed);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Help_DescribesToolAndExitCodes()
    {
        var result = await CliRunner.InvokeAsync("", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("nonprofit", result.Out, StringComparison.Ordinal);
        Assert.Contains("--version", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_PrintsHelpAndSucceeds()
    {
        var result = await CliRunner.InvokeAsync("");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("no-such-command")]
    public async Task InvalidCommandLine_ExitsWithBadInputAndNamesTheProblem(params string[] args)
    {
        var result = await CliRunner.InvokeAsync("", args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("nonprofit: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NullArguments_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(
            () => NonprofitCli.InvokeAsync(null!, new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null)));
    }

    [Fact]
    public void CreateRootCommand_EveryCommandHasADescription()
    {
        var root = NonprofitCli.CreateRootCommand(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null));

        Assert.False(string.IsNullOrWhiteSpace(root.Description));
        foreach (var command in root.Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"'{command.Name}' has no description.");
        }
    }
}
