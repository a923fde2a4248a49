using System.Diagnostics;
using System.Text;

namespace Nonprofit.Cli.Tests.Pii;

/// <summary>Findings 4 and 11 (stop 27): special files, links and UTF-16 files in <c>pii scan</c>.</summary>
public sealed class PiiScanRobustnessTests
{
    private const string Mail = "mail someone@example.org today\n";

    private static async Task<CliResult> ScanWithin20Seconds(params string[] args)
    {
        var run = Task.Run(() => CliRunner.InvokeAsync("", ["pii", "scan", .. args]));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == run, "pii scan did not finish within 20 s");
        return await run;
    }

    private static void AssertOnlyFinding(CliResult result, int exitCode, string path, int line)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal([$"{path}:{line}:6: EMAIL_ADDRESS"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Scan_FolderWithAFifo_SkipsItAndReportsTheOtherFiles()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("a.txt", Mail);
        using (var mkfifo = Process.Start("mkfifo", folder.File("pipe")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var result = await ScanWithin20Seconds(folder.Path, "--fail-on-pii");

        AssertOnlyFinding(result, ExitCodes.Findings, folder.File("a.txt"), 1);
    }

    [Fact]
    public async Task Scan_SymbolicLinkLoop_DoesNotFollowItAndReportsEachFileOnce()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Mail);
        Directory.CreateDirectory(folder.File("sub"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "up"), "..");

        var result = await ScanWithin20Seconds(folder.Path, "--fail-on-pii");

        AssertOnlyFinding(result, ExitCodes.Findings, folder.File("a.txt"), 1);
    }

    [Fact]
    public async Task Scan_DanglingLink_WarnsWithThePathOnlyKeepsTheFindingsAndExits2()
    {
        using var folder = new TempFolder();
        File.CreateSymbolicLink(folder.File("gone.txt"), folder.File("missing.txt"));
        folder.Write("z.txt", Mail);

        var result = await ScanWithin20Seconds(folder.Path);

        AssertOnlyFinding(result, ExitCodes.BadInput, folder.File("z.txt"), 1);
        Assert.Contains($"{folder.File("gone.txt")}: skipped (", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("someone@example.org", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_DanglingLinkWithFindingsAndFailOnPii_ExitsWithFindings()
    {
        using var folder = new TempFolder();
        File.CreateSymbolicLink(folder.File("gone.txt"), folder.File("missing.txt"));
        folder.Write("z.txt", Mail);

        var result = await ScanWithin20Seconds(folder.Path, "--fail-on-pii");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("skipped", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public async Task Scan_Utf16OrUtf32FileWithBom_IsReadAsText(string encoding)
    {
        using var folder = new TempFolder();
        var path = folder.File("export.txt");
        var bytes = Encoding.GetEncoding(encoding).GetPreamble().Concat(Encoding.GetEncoding(encoding).GetBytes("name\r\n" + Mail)).ToArray();
        await File.WriteAllBytesAsync(path, bytes);

        var result = await ScanWithin20Seconds(folder.Path, "--fail-on-pii");

        AssertOnlyFinding(result, ExitCodes.Findings, path, 2);
    }

    [Fact]
    public async Task Scan_BinaryFile_IsStillSkipped()
    {
        using var folder = new TempFolder();
        await File.WriteAllBytesAsync(folder.File("blob.bin"), [.. Encoding.UTF8.GetBytes(Mail), 0, 1, 2]);

        var result = await ScanWithin20Seconds(folder.Path, "--fail-on-pii");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Out);
    }
}
