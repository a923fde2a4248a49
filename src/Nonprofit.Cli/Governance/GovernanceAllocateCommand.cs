using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Governance.Allocation;
using Nonprofit.Governance.Records;
using Nonprofit.Impact;

namespace Nonprofit.Cli.Governance;

/// <summary>
/// <c>nonprofit governance allocate PROBLEM.json [--format text|json] [--lang en|fr] [--record DB [--requires-approval]]</c>:
/// solves the allocation exactly and prints it with the binding constraints, their shadow prices, each option's
/// sensitivity range and a plain-language explanation. Exit 0 solved, 1 infeasible (the conflicting constraints are
/// printed), 2 bad input.
/// </summary>
internal static class GovernanceAllocateCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("PROBLEM.json") { Description = "The allocation problem: budget, options (cost, impact per unit with an interval, min, max, groups, diminishing returns), equity floors, previous allocation." };
        var format = new Option<string>("--format") { Description = "text (default) or json (the allocation, constraints, shadow prices, sensitivity and the explanation).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = new Option<string>("--lang") { Description = "The language of the explanation: en or fr.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "fr");
        var record = new Option<string?>("--record")
        {
            Description = "Append the decision (inputs, output, explanation) to the tamper-evident decision log in this database (created if missing).",
            HelpName = "DB",
        };
        var requiresApproval = new Option<bool>("--requires-approval") { Description = "With --record: the decision takes effect only once a person approves it." };
        var command = new Command(
            "allocate",
            "Allocate a budget across options to maximise expected impact under floors, bounds and diminishing returns (exact, Google OR-Tools), " +
            "and explain it. Exit 0 solved, 1 infeasible (with the conflicting constraints), 2 bad input.")
        {
            file,
            format,
            lang,
            record,
            requiresApproval,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(file)!,
            parseResult.GetValue(format)!,
            parseResult.GetValue(lang)!,
            parseResult.GetValue(record),
            parseResult.GetValue(requiresApproval),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string path, string format, string language, string? recordPath, bool requiresApproval, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{path}: no such file.");
        }

        if (requiresApproval && recordPath is null)
        {
            throw new CliException(ExitCodes.BadInput, "--requires-approval needs --record DB.");
        }

        AllocationProblem problem;
        try
        {
            problem = await AllocationProblem.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw new CliException(ExitCodes.BadInput, ex.Message);
        }

        AllocationResult result;
        try
        {
            result = AllocationSolver.Solve(problem);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ExitCodes.BadInput, ex.Message);
        }

        var explanation = AllocationExplainer.Explain(problem, result, language);
        if (format == "json")
        {
            var payload = new { allocation = result, explanation };
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(payload, s_json)).ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteAsync(ToText(result, explanation)).ConfigureAwait(false);
        }

        var solved = result.Status is AllocationStatus.Optimal or AllocationStatus.Feasible;
        if (recordPath is not null && solved)
        {
            await RecordAsync(console, recordPath, problem, result, AllocationExplainer.Explain(problem, result, "en"), requiresApproval, cancellationToken).ConfigureAwait(false);
        }

        return solved ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static async Task RecordAsync(
        CliConsole console, string path, AllocationProblem problem, AllocationResult result, string explanation, bool requiresApproval, CancellationToken cancellationToken)
    {
        var output = JsonSerializer.SerializeToElement(
            new
            {
                status = result.Status.ToString(),
                totalSpend = result.TotalSpend,
                totalImpact = result.TotalImpact.Value,
                units = result.Options.ToDictionary(o => o.Id, o => o.Units, StringComparer.Ordinal),
            },
            s_json);
        using var inputs = JsonDocument.Parse(problem.ToJson());
        var log = new DecisionLog(new SqliteImpactStoreOptions { Path = path });
        await using (log.ConfigureAwait(false))
        {
            DecisionRecord stored;
            try
            {
                stored = await log.AppendAsync(
                    new DecisionDraft
                    {
                        Kind = DecisionKind.Allocation,
                        PolicyName = "nonprofit-governance-allocate",
                        PolicyVersion = typeof(AllocationSolver).Assembly.GetName().Version?.ToString() ?? "0",
                        Inputs = inputs.RootElement.Clone(),
                        Output = output,
                        Explanation = explanation,
                        RequiresApproval = requiresApproval,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCodes.BadInput, $"--record: the decision was not recorded: {ex.Message}");
            }

            await console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"recorded decision {stored.Id} as record {stored.Sequence} ({(requiresApproval ? "pending approval: it takes effect once approved" : "in effect")}).")).ConfigureAwait(false);
        }
    }

    private static string ToText(AllocationResult result, string explanation)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"status: {result.Status} ({result.SolverName})\n");
        if (result.Conflict is { } conflict)
        {
            text.Append("conflict: ").Append(conflict.Message).Append('\n');
            foreach (var c in conflict.Constraints)
            {
                text.Append("  - ").Append(c.Label).Append('\n');
            }
        }

        if (result.Status is AllocationStatus.Optimal or AllocationStatus.Feasible)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{"option",-24} {"units",12} {"spend",14} {"impact",14} {"previous",10} {"impact/unit range",26}\n");
            foreach (var o in result.Options)
            {
                var range = o.Sensitivity is { } s ? $"[{Bound(s.Low, "-inf")}, {Bound(s.High, "+inf")}]" : "";
                text.Append(CultureInfo.InvariantCulture, $"{o.Id,-24} {o.Units,12:0.###} {o.Spend,14:0.##} {o.Impact.Value,14:0.###} {(o.PreviousUnits is { } p ? p.ToString("0.###", CultureInfo.InvariantCulture) : "-"),10} {range,26}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"\ntotal spend {result.TotalSpend:0.##}; expected impact {result.TotalImpact.Value:0.###}");
            if (result.TotalImpact.Low is { } low && result.TotalImpact.High is { } high)
            {
                text.Append(CultureInfo.InvariantCulture, $" (interval {low:0.###} to {high:0.###})");
            }

            text.Append("\n\nbinding constraints (shadow price = impact gained per unit of relaxation):\n");
            foreach (var c in result.Constraints.Where(c => c.IsBinding))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {c.Label}: {(c.ShadowPrice is { } price ? price.ToString("0.######", CultureInfo.InvariantCulture) : "n/a (whole units)")}\n");
            }
        }

        text.Append('\n').Append(explanation).Append('\n');
        return text.ToString();
    }

    private static string Bound(double? value, string infinite) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : infinite;
}
