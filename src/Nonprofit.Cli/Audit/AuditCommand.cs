using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Nonprofit.Analyzers;

namespace Nonprofit.Cli.Audit;

/// <summary>
/// <c>nonprofit audit PATH [--sarif OUT.sarif] [--config .editorconfig]</c>: runs every NP1xxx rule on a folder of C#
/// sources without building it. Prints <c>file(line,col): NP1xxx: message</c> lines, then a count per rule and a total;
/// exit 1 when a finding is at warning or above, 0 otherwise, 2 on bad input.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("PATH") { Description = "The folder of C# sources to audit (bin/ and obj/ are skipped)." };
        var sarif = new Option<string?>("--sarif") { Description = "Also write the findings as SARIF 2.1.0 to this file.", HelpName = "OUT.sarif" };
        var config = new Option<string?>("--config")
        {
            Description = "An .editorconfig with rule severities and nonprofit_privacy.* settings, applied as if at PATH's root (default: PATH/.editorconfig).",
            HelpName = ".editorconfig",
        };
        var command = new Command(
            "audit",
            "Run the Nonprofit.Analyzers data-protection rules (NP1xxx) on a folder of C# sources without building it: works on old or broken code. Exit 0 clean, 1 findings at warning or above, 2 bad input.")
        {
            path,
            sarif,
            config,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(console, parseResult.GetValue(path)!, parseResult.GetValue(sarif), parseResult.GetValue(config), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string path, string? sarifPath, string? configPath, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{path}: no such folder.");
        }

        if (configPath is not null && !File.Exists(configPath))
        {
            throw new CliException(ExitCodes.BadInput, $"--config: {configPath}: no such file.");
        }

        var root = Path.GetFullPath(path);
        var files = SourceCompilation.FindSources(root);
        var findings = await AnalyzeAsync(root, files, configPath, cancellationToken).ConfigureAwait(false);

        foreach (var finding in findings)
        {
            await console.Out.WriteLineAsync(finding.ToString()).ConfigureAwait(false);
        }

        await WriteSummaryAsync(console.Out, findings, files.Count).ConfigureAwait(false);
        if (sarifPath is not null)
        {
            var rules = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            await File.WriteAllTextAsync(sarifPath, AuditSarif.Write(findings, rules, root), cancellationToken).ConfigureAwait(false);
        }

        return findings.Any(f => f.Severity is ReportDiagnostic.Warn or ReportDiagnostic.Error) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>Runs every rule on the sources under <paramref name="root"/>; findings sorted by file, line, column and rule.</summary>
    public static async Task<IReadOnlyList<AuditFinding>> AnalyzeAsync(string root, IReadOnlyList<string> files, string? configPath, CancellationToken cancellationToken)
    {
        var compilation = SourceCompilation.Create(root, files, cancellationToken);
        var options = AuditOptions.Load(root, configPath);
        var analyzers = AllAnalyzers.Create();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([], options),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        var findings = new List<AuditFinding>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Id.StartsWith("NP", StringComparison.Ordinal))
            {
                // An analyzer failure (AD0001) is a bug in the rules, not a finding in the audited code.
                throw new InvalidOperationException("An analyzer failed: " + diagnostic.Id);
            }

            var severity = options.SeverityOf(diagnostic);
            if (severity is ReportDiagnostic.Suppress or ReportDiagnostic.Hidden || !diagnostic.Location.IsInSource)
            {
                continue;
            }

            var span = diagnostic.Location.GetLineSpan();
            var relative = Path.GetRelativePath(root, span.Path).Replace('\\', '/');
            findings.Add(new AuditFinding(
                relative,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                diagnostic.Id,
                severity,
                diagnostic.GetMessage(CultureInfo.InvariantCulture)));
        }

        return findings
            .Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task WriteSummaryAsync(TextWriter output, IReadOnlyList<AuditFinding> findings, int fileCount)
    {
        var titles = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics)
            .ToDictionary(d => d.Id, d => d.Title.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        if (findings.Count > 0)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} ({titles[group.Key]})")).ConfigureAwait(false);
        }

        var errors = findings.Count(f => f.Severity == ReportDiagnostic.Error);
        var warnings = findings.Count(f => f.Severity == ReportDiagnostic.Warn);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{findings.Count} findings ({errors} errors, {warnings} warnings, {findings.Count - errors - warnings} notes) in {fileCount} files.")).ConfigureAwait(false);
    }
}
