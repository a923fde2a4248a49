using System.Text.Json;

namespace Nonprofit.Cli.Tests.Pii;

public sealed class PiiScanCommandTests
{
    private static readonly string[] s_values = ["+254 712 345 678", "712 345", "jane.doe@example.org", "GB82WEST12345698765432", "jane"];

    private static TempFolder CreateFolder()
    {
        var folder = new TempFolder();
        folder.Write("notes.txt", "first line is clean\ncall me at +254 712 345 678\n");
        folder.Write("contacts.csv", "name,email\nx,jane.doe@example.org\n");
        folder.Write("data.json", "{\"iban\": \"GB82WEST12345698765432\"}\n");
        folder.Write("clean.txt", "nothing to report here\n");
        folder.Write(Path.Combine("bin", "skipped.txt"), "call me at +254 712 345 678\n"); // build output is skipped
        return folder;
    }

    private static void AssertNoValues(CliResult result)
    {
        foreach (var value in s_values)
        {
            Assert.DoesNotContain(value, result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(value, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_TextFormat_ListsPathLineColumnAndType()
    {
        using var folder = CreateFolder();

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            [
                $"{Path.Combine(folder.Path, "contacts.csv")}:2:3: EMAIL_ADDRESS",
                $"{Path.Combine(folder.Path, "data.json")}:1:11: IBAN_CODE",
                $"{Path.Combine(folder.Path, "notes.txt")}:2:12: PHONE_NUMBER",
            ],
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("3 finding(s) in 4 file(s)", result.Error, StringComparison.Ordinal);
        AssertNoValues(result);
    }

    [Fact]
    public async Task Scan_FileLongerThanABatchOfLines_ReportsEveryLineWhereItIs()
    {
        // Lines go to the detector in batches of 256: findings on the edges of the batches keep their line numbers.
        int[] withPhone = [1, 255, 256, 257, 512, 513, 700];
        var lines = Enumerable.Range(1, 700).Select(n => withPhone.Contains(n) ? $"line {n:000} call +254 712 345 678" : $"line {n:000} is clean");
        using var folder = new TempFolder();
        folder.Write("long.txt", string.Join('\n', lines) + "\n");

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            withPhone.Select(n => $"{Path.Combine(folder.Path, "long.txt")}:{n}:15: PHONE_NUMBER"),
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("7 finding(s) in 1 file(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_LongLines_EndABatchEarlyAndKeepTheirLineNumbers()
    {
        // A batch also ends once its lines hold 64K characters (long lines are not held 256 at a time): findings
        // before, on and after such ends keep their line and column.
        var filler = new string('a', 40_000);
        int[] withPhone = [1, 2, 3, 5, 6];
        var lines = Enumerable.Range(1, 6).Select(n => withPhone.Contains(n) ? $"{filler} call +254 712 345 678" : filler);
        using var folder = new TempFolder();
        folder.Write("wide.txt", string.Join('\n', lines) + "\n");

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            withPhone.Select(n => $"{Path.Combine(folder.Path, "wide.txt")}:{n}:40007: PHONE_NUMBER"),
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Scan_JsonFormat_WritesOneJsonObjectPerFinding()
    {
        using var folder = CreateFolder();

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var findings = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (
                File: Path.GetFileName(e.GetProperty("file").GetString()),
                Line: e.GetProperty("line").GetInt32(),
                Column: e.GetProperty("column").GetInt32(),
                Length: e.GetProperty("length").GetInt32(),
                Type: e.GetProperty("type").GetString(),
                Score: e.GetProperty("score").GetDouble()))
            .ToArray();
        Assert.Equal(
            [("contacts.csv", 2, 3, 20, "EMAIL_ADDRESS"), ("data.json", 1, 11, 22, "IBAN_CODE"), ("notes.txt", 2, 12, 16, "PHONE_NUMBER")],
            findings.Select(f => (f.File, f.Line, f.Column, f.Length, f.Type)));
        Assert.All(findings, f => Assert.InRange(f.Score, 0.5, 1.0));
        AssertNoValues(result);
    }

    [Fact]
    public async Task Scan_SarifFormat_IsSarif210WithOneResultPerFinding()
    {
        using var folder = CreateFolder();

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path, "--format", "sarif");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToArray());
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["PII_EMAIL_ADDRESS", "PII_IBAN_CODE", "PII_PHONE_NUMBER"], results.Select(r => r.GetProperty("ruleId").GetString()));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(["PII_EMAIL_ADDRESS", "PII_IBAN_CODE", "PII_PHONE_NUMBER"], rules);
        var phone = results[2].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("/notes.txt", phone.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        var region = phone.GetProperty("region");
        Assert.Equal((2, 12, 28), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        AssertNoValues(result);
    }

    [Fact]
    public async Task Scan_FailOnPiiWithFindings_ExitsOne()
    {
        using var folder = CreateFolder();

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path, "--fail-on-pii");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal(3, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        AssertNoValues(result);
    }

    [Fact]
    public async Task Scan_FailOnPiiOnCleanFolder_ExitsZero()
    {
        using var folder = new TempFolder();
        folder.Write("clean.txt", "nothing to report here\nFHR 140 bpm, version 1.2.3\n");
        folder.Write(Path.Combine("sub", "also-clean.csv"), "a,b\n1,2\n");

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path, "--fail-on-pii");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("0 finding(s) in 2 file(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_SingleFile_ScansThatFile()
    {
        using var folder = CreateFolder();
        var notes = Path.Combine(folder.Path, "notes.txt");

        var result = await CliRunner.InvokeAsync("", "pii", "scan", notes);

        Assert.Equal($"{notes}:2:12: PHONE_NUMBER\n", result.Out);
    }

    [Fact]
    public async Task Scan_BinaryFile_IsSkipped()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "image.bin"), [0x00, .. "call me at +254 712 345 678\n"u8.ToArray()]);

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path, "--fail-on-pii");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Scan_MissingPath_ExitsTwo()
    {
        using var folder = new TempFolder();

        var result = await CliRunner.InvokeAsync("", "pii", "scan", Path.Combine(folder.Path, "nope"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("nope", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_UnknownFormat_ExitsTwo()
    {
        using var folder = CreateFolder();

        var result = await CliRunner.InvokeAsync("", "pii", "scan", folder.Path, "--format", "xml");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Empty(result.Out);
    }
}
