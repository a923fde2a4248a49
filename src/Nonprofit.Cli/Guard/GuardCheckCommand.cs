using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.AI.Guards;
using Nonprofit.Cli.Pii;

namespace Nonprofit.Cli.Guard;

/// <summary>
/// <c>nonprofit guard check [--guards crisis,injection,scope,language,output] [--scope-config FILE]</c>: JSON Lines in
/// (objects with a <c>"text"</c> field), one JSON line out per input line, in order:
/// <c>{"verdict":"escalate","categories":["crisis.self_harm"],"score":0.93,"language":"fr"}</c>. The contract is fixed:
/// other tools read it.
/// </summary>
internal static class GuardCheckCommand
{
    private static readonly JsonSerializerOptions s_scopeJson = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static Command Create(CliConsole console)
    {
        var guards = new Option<string?>("--guards")
        {
            Description = "Comma-separated guards to run: " + string.Join(",", GuardChecker.GuardNames) +
                ". Default: crisis,injection,language, and scope when --scope-config is given; output checks each text as a model reply (any personal data in it counts as someone else's).",
        };
        var scopeConfig = new Option<FileInfo?>("--scope-config")
        {
            Description = "JSON file with the app's topics for the scope guard (ScopeOptions: Topics[{Name, Description, Examples}], OutOfScopeExamples, Threshold).",
        };
        var command = new Command(
            "check",
            "Read JSON Lines with a \"text\" field from stdin; write one verdict line per input, in order: " +
            "{\"verdict\":\"allow|block|escalate\",\"categories\":[...],\"score\":0.93,\"language\":\"fr\"}. " +
            "escalate: a crisis (a person in danger); block: injection, off-topic or unsafe content; allow: nothing found. " +
            "score: the strongest finding (for allow, the strongest finding under the thresholds, 0 when none). " +
            "language: ISO 639-1 code or \"unknown\".")
        {
            guards,
            scopeConfig,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var checker = GuardChecker.Create(parseResult.GetValue(guards), ReadScope(parseResult.GetValue(scopeConfig)));
            return RunAsync(console, checker, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, GuardChecker checker, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            var text = PiiDetectCommand.ReadText(line, lineNumber);
            await console.Out.WriteLineAsync(Format(checker.Check(text))).ConfigureAwait(false);
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    internal static string Format(GuardCheckResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("verdict", result.Verdict);
            writer.WriteStartArray("categories");
            foreach (var category in result.Categories)
            {
                writer.WriteStringValue(category);
            }

            writer.WriteEndArray();
            writer.WriteNumber("score", Math.Round(result.Score, 2));
            writer.WriteString("language", result.Language);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ScopeOptions? ReadScope(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new CliException(ExitCodes.BadInput, $"--scope-config: the file '{file.Name}' does not exist.");
        }

        ScopeOptions? options;
        try
        {
            using var stream = file.OpenRead();
            options = JsonSerializer.Deserialize<ScopeOptions>(stream, s_scopeJson);
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"--scope-config: not a valid scope configuration (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}).");
        }

        return options ?? throw new CliException(ExitCodes.BadInput, "--scope-config: the file holds no configuration.");
    }
}

/// <summary>One text's result: the contract's four fields.</summary>
/// <param name="Verdict"><c>allow</c>, <c>block</c> or <c>escalate</c>.</param>
/// <param name="Categories">The categories at or over their guard's threshold, strongest first.</param>
/// <param name="Score">The strongest flagged finding's score; for <c>allow</c>, the strongest finding under the thresholds (0 when none).</param>
/// <param name="Language">The ISO 639-1 code of the text's language, or <c>unknown</c>.</param>
internal sealed record GuardCheckResult(string Verdict, IReadOnlyList<string> Categories, double Score, string Language);

/// <summary>Runs the selected guards' default detectors on one text, as the guards in a pipeline would decide.</summary>
internal sealed class GuardChecker
{
    public static readonly string[] GuardNames = ["crisis", "injection", "scope", "language", "output"];

    /// <summary>The guards run without <c>--guards</c>: those that check a user's message (output checks replies).</summary>
    public static readonly string[] DefaultGuards = ["crisis", "injection", "scope", "language"];

    private readonly List<GuardRun> _checks;
    private readonly ILanguageIdentifier _language;

    private GuardChecker(List<GuardRun> checks, ILanguageIdentifier language)
    {
        _checks = checks;
        _language = language;
    }

    /// <summary>Creates a checker for a <c>--guards</c> list (null: the default set).</summary>
    /// <exception cref="CliException">An unknown guard name, or scope without a configuration.</exception>
    public static GuardChecker Create(string? guards, ScopeOptions? scope)
    {
        var names = guards is null
            ? [.. DefaultGuards.Where(n => n != "scope" || scope is not null)]
            : guards.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new CliException(ExitCodes.BadInput, "--guards: name at least one guard (" + string.Join(",", GuardNames) + ").");
        }

        var checks = new List<GuardRun>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            switch (name)
            {
                case "crisis":
                    checks.Add(new GuardRun(t => CrisisDetector.Instance.Detect(t), CrisisDetector.DefaultThreshold, "escalate"));
                    break;
                case "injection":
                    checks.Add(new GuardRun(t => PromptInjectionDetector.Default.Detect(t), PromptInjectionDetector.Default.Threshold, "block"));
                    break;
                case "scope":
                    var classifier = CreateScope(scope ?? throw new CliException(
                        ExitCodes.BadInput, "--guards scope needs --scope-config FILE: only the app knows its topics."));
                    checks.Add(new GuardRun(t => classifier.Detect(t), 0, "block"));
                    break;
                case "output":
                    // Each text is checked as a model reply, with no conversation around it: any personal data in it
                    // is someone else's.
                    checks.Add(new GuardRun(t => OutputSafetyDetector.Default.Detect(t), 0, "block"));
                    break;
                case "language":
                    break; // the language is always reported; a mismatch needs a reply, which a single text is not
                default:
                    throw new CliException(ExitCodes.BadInput, $"--guards: unknown guard '{name}'; use {string.Join(",", GuardNames)}.");
            }
        }

        return new GuardChecker(checks, LanguageIdentifier.Default);
    }

    private static SimilarityScopeClassifier CreateScope(ScopeOptions options)
    {
        try
        {
            return new SimilarityScopeClassifier(options);
        }
        catch (ArgumentException ex)
        {
            // The options' own validation message names the setting, never a topic's text.
            throw new CliException(ExitCodes.BadInput, "--scope-config: " + ex.Message);
        }
    }

    /// <summary>Checks one text.</summary>
    public GuardCheckResult Check(string text)
    {
        var flagged = new List<(string Category, double Score, string Verdict)>();
        var strongest = 0.0;
        foreach (var check in _checks)
        {
            foreach (var finding in check.Detect(text).Findings)
            {
                strongest = Math.Max(strongest, finding.Score);
                if (finding.Score >= check.Threshold)
                {
                    flagged.Add((finding.Category, finding.Score, check.Verdict));
                }
            }
        }

        var language = _language.Identify(text).Language;
        if (flagged.Count == 0)
        {
            return new GuardCheckResult("allow", [], strongest, language);
        }

        var verdict = flagged.Any(f => f.Verdict == "escalate") ? "escalate" : "block";
        var categories = flagged.OrderByDescending(f => f.Score).Select(f => f.Category).Distinct(StringComparer.Ordinal).ToArray();
        return new GuardCheckResult(verdict, categories, flagged.Max(f => f.Score), language);
    }

    private sealed record GuardRun(Func<string, Nonprofit.AI.Guards.Detection.GuardDetection> Detect, double Threshold, string Verdict);
}
