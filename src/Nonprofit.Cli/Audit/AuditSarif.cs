using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Nonprofit.Cli.Audit;

/// <summary>Writes audit findings as a SARIF 2.1.0 log: every rule with its help link, every result relative to SRCROOT.</summary>
internal static class AuditSarif
{
    public static string Write(IReadOnlyList<AuditFinding> findings, IReadOnlyList<DiagnosticDescriptor> rules, string root)
    {
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var rootUri = new Uri(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root)) + "/").AbsoluteUri;
        return SarifLog.Write(
            "nonprofit audit",
            "https://github.com/nonprofit-sdk/Nonprofit.Sdk/blob/main/docs/analyzers.md",
            rules.Select(r => (object)new
            {
                id = r.Id,
                name = r.Title.ToString(CultureInfo.InvariantCulture),
                shortDescription = new { text = r.Title.ToString(CultureInfo.InvariantCulture) },
                fullDescription = new { text = r.Description.ToString(CultureInfo.InvariantCulture) },
                helpUri = r.HelpLinkUri,
                defaultConfiguration = new { level = r.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning" },
                properties = new { category = r.Category },
            }),
            findings.Select(f => (object)new
            {
                ruleId = f.RuleId,
                ruleIndex = ruleIndex.TryGetValue(f.RuleId, out var index) ? index : -1,
                level = f.Level,
                message = new { text = f.Message },
                locations = new[]
                {
                    new
                    {
                        physicalLocation = new
                        {
                            artifactLocation = new { uri = Uri.EscapeDataString(f.File).Replace("%2F", "/", StringComparison.Ordinal), uriBaseId = "SRCROOT" },
                            region = new { startLine = f.Line, startColumn = f.Column, endLine = f.EndLine, endColumn = f.EndColumn },
                        },
                    },
                },
            }),
            new Dictionary<string, object> { ["SRCROOT"] = new { uri = rootUri } },
            indented: true);
    }
}
