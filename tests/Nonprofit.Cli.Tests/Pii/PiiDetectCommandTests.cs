using System.Text.Json;

namespace Nonprofit.Cli.Tests.Pii;

public sealed class PiiDetectCommandTests
{
    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Detect_JsonLines_WritesOneSpansLinePerInputInOrder()
    {
        const string Input =
            "{\"text\":\"write to jane@example.org\"}\n" +
            "{\"text\":\"\\ud83d\\ude00 call me at +254 712 345 678\"}\n" +
            "{\"text\":\"nothing here\"}\n" +
            "{\"text\":\"😀😀 x@example.org\",\"id\":7}\n";

        var result = await CliRunner.InvokeAsync(Input, "pii", "detect");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            [
                "{\"spans\":[{\"start\":9,\"end\":25,\"type\":\"EMAIL_ADDRESS\",\"score\":0.95}]}",
                "{\"spans\":[{\"start\":14,\"end\":30,\"type\":\"PHONE_NUMBER\",\"score\":1}]}", // the emoji counts as 2 UTF-16 units
                "{\"spans\":[]}",
                "{\"spans\":[{\"start\":5,\"end\":18,\"type\":\"EMAIL_ADDRESS\",\"score\":0.95}]}",
            ],
            Lines(result.Out));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Detect_SpansIndexTheDecodedTextInUtf16()
    {
        const string Text = "né 😀 — write to jane@example.org";
        var input = JsonSerializer.Serialize(new { text = Text }) + "\n";

        var result = await CliRunner.InvokeAsync(input, "pii", "detect");

        using var document = JsonDocument.Parse(Assert.Single(Lines(result.Out)));
        var span = Assert.Single(document.RootElement.GetProperty("spans").EnumerateArray().ToArray());
        var start = span.GetProperty("start").GetInt32();
        var end = span.GetProperty("end").GetInt32();
        Assert.Equal("jane@example.org", Text[start..end]);
    }

    [Fact]
    public async Task Detect_LoneSurrogateEscape_ExitsTwoNamesTheLineNotAnInternalError()
    {
        const string Input = "{\"text\":\"nothing here\"}\n{\"text\":\"call \\udc00 +254 712 345 678\"}\n";

        var result = await CliRunner.InvokeAsync(Input, "pii", "detect");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(Lines(result.Out));
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("surrogate", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("712", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_InvalidJsonOnLine3_ExitsTwoNamesTheLineAndKeepsEarlierOutput()
    {
        const string Input =
            "{\"text\":\"write to jane@example.org\"}\n" +
            "{\"text\":\"nothing here\"}\n" +
            "{\"text\":\"call +254 712 345 678 secret\"\n" +
            "{\"text\":\"never read\"}\n";

        var result = await CliRunner.InvokeAsync(Input, "pii", "detect");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(2, Lines(result.Out).Length);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("712", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"call +254 712 345 678\"]")]
    [InlineData("{\"message\":\"call +254 712 345 678\"}")]
    [InlineData("{\"text\":254712345678}")]
    [InlineData("")]
    public async Task Detect_LineWithoutStringTextField_ExitsTwoAndNamesLine1(string line)
    {
        var result = await CliRunner.InvokeAsync(line + "\n", "pii", "detect");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("line 1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("712", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Detect_EmptyInput_WritesNothingAndSucceeds()
    {
        var result = await CliRunner.InvokeAsync("", "pii", "detect");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Detect_UnknownLanguage_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync("{\"text\":\"x\"}\n", "pii", "detect", "--lang", "xx");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("xx", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("fr", "{\"text\":\"appelle-moi au 06 12 34 56 78\"}", 15, 29)]
    [InlineData("sw", "{\"text\":\"piga simu 0712 345 678\"}", 10, 22)]
    [InlineData("hi", "{\"text\":\"call 98765 43210\"}", 5, 16)]
    public async Task Detect_KnownLanguage_FindsNationalPhoneNumbers(string lang, string line, int start, int end)
    {
        var result = await CliRunner.InvokeAsync(line + "\n", "pii", "detect", "--lang", lang);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = JsonDocument.Parse(Assert.Single(Lines(result.Out)));
        var span = Assert.Single(document.RootElement.GetProperty("spans").EnumerateArray().ToArray());
        Assert.Equal("PHONE_NUMBER", span.GetProperty("type").GetString());
        Assert.Equal((start, end), (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32()));
    }
}
