using System.Reflection;
using Nonprofit.Monitoring.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Fetosense.Monitor.Tests;

/// <summary>The report folder, and its JSON against <c>nonprofit ctg analyze</c> on the same recording.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fetosense-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("FHRMAdataset/traindata/train01.fhr")]
    [InlineData("FHRMAdataset/testdata/test05.fhr")]
    public async Task Replay_ReportJson_IsExactlyTheCliAnalyzeOutput(string file)
    {
        // The GPL-3.0 recording is read in place, never copied.
        var path = Path.Combine(SharedData.Fhrma, file);
        var report = Path.Combine(_dir, "report");
        var output = new StringWriter();
        var code = await App.RunAsync(["--replay", path, "--speed", "0", "--data", _dir, "--out", report], output, new StringWriter(), new FakeTimeProvider(), null, CancellationToken.None);
        Assert.Equal(0, code);

        var cli = await RunCliAsync("ctg", "analyze", path);
        var sample = await File.ReadAllTextAsync(Path.Combine(report, "analysis.json"));
        Assert.Equal(cli, sample);
        Assert.StartsWith("{\"samples\":", sample, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visit_WritesChartJsonAndSummary()
    {
        var report = Path.Combine(_dir, "r");
        var code = await App.RunAsync(["--scenario", "prolonged-bradycardia", "--speed", "0", "--data", _dir, "--out", report, "--lang", "fr"], new StringWriter(), new StringWriter(), new FakeTimeProvider(), null, CancellationToken.None);
        Assert.Equal(0, code);

        var png = await File.ReadAllBytesAsync(Path.Combine(report, "ctg.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var summary = await File.ReadAllTextAsync(Path.Combine(report, "summary.md"));
        Assert.Contains("FIGO: **pathologique**", summary, StringComparison.Ordinal);
        Assert.Contains("transférer d'urgence", summary, StringComparison.Ordinal);
        Assert.Contains("ProlongedDeceleration Started", summary, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(Path.Combine(report, "analysis.json"));
        Assert.Contains("\"category\":\"pathological\"", json, StringComparison.Ordinal);
    }

    /// <summary>Runs the CLI in process (its entry is internal: reached by reflection) and returns its standard output.</summary>
    private static async Task<string> RunCliAsync(params string[] args)
    {
        var cli = Assembly.Load("Nonprofit.Cli");
        var output = new StringWriter();
        var console = Activator.CreateInstance(cli.GetType("Nonprofit.Cli.CliConsole", throwOnError: true)!, TextReader.Null, output, new StringWriter())!;
        var invoke = cli.GetType("Nonprofit.Cli.NonprofitCli", throwOnError: true)!.GetMethod("InvokeAsync", BindingFlags.Public | BindingFlags.Static)!;
        var code = await (Task<int>)invoke.Invoke(null, [args, console, CancellationToken.None])!;
        Assert.Equal(0, code);
        return output.ToString().ReplaceLineEndings("\n");
    }
}
