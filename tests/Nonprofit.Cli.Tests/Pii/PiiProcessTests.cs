namespace Nonprofit.Cli.Tests.Pii;

/// <summary>End-to-end: <c>pii</c> commands through the built tool as a separate process.</summary>
public sealed class PiiProcessTests
{
    [Fact]
    public async Task Process_PiiDetect_ReadsStdinAndWritesTheSameLinesAsInProcess()
    {
        const string Input =
            "{\"text\":\"write to jane@example.org\"}\n" +
            "{\"text\":\"😀 call me at +254 712 345 678\"}\n" +
            "{\"text\":\"nothing here\"}\n";

        var process = await CliRunner.RunProcessWithInputAsync(Input, "pii", "detect");
        var inProcess = await CliRunner.InvokeAsync(Input, "pii", "detect");

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(
            [
                "{\"spans\":[{\"start\":9,\"end\":25,\"type\":\"EMAIL_ADDRESS\",\"score\":0.95}]}",
                "{\"spans\":[{\"start\":14,\"end\":30,\"type\":\"PHONE_NUMBER\",\"score\":1}]}",
                "{\"spans\":[]}",
            ],
            process.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(inProcess.Out, process.Out);
        Assert.Empty(process.Error);
    }

    [Fact]
    public async Task Process_PiiDetectInvalidLine_ExitsTwo()
    {
        var result = await CliRunner.RunProcessWithInputAsync("{\"text\":\"ok\"}\nnot json +254 712 345 678\n", "pii", "detect");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("712", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_PiiRedact_RedactsStdin()
    {
        var result = await CliRunner.RunProcessWithInputAsync("call me at +254 712 345 678\n", "pii", "redact");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("call me at <PHONE_NUMBER>\n", result.Out);
    }
}
