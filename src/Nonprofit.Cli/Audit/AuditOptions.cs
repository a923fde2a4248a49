using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Nonprofit.Cli.Audit;

/// <summary>
/// The <c>.editorconfig</c> the audit applies (the <c>--config</c> file, read as if it sat at the audited folder's
/// root, or the folder's own <c>.editorconfig</c>): rule severities and <c>nonprofit_privacy.*</c> settings, plus the
/// syntax-fallback switch that tells the rules some types will not bind.
/// </summary>
internal sealed class AuditOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet? _set;
    private readonly Dictionary<string, AnalyzerConfigOptionsResult> _results = new(StringComparer.Ordinal);

    private AuditOptions(AnalyzerConfigSet? set)
    {
        _set = set;
        var global = new Dictionary<string, string>(StringComparer.Ordinal) { ["nonprofit_privacy.syntax_fallback"] = "true" };
        if (set is not null)
        {
            foreach (var pair in set.GlobalConfigOptions.AnalyzerOptions)
            {
                global[pair.Key] = pair.Value;
            }
        }

        GlobalOptions = new Options(global.ToImmutableDictionary(StringComparer.Ordinal));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <summary>Reads <paramref name="configPath"/> (or <paramref name="root"/>/.editorconfig when null and present).</summary>
    public static AuditOptions Load(string root, string? configPath)
    {
        var path = configPath ?? Path.Combine(root, ".editorconfig");
        if (!File.Exists(path))
        {
            return new AuditOptions(null);
        }

        var config = AnalyzerConfig.Parse(File.ReadAllText(path), Path.Combine(root, ".editorconfig"));
        return new AuditOptions(AnalyzerConfigSet.Create(ImmutableArray.Create(config)));
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree)
    {
        var result = Result(tree.FilePath);
        return result is null ? GlobalOptions : new Options(Merge(result.Value.AnalyzerOptions));
    }

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    /// <summary>The severity a diagnostic gets in its file: the config's, else its default.</summary>
    public ReportDiagnostic SeverityOf(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.SourceTree?.FilePath;
        var result = path is null ? null : Result(path);
        if (result is { } options && options.TreeOptions.TryGetValue(diagnostic.Id, out var severity))
        {
            return severity;
        }

        if (_set is not null && _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnostic.Id, out severity))
        {
            return severity;
        }

        return diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => ReportDiagnostic.Error,
            DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
            DiagnosticSeverity.Info => ReportDiagnostic.Info,
            _ => ReportDiagnostic.Hidden,
        };
    }

    private AnalyzerConfigOptionsResult? Result(string path)
    {
        if (_set is null)
        {
            return null;
        }

        lock (_results)
        {
            if (!_results.TryGetValue(path, out var result))
            {
                result = _set.GetOptionsForSourcePath(path);
                _results[path] = result;
            }

            return result;
        }
    }

    private static ImmutableDictionary<string, string> Merge(ImmutableDictionary<string, string> treeOptions)
    {
        var merged = treeOptions.ToBuilder();
        merged["nonprofit_privacy.syntax_fallback"] = "true";
        return merged.ToImmutable();
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
