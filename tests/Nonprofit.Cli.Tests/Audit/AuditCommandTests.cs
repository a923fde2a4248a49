using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Nonprofit.Cli.Tests.Audit;

public sealed class AuditCommandTests
{
    private const string Program = """
        using System;

        public sealed record Beneficiary(string CaseId, string Phone);

        public static class Program
        {
            public static void Main(string[] args)
            {
                var email = args[0];
                Console.WriteLine("secret-literal " + email);
            }
        }
        """;

    [Fact]
    public async Task Audit_Folder_PrintsFindingsSummaryAndExitsOne()
    {
        using var folder = new TempFolder();
        folder.Write("src/Program.cs", Program);

        var result = await CliRunner.InvokeAsync("", "audit", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "src/Program.cs(3,56): NP1005: 'Phone' is personal data and the generated ToString of record 'Beneficiary' prints it; override PrintMembers (records) or leave it out of ToString\n" +
            "src/Program.cs(10,47): NP1001: 'email' is personal data and is written to Console.WriteLine; redact it, or log a non-personal id instead\n" +
            "\n" +
            "NP1001: 1 (Personal data written to a log)\n" +
            "NP1005: 1 (ToString exposes personal members)\n" +
            "2 findings (0 errors, 2 warnings, 0 notes) in 1 files.\n",
            result.Out.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("secret-literal", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_CleanFolder_ExitsZero()
    {
        using var folder = new TempFolder();
        folder.Write("Clean.cs", "using System; static class Clean { static void Main(string[] args) => Console.WriteLine(args.Length); }");

        var result = await CliRunner.InvokeAsync("", "audit", folder.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 findings (0 errors, 0 warnings, 0 notes) in 1 files.\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Audit_MissingFolderOrConfig_ExitsTwo()
    {
        using var folder = new TempFolder();

        Assert.Equal(2, (await CliRunner.InvokeAsync("", "audit", folder.File("missing"))).ExitCode);
        Assert.Equal(2, (await CliRunner.InvokeAsync("", "audit", folder.Path, "--config", folder.File("missing.editorconfig"))).ExitCode);
    }

    [Fact]
    public async Task Audit_ConfigLowersSeverities_NoFindingsAtWarning()
    {
        using var folder = new TempFolder();
        folder.Write("src/Program.cs", Program);
        var config = folder.Write("audit.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.NP1005.severity = none\ndotnet_diagnostic.NP1001.severity = suggestion\n");

        var result = await CliRunner.InvokeAsync("", "audit", Path.Combine(folder.Path, "src"), "--config", config);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("NP1005", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 findings (0 errors, 0 warnings, 1 notes)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_BrokenCodeWithMissingReferences_FallsBackToSyntax()
    {
        using var folder = new TempFolder();
        folder.Write("Legacy.cs", """
            using Serilog;
            using Microsoft.Extensions.AI;
            using Newtonsoft.Json;

            public class Donor { public string Iban { get; set; } public int Amount { get; set; } }

            public class Legacy
            {
                private readonly IChatClient _chat;
                private readonly ILogger _log;

                public void Run(Donor donor, string email)
                {
                    _log.Information("Donation from {Iban}", donor.Iban);
                    _chat.GetResponseAsync("Write a thank-you letter to " + email);
                    var json = JsonConvert.SerializeObject(donor);
                    this is not valid C# at all
                }
            }
            """);

        var result = await CliRunner.InvokeAsync("", "audit", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Legacy.cs(14,50): NP1001:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Legacy.cs(15,65): NP1003:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Legacy.cs(16,48): NP1004:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Sarif_ValidatesAgainstTheSarif210Schema()
    {
        using var folder = new TempFolder();
        folder.Write("src/Program.cs", Program);
        var sarifPath = folder.File("out.sarif");

        var result = await CliRunner.InvokeAsync("", "audit", Path.Combine(folder.Path, "src"), "--sarif", sarifPath);

        Assert.Equal(1, result.ExitCode);
        var schemaText = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Audit", "sarif-2.1.0-rtm.5.json"));
        var schemaNode = JsonNode.Parse(schemaText)!.AsObject();
        schemaNode["$schema"] = "http://json-schema.org/draft-07/schema#";
        schemaNode.Remove("id"); // draft-04's id; without it the schema gets a fresh base URI (its $refs are all local)
        var schema = JsonSchema.FromText(schemaNode.ToJsonString());
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(sarifPath));
        var evaluation = schema.Evaluate(sarif.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(7, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["NP1005", "NP1001"], results.Select(r => r.GetProperty("ruleId").GetString()));
        var location = results[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Program.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(10, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.DoesNotContain("secret-literal", await File.ReadAllTextAsync(sarifPath), StringComparison.Ordinal);
    }
}
