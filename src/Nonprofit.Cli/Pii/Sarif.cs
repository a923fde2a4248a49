using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.Cli.Pii;

/// <summary>Writes scan findings as a SARIF 2.1.0 log (one rule per entity type; messages never hold values).</summary>
internal static class Sarif
{
    public static string Write(IReadOnlyList<PiiScanCommand.Finding> findings)
    {
        var rules = findings.Select(f => f.Type).Distinct().Order(System.StringComparer.Ordinal).ToArray();
        return SarifLog.Write(
            "nonprofit pii scan",
            "https://github.com/nonprofit-sdk/Nonprofit.Sdk",
            rules.Select(r => (object)new
            {
                id = "PII_" + r,
                name = r,
                shortDescription = new { text = $"Personal data of type {r} in a file." },
                defaultConfiguration = new { level = "warning" },
            }),
            findings.Select(f => (object)new
            {
                ruleId = "PII_" + f.Type,
                level = "warning",
                message = new { text = $"{f.Type} found (score {f.Score:0.00}); the value is not reported." },
                locations = new[]
                {
                    new
                    {
                        physicalLocation = new
                        {
                            artifactLocation = new { uri = f.File.Replace('\\', '/') },
                            region = new { startLine = f.Line, startColumn = f.Column, endColumn = f.Column + f.Length },
                        },
                    },
                },
            }));
    }
}
