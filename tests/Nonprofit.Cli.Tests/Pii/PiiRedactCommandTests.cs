using System.Security.Cryptography;
using System.Text;

namespace Nonprofit.Cli.Tests.Pii;

/// <summary>
/// <c>pii redact</c>. The hash tests set and restore a process-wide environment variable; xUnit runs the tests
/// of one class one after another, and no other class reads that variable.
/// </summary>
public sealed class PiiRedactCommandTests
{
    private const string HashKeyVariable = "NONPROFIT_PII_HASH_KEY";
    private const string Input = "call me at +254 712 345 678 or jane.doe@example.org\nsecond line, nothing here\n";

    [Fact]
    public async Task Redact_DefaultOperator_WritesPlaceholders()
    {
        var result = await CliRunner.InvokeAsync(Input, "pii", "redact");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("call me at <PHONE_NUMBER> or <EMAIL_ADDRESS>\nsecond line, nothing here\n", result.Out);
    }

    [Fact]
    public async Task Redact_Placeholder_WritesPlaceholders()
    {
        var result = await CliRunner.InvokeAsync(Input, "pii", "redact", "--operator", "placeholder");

        Assert.Equal("call me at <PHONE_NUMBER> or <EMAIL_ADDRESS>\nsecond line, nothing here\n", result.Out);
    }

    [Fact]
    public async Task Redact_Mask_KeepsLengthAndSeparators()
    {
        var result = await CliRunner.InvokeAsync(Input, "pii", "redact", "--operator", "mask");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("call me at +*** *** *** *** or ****.***@*******.***\nsecond line, nothing here\n", result.Out);
        Assert.Equal(Input.Length, result.Out.Length);
    }

    [Fact]
    public async Task Redact_Pseudonym_IsConsistentAcrossTheInput()
    {
        const string Text = "call +254 712 345 678 or +33 6 12 34 56 78\nagain +254 712 345 678\n";

        var result = await CliRunner.InvokeAsync(Text, "pii", "redact", "--operator", "pseudonym");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("call <PHONE_NUMBER_1> or <PHONE_NUMBER_2>\nagain <PHONE_NUMBER_1>\n", result.Out);
    }

    [Fact]
    public async Task Redact_HashWithoutKey_ExitsTwoAndNamesTheVariable()
    {
        var saved = Environment.GetEnvironmentVariable(HashKeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(HashKeyVariable, null);

            var result = await CliRunner.InvokeAsync(Input, "pii", "redact", "--operator", "hash");

            Assert.Equal(ExitCodes.BadInput, result.ExitCode);
            Assert.Contains(HashKeyVariable, result.Error, StringComparison.Ordinal);
            Assert.Empty(result.Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HashKeyVariable, saved);
        }
    }

    [Theory]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")] // 16 bytes
    [InlineData("not base64!")]
    public async Task Redact_HashWithBadKey_ExitsTwo(string key)
    {
        var saved = Environment.GetEnvironmentVariable(HashKeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(HashKeyVariable, key);

            var result = await CliRunner.InvokeAsync(Input, "pii", "redact", "--operator", "hash");

            Assert.Equal(ExitCodes.BadInput, result.ExitCode);
            Assert.Contains(HashKeyVariable, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(key, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HashKeyVariable, saved);
        }
    }

    [Fact]
    public async Task Redact_HashWithKey_WritesHmacOfTypeAndValue()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("PHONE_NUMBER:+254 712 345 678"))[..8]);
        var saved = Environment.GetEnvironmentVariable(HashKeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(HashKeyVariable, Convert.ToBase64String(key));

            var result = await CliRunner.InvokeAsync("call me at +254 712 345 678\n", "pii", "redact", "--operator", "hash");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Equal($"call me at <PHONE_NUMBER:{expected}>\n", result.Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HashKeyVariable, saved);
        }
    }

    [Fact]
    public async Task Redact_UnknownOperator_ExitsTwo()
    {
        var result = await CliRunner.InvokeAsync(Input, "pii", "redact", "--operator", "shred");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Redact_Files_RedactsEachInOrderAndIgnoresStdin()
    {
        using var folder = new TempFolder();
        var first = folder.Write("first.txt", "first: call +254 712 345 678\n");
        var second = folder.Write("second.txt", "second: jane.doe@example.org\n");

        var result = await CliRunner.InvokeAsync("stdin: x@example.org\n", "pii", "redact", first, second);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("first: call <PHONE_NUMBER>\nsecond: <EMAIL_ADDRESS>\n", result.Out);
    }

    [Fact]
    public async Task Redact_MissingFile_ExitsTwoBeforeWritingAnything()
    {
        using var folder = new TempFolder();
        var present = folder.Write("present.txt", "call +254 712 345 678\n");
        var missing = Path.Combine(folder.Path, "missing.txt");

        var result = await CliRunner.InvokeAsync("", "pii", "redact", present, missing);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("missing.txt", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Redact_LargeInput_StreamsEveryLine()
    {
        var input = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            input.Append("line ").Append(i).Append(": call +254 712 345 678 now\n");
        }

        var result = await CliRunner.InvokeAsync(input.ToString(), "pii", "redact");

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2000, lines.Length);
        Assert.Equal("line 1999: call <PHONE_NUMBER> now", lines[^1]);
        Assert.DoesNotContain("712 345", result.Out, StringComparison.Ordinal);
    }
}
