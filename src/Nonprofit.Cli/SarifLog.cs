using System.Collections.Generic;
using System.Text.Json;

namespace Nonprofit.Cli;

/// <summary>The SARIF 2.1.0 envelope every command that writes SARIF shares: schema, version, one run of one tool.</summary>
internal static class SarifLog
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>Serializes one run; <paramref name="rules"/> and <paramref name="results"/> are SARIF objects (anonymous types).</summary>
    public static string Write(string toolName, string informationUri, IEnumerable<object> rules, IEnumerable<object> results, object? originalUriBaseIds = null, bool indented = false)
    {
        var run = new Dictionary<string, object>
        {
            ["tool"] = new
            {
                driver = new
                {
                    name = toolName,
                    informationUri,
                    version = VersionAction.Version,
                    rules,
                },
            },
        };
        if (originalUriBaseIds is not null)
        {
            run["originalUriBaseIds"] = originalUriBaseIds;
        }

        run["results"] = results;
        var log = new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new object[] { run },
        };
        return indented ? JsonSerializer.Serialize(log, s_indented) : JsonSerializer.Serialize(log);
    }
}
