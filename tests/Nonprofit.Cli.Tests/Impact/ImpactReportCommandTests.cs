using Nonprofit.Impact;

namespace Nonprofit.Cli.Tests.Impact;

public sealed class ImpactReportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Report_ToStdout_TabulatesProgress()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());

        var result = await CliRunner.InvokeAsync("", "impact", "report", "--framework", path, "--as-of", "2026-12-31");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("# Progress report: Safe homes programme", result.Out, StringComparison.Ordinal);
        Assert.Contains("| Survivors referred to shelter ({person}) | 2026-01-01 – 2026-03-31 | 120 | 200 | 150 | 38 % | off track |", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Report_WithStoreAndChart_WritesMarkdownAndPng()
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var database = _folder.File("impact.db");
        await using (var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = database }))
        {
            var at = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
            await store.AppendAsync([.. Enumerable.Range(0, 4).Select(i => new ImpactMeasurement($"e{i}", ImpactFixtures.IndicatorId, 50, [], at.AddHours(i)))]);
        }

        var report = _folder.File("report.md");
        var chart = _folder.File("chart.png");
        var result = await CliRunner.InvokeAsync("", "impact", "report", "--framework", path, "--store", database, "--as-of", "2026-12-31", "--out", report, "--chart", chart);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("| 120 | 200 | 200 | 100 % | achieved |", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(chart);
        Assert.Equal("PNG"u8.ToArray(), png[1..4]);
    }

    [Theory]
    [InlineData("--as-of", "31/12/2026")]
    [InlineData("--store", "missing.db")]
    public async Task Report_BadInput_ExitsTwo(string option, string value)
    {
        var path = _folder.WriteFramework(ImpactFixtures.Framework());
        var argument = option == "--store" ? _folder.File(value) : value;

        var result = await CliRunner.InvokeAsync("", "impact", "report", "--framework", path, option, argument);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("missing.db")));
    }
}
