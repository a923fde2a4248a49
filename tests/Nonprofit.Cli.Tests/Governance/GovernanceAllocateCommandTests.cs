using System.Text.Json;

namespace Nonprofit.Cli.Tests.Governance;

public sealed class GovernanceAllocateCommandTests : IDisposable
{
    // Two options; budget 100. A: cost 10, impact 5 per unit, at most 6 units. B: cost 20, impact 4 per unit.
    // A first (0.5 per unit of money) until its maximum (60 spent), then B with the remaining 40: 2 units.
    // Impact 6*5 + 2*4 = 38; budget shadow price 0.2 (B's impact per cost); A's maximum is worth 5 - 10*0.2 = 3 per unit.
    private const string Problem = """
        { "budget": 100,
          "options": [
            { "id": "a", "name": "Option A", "costPerUnit": 10, "impactPerUnit": { "value": 5 }, "maxUnits": 6, "groups": { "region": "north" } },
            { "id": "b", "name": "Option B", "costPerUnit": 20, "impactPerUnit": { "value": 4 }, "groups": { "region": "south" } } ],
          "previousAllocation": { "a": 5, "b": 2 } }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Allocate_Text_PrintsAllocationShadowPricesAndExplanation()
    {
        var result = await CliRunner.InvokeAsync("", "governance", "allocate", _folder.Write("problem.json", Problem));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("status: Optimal", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\na\s+6\s+60\s+30\s", result.Out);
        Assert.Matches(@"\nb\s+2\s+40\s+8\s", result.Out);
        Assert.Contains("expected impact 38", result.Out, StringComparison.Ordinal);
        Assert.Contains("budget (100): 0.2\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("'Option A' is at its maximum of 6 units", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_JsonInFrench_HasTheAllocationAndAFrenchExplanation()
    {
        var result = await CliRunner.InvokeAsync("", "governance", "allocate", _folder.Write("problem.json", Problem), "--format", "json", "--lang", "fr");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var allocation = json.RootElement.GetProperty("allocation");
        Assert.Equal("optimal", allocation.GetProperty("status").GetString());
        Assert.Equal(38, allocation.GetProperty("totalImpact").GetProperty("value").GetDouble(), 6);
        var budget = allocation.GetProperty("constraints").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "budget");
        Assert.Equal(0.2, budget.GetProperty("shadowPrice").GetDouble(), 6);
        Assert.Contains("budget", json.RootElement.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Contains("unités", json.RootElement.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_Infeasible_ExitsOneAndNamesTheConflict()
    {
        // North can take at most 6 units x 10 = 60, but a floor asks for 90 % of 100 there.
        var problem = Problem.Replace("\"previousAllocation\"", "\"equityFloors\": [ { \"dimension\": \"region\", \"value\": \"north\", \"minShare\": 0.9 } ], \"previousAllocation\"", StringComparison.Ordinal);
        var result = await CliRunner.InvokeAsync("", "governance", "allocate", _folder.Write("problem.json", problem));

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("status: Infeasible", result.Out, StringComparison.Ordinal);
        Assert.Contains("conflict:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_BadInput_ExitsTwoWithThePath()
    {
        var bad = await CliRunner.InvokeAsync("", "governance", "allocate", _folder.Write("problem.json", Problem.Replace("\"costPerUnit\": 20", "\"costPerUnit\": -20", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.Contains("options[1].costPerUnit", bad.Error, StringComparison.Ordinal);

        var missing = await CliRunner.InvokeAsync("", "governance", "allocate", _folder.File("none.json"));
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
    }

    [Fact]
    public async Task Allocate_Record_AppendsAPendingDecisionThatVerifies()
    {
        var database = _folder.File("impact.db");
        var result = await CliRunner.InvokeAsync("", "governance", "allocate", _folder.Write("problem.json", Problem), "--record", database, "--requires-approval");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("as record 1 (pending approval", result.Error, StringComparison.Ordinal);
        var verify = await CliRunner.InvokeAsync("", "governance", "verify", database);
        Assert.Equal(ExitCodes.Ok, verify.ExitCode);
        Assert.StartsWith("intact: 1 records", verify.Out, StringComparison.Ordinal);
    }
}
