using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Governance.Fairness;

namespace Nonprofit.Cli.Governance;

/// <summary>
/// <c>nonprofit governance audit DECISIONS.csv --group COLUMN --outcome COLUMN [--decision COLUMN] [--format text|json|markdown]
/// [--resamples N] [--seed N] [--chart OUT.png] [--fail-on-breach]</c>: fairness metrics per group and between groups,
/// with bootstrap intervals and the breaches of the default thresholds.
/// </summary>
internal static class GovernanceAuditCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("DECISIONS.csv") { Description = "A CSV decision log with a header row (RFC 4180)." };
        var group = new Option<string>("--group") { Description = "The column holding the group (region, sex, age band ...).", Required = true, HelpName = "COLUMN" };
        var outcome = new Option<string?>("--outcome")
        {
            Description = "The column holding the true outcome (1/0, true/false, yes/no; empty = unknown), for equal opportunity and equalised odds.",
            HelpName = "COLUMN",
        };
        var decision = new Option<string>("--decision")
        {
            Description = "The column holding the decision (1 = selected, prioritised or escalated).",
            HelpName = "COLUMN",
            DefaultValueFactory = _ => "decision",
        };
        var format = new Option<string>("--format") { Description = "text (default), json or markdown.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples for the intervals (0 for none).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap, so a rerun prints the same intervals.", DefaultValueFactory = _ => 0 };
        var chart = new Option<string?>("--chart") { Description = "Also draw selection rates per group with intervals as a PNG.", HelpName = "OUT.png" };
        var failOnBreach = new Option<bool>("--fail-on-breach") { Description = "Exit with code 1 when a threshold is breached." };
        var command = new Command(
            "audit",
            "Audit a decision log for bias: selection rate, true and false positive rates per group, demographic parity, equal opportunity and " +
            "equalised odds differences and ratios (Fairlearn's definitions) with bootstrap intervals. Exit 0, or 1 with --fail-on-breach when a " +
            "threshold is breached (parity ratio < 0.8, differences > 0.1); 2 on bad input.")
        {
            file,
            group,
            outcome,
            decision,
            format,
            resamples,
            seed,
            chart,
            failOnBreach,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(file)!,
            parseResult.GetValue(group)!,
            parseResult.GetValue(decision)!,
            parseResult.GetValue(outcome),
            parseResult.GetValue(format)!,
            parseResult.GetValue(resamples),
            parseResult.GetValue(seed),
            parseResult.GetValue(chart),
            parseResult.GetValue(failOnBreach),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string path, string group, string decision, string? outcome, string format, int resamples, int seed,
        string? chart, bool failOnBreach, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{path}: no such file.");
        }

        if (resamples < 0)
        {
            throw new CliException(ExitCodes.BadInput, "--resamples must be 0 or more.");
        }

        DecisionSample sample;
        try
        {
            sample = await FairnessData.ReadCsvAsync(path, group, decision, outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            // The reader's messages name the line and column, never a cell's content.
            throw new CliException(ExitCodes.BadInput, $"{path}: {ex.Message}");
        }

        var report = FairnessAudit.Run(sample, new FairnessAuditOptions { BootstrapResamples = resamples, Seed = seed });
        switch (format)
        {
            case "json":
                await console.Out.WriteLineAsync(ToJson(report)).ConfigureAwait(false);
                break;
            case "markdown":
                await console.Out.WriteAsync(report.ToMarkdown()).ConfigureAwait(false);
                break;
            default:
                await console.Out.WriteAsync(ToText(report)).ConfigureAwait(false);
                break;
        }

        if (chart is not null)
        {
            report.SaveChartPng(chart);
            await console.Error.WriteLineAsync($"wrote {chart} (chart).").ConfigureAwait(false);
        }

        return failOnBreach && report.Breaches.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static string ToText(FairnessReport report)
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"group",-20} {"count",10} {"selection rate",24} {"TPR",24} {"FPR",24}\n");
        foreach (var g in report.Groups)
        {
            text.Append(CultureInfo.InvariantCulture, $"{g.Group,-20} {g.Count,10} {Estimate(g.SelectionRate),24} {Estimate(g.TruePositiveRate),24} {Estimate(g.FalsePositiveRate),24}\n");
        }

        text.Append('\n');
        foreach (var m in report.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Name(m.Metric),-36} {Estimate(m.Estimate)}\n");
        }

        text.Append('\n');
        text.Append(report.Breaches.Count == 0
            ? "no breach of the thresholds\n"
            : string.Concat(report.Breaches.Select(b => "BREACH: " + b.Describe() + "\n")));
        return text.ToString();
    }

    private static string ToJson(FairnessReport report)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("groups");
            foreach (var g in report.Groups)
            {
                json.WriteStartObject();
                json.WriteString("group", g.Group);
                json.WriteNumber("count", g.Count);
                json.WriteNumber("selected", g.Selected);
                json.WriteNumber("positives", g.Positives);
                json.WriteNumber("negatives", g.Negatives);
                Write(json, "selectionRate", g.SelectionRate);
                Write(json, "truePositiveRate", g.TruePositiveRate);
                Write(json, "falsePositiveRate", g.FalsePositiveRate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("metrics");
            foreach (var m in report.Metrics)
            {
                Write(json, JsonNamingPolicy.CamelCase.ConvertName(m.Metric.ToString()), m.Estimate);
            }

            json.WriteEndObject();
            json.WriteStartArray("breaches");
            foreach (var b in report.Breaches)
            {
                json.WriteStringValue(b.Describe());
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, string name, FairnessEstimate estimate)
    {
        json.WriteStartObject(name);
        WriteNumber(json, "value", estimate.Value);
        WriteNumber(json, "lower", estimate.Lower);
        WriteNumber(json, "upper", estimate.Upper);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Estimate(FairnessEstimate e) =>
        !double.IsFinite(e.Value) ? "undefined"
        : e.HasInterval ? string.Create(CultureInfo.InvariantCulture, $"{e.Value:0.0000} [{e.Lower:0.0000}, {e.Upper:0.0000}]")
        : e.Value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Name(FairnessMetric metric) => metric switch
    {
        FairnessMetric.DemographicParityDifference => "demographic parity difference",
        FairnessMetric.DemographicParityRatio => "demographic parity ratio",
        FairnessMetric.EqualOpportunityDifference => "equal opportunity difference",
        FairnessMetric.EqualOpportunityRatio => "equal opportunity ratio",
        FairnessMetric.FalsePositiveRateDifference => "false positive rate difference",
        FairnessMetric.FalsePositiveRateRatio => "false positive rate ratio",
        FairnessMetric.EqualizedOddsDifference => "equalised odds difference",
        FairnessMetric.EqualizedOddsRatio => "equalised odds ratio",
        _ => metric.ToString(),
    };
}
