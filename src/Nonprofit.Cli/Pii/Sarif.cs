using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Nonprofit.Cli.Pii;

/// <summary>Writes scan findings as a SARIF 2.1.0 log (one rule per entity type; messages never hold values).</summary>
internal static class Sarif
{
    public static string Write(IReadOnlyList<PiiScanCommand.Finding> findings)
    {
        var rules = findings.Select(f => f.Type).Distinct().Order(System.StringComparer.Ordinal).ToArray();
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
                            name = "nonprofit pii scan",
                            informationUri = "https://github.com/nonprofit-sdk/Nonprofit.Sdk",
                            version = VersionAction.Version,
                            rules = rules.Select(r => new
                            {
                                id = "PII_" + r,
                                name = r,
                                shortDescription = new { text = $"Personal data of type {r} in a file." },
                                defaultConfiguration = new { level = "warning" },
                            }),
                        },
                    },
                    results = findings.Select(f => new
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
                    }),
                },
            },
        };

        return JsonSerializer.Serialize(log);
    }
}
