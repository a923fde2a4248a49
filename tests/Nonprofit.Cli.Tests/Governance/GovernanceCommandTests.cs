using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Nonprofit.Governance.Records;
using Nonprofit.Impact;

namespace Nonprofit.Cli.Tests.Governance;

public sealed class GovernanceCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Group a: 4 of 5 selected (0.8); group b: 2 of 5 selected (0.4). Parity ratio 0.5 < 0.8: a breach.
    private string WriteDecisions()
    {
        var csv = new StringBuilder("region,decision,outcome\n");
        foreach (var (region, decisions, outcomes) in new[] { ("a", "11110", "11100"), ("b", "11000", "10100") })
        {
            for (var i = 0; i < 5; i++)
            {
                csv.Append(region).Append(',').Append(decisions[i]).Append(',').Append(outcomes[i]).Append('\n');
            }
        }

        return _folder.Write("decisions.csv", csv.ToString());
    }

    [Fact]
    public async Task Audit_PrintsRatesMetricsAndBreaches()
    {
        var result = await CliRunner.InvokeAsync("", "governance", "audit", WriteDecisions(), "--group", "region", "--outcome", "outcome", "--resamples", "0");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("a                             5                   0.8000", result.Out, StringComparison.Ordinal);
        Assert.Contains("demographic parity ratio             0.5000", result.Out, StringComparison.Ordinal);
        Assert.Contains("demographic parity difference        0.4000", result.Out, StringComparison.Ordinal);
        Assert.Contains("BREACH: Demographic parity ratio", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_FailOnBreach_ExitsOne_AndJsonHasIntervals()
    {
        var path = WriteDecisions();
        var result = await CliRunner.InvokeAsync("", "governance", "audit", path, "--group", "region", "--outcome", "outcome", "--format", "json", "--fail-on-breach", "--resamples", "200");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var ratio = json.RootElement.GetProperty("metrics").GetProperty("demographicParityRatio");
        Assert.Equal(0.5, ratio.GetProperty("value").GetDouble(), 12);
        Assert.True(ratio.GetProperty("lower").GetDouble() <= 0.5);
        Assert.Equal(2, json.RootElement.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public async Task Audit_BadValue_ExitsTwoNamingLineAndColumnOnly()
    {
        var path = _folder.Write("bad.csv", "region,decision\na,1\nb,+254712345678\n");
        var result = await CliRunner.InvokeAsync("", "governance", "audit", path, "--group", "region");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("3", result.Error, StringComparison.Ordinal);
        Assert.Contains("decision", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("712345678", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_IntactChain_ExitsZero_ThenTamperedExitsOne()
    {
        var database = _folder.File("impact.db");
        await using (var log = new DecisionLog(new SqliteImpactStoreOptions { Path = database }))
        {
            for (var i = 0; i < 3; i++)
            {
                await log.AppendAsync(new DecisionDraft
                {
                    Kind = DecisionKind.Allocation,
                    PolicyName = "compound-impact",
                    PolicyVersion = "1.0",
                    Inputs = JsonDocument.Parse("{\"budget\": 1000}").RootElement,
                    Output = JsonDocument.Parse("{\"north\": 600, \"south\": 400}").RootElement,
                    Explanation = "Budget bound.",
                });
            }
        }

        var intact = await CliRunner.InvokeAsync("", "governance", "verify", database);
        Assert.Equal(ExitCodes.Ok, intact.ExitCode);
        Assert.StartsWith("intact: 3 records; anchor 3:", intact.Out, StringComparison.Ordinal);
        var anchor = intact.Out.Trim().Split("anchor ")[1];

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'decision_records'";
            var triggers = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    triggers.Add(reader.GetString(0));
                }
            }

            foreach (var trigger in triggers)
            {
                command.CommandText = $"DROP TRIGGER \"{trigger}\"";
                command.ExecuteNonQuery();
            }

            command.CommandText = "DELETE FROM decision_records WHERE sequence = 3";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        // Removing the last record leaves a valid shorter chain: only the anchor reveals it.
        var truncated = await CliRunner.InvokeAsync("", "governance", "verify", database);
        Assert.Equal(ExitCodes.Ok, truncated.ExitCode);
        var anchored = await CliRunner.InvokeAsync("", "governance", "verify", database, "--anchor", anchor);
        Assert.Equal(ExitCodes.Findings, anchored.ExitCode);
        Assert.StartsWith("BROKEN", anchored.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.db", null)]
    [InlineData("impact.db", "not-an-anchor")]
    public async Task Verify_BadInput_ExitsTwo(string file, string? anchor)
    {
        var database = _folder.File(file);
        if (file == "impact.db")
        {
            await using var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = database });
            await store.InitializeAsync();
        }

        string[] args = anchor is null ? ["governance", "verify", database] : ["governance", "verify", database, "--anchor", anchor];
        var result = await CliRunner.InvokeAsync("", args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.False(File.Exists(_folder.File("missing.db")));
    }
}
