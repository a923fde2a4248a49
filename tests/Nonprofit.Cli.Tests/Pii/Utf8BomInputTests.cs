namespace Nonprofit.Cli.Tests.Pii;

/// <summary>Finding 15 (stop 27): a UTF-8 byte order mark at the start of standard input is accepted.</summary>
public sealed class Utf8BomInputTests
{
    private const string Line = "{\"text\":\"mail someone@example.org\"}\n";

    [Fact]
    public async Task PiiDetect_BomBeforeTheFirstLine_GivesTheSameOutputAsWithout()
    {
        var plain = await CliRunner.InvokeAsync(Line + Line, "pii", "detect");

        var withBom = await CliRunner.InvokeAsync("\uFEFF" + Line + Line, "pii", "detect");

        Assert.Equal(ExitCodes.Ok, withBom.ExitCode);
        Assert.Equal(plain.Out, withBom.Out);
        Assert.Equal(plain.Error, withBom.Error);
    }

    [Fact]
    public async Task PiiDetect_BomOnTheSecondLine_IsStillInvalidJson()
    {
        var result = await CliRunner.InvokeAsync(Line + "\uFEFF" + Line, "pii", "detect");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuardCheck_BomBeforeTheFirstLine_GivesTheSameOutputAsWithout()
    {
        const string Input = "{\"text\":\"where can I get a food parcel?\"}\n";
        var plain = await CliRunner.InvokeAsync(Input, "guard", "check");

        var withBom = await CliRunner.InvokeAsync("\uFEFF" + Input, "guard", "check");

        Assert.Equal(plain.ExitCode, withBom.ExitCode);
        Assert.Equal(plain.Out, withBom.Out);
    }
}
