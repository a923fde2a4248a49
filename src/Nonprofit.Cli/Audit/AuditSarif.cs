using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Nonprofit.Cli.Audit;

/// <summary>Writes audit findings as a SARIF 2.1.0 log: every rule with its help link, every result relative to SRCROOT.</summary>
internal static class AuditSarif
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string Write(IReadOnlyList<AuditFinding> findings, IReadOnlyList<DiagnosticDescriptor> rules, string root)
    {
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var rootUri = new Uri(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root)) + "/").AbsoluteUri;
        var log = new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new object[]
            {
                new
                {
                    tool = new
                    {
                        driver = new
                        {
                            name = "nonprofit audit",
                            informationUri = "https://github.com/nonprofit-sdk/Nonprofit.Sdk/blob/main/docs/analyzers.md",
                            version = VersionAction.Version,
                            rules = rules.Select(r => new
                            {
                                id = r.Id,
                                name = r.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                shortDescription = new { text = r.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                                fullDescription = new { text = r.Description.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                                helpUri = r.HelpLinkUri,
                                defaultConfiguration = new { level = r.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning" },
                                properties = new { category = r.Category },
                            }),
                        },
                    },
                    originalUriBaseIds = new Dictionary<string, object> { ["SRCROOT"] = new { uri = rootUri } },
                    results = findings.Select(f => new
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
                },
            },
        };

        return JsonSerializer.Serialize(log, s_indented);
    }
}
