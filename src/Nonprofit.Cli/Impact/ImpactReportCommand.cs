using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Impact;
using Nonprofit.Impact.Reporting;

namespace Nonprofit.Cli.Impact;

/// <summary>
/// <c>nonprofit impact report --framework FRAMEWORK.json [--store DB] [--as-of YYYY-MM-DD] [--lang xx] [--out REPORT.md]
/// [--chart OUT.png]</c>: progress against target per indicator and period as Markdown (stdout or a file) and,
/// with <c>--chart</c>, a PNG bar chart of the latest period.
/// </summary>
internal static class ImpactReportCommand
{
    public static Command Create(CliConsole console)
    {
        var framework = new Option<string>("--framework") { Description = "The results framework (JSON).", HelpName = "FRAMEWORK.json", Required = true };
        var store = new Option<string?>("--store")
        {
            Description = "An impact store database (SQLite) to aggregate the actuals from; without it, the framework's own actuals are reported. The file must exist.",
            HelpName = "DB",
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The day to judge periods in progress at (yyyy-MM-dd); today (UTC) when omitted.",
            HelpName = "YYYY-MM-DD",
        };
        var lang = new Option<string?>("--lang") { Description = "The language of indicator and result names (ISO 639-1), when the framework has several.", HelpName = "xx" };
        var output = new Option<string?>("--out") { Description = "The Markdown file to write; stdout when omitted.", HelpName = "REPORT.md" };
        var chart = new Option<string?>("--chart") { Description = "Also draw the latest period of each indicator as a PNG bar chart (100 % = target).", HelpName = "OUT.png" };
        var command = new Command(
            "report",
            "Report progress against target per indicator and period: a Markdown summary and table, and a PNG chart with --chart. " +
            "Exit 0 when written; exit 2 when a file is missing or the framework is invalid.")
        {
            framework,
            store,
            asOf,
            lang,
            output,
            chart,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(framework)!,
            parseResult.GetValue(store),
            parseResult.GetValue(asOf),
            parseResult.GetValue(lang),
            parseResult.GetValue(output),
            parseResult.GetValue(chart),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        CliConsole console, string frameworkPath, string? storePath, string? asOfText, string? language, string? outPath, string? chartPath, CancellationToken cancellationToken)
    {
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        if (asOfText is not null && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            throw new CliException(ExitCodes.BadInput, "--as-of: expected a date as yyyy-MM-dd.");
        }

        ImpactFiles.RequireFile(frameworkPath, "--framework");
        if (storePath is not null)
        {
            ImpactFiles.RequireFile(storePath, "--store");
        }

        if (outPath is not null)
        {
            ImpactFiles.RequireOutputFolder(outPath, "--out");
        }

        if (chartPath is not null)
        {
            ImpactFiles.RequireOutputFolder(chartPath, "--chart");
        }

        ResultsFramework framework;
        try
        {
            framework = await ImpactFiles.ReadFrameworkAsync(frameworkPath, "--framework", cancellationToken).ConfigureAwait(false);
        }
        catch (FrameworkValidationException ex)
        {
            throw ImpactFiles.BadInput($"--framework: {frameworkPath} is not a valid results framework:", ex.Errors);
        }

        if (storePath is not null)
        {
            framework = await ImpactExportCommand.WithStoreActualsAsync(framework, storePath, cancellationToken).ConfigureAwait(false);
        }

        var rows = ProgressReport.Compute(framework, asOf, language);
        var markdown = ProgressReport.ToMarkdown(framework, rows, asOf);
        if (outPath is null)
        {
            await console.Out.WriteAsync(markdown.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(outPath, markdown, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"wrote {outPath} (report).").ConfigureAwait(false);
        }

        if (chartPath is not null)
        {
            ProgressReport.SaveChartPng(rows, asOf, chartPath);
            await console.Error.WriteLineAsync($"wrote {chartPath} (chart).").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
