using Nonprofit.Governance.Allocation;

namespace Nonprofit.Governance.Tests.Allocation;

public class AllocationProblemJsonTests
{
    internal const string Example = """
        {
          "budget": 100000,
          "integerUnits": false,
          "options": [
            {
              "id": "clinic-north", "name": "Mobile clinic, north", "costPerUnit": 2500,
              "impactPerUnit": { "value": 40, "low": 25, "high": 55, "indicatorId": "anc-visits" },
              "minUnits": 2, "maxUnits": 20,
              "groups": { "region": "north" },
              "diminishingReturns": [ { "units": 10, "multiplier": 0.6 } ]
            },
            {
              "id": "cash-south", "costPerUnit": 100,
              "impactPerUnit": { "value": 1.2 },
              "groups": { "region": "south", "sex": "female" }
            }
          ],
          "equityFloors": [ { "dimension": "region", "value": "south", "minShare": 0.3 } ],
          "previousAllocation": { "clinic-north": 12, "cash-south": 400 }
        }
        """;

    [Fact]
    public void Parse_Example_ReadsEveryField()
    {
        var p = AllocationProblem.Parse(Example);
        Assert.Equal(100000, p.Budget);
        Assert.Equal(2, p.Options.Count);
        var clinic = p.Options[0];
        Assert.Equal("Mobile clinic, north", clinic.DisplayName);
        Assert.Equal(25, clinic.ImpactPerUnit.Low);
        Assert.Equal("anc-visits", clinic.ImpactPerUnit.IndicatorId);
        Assert.Equal(20, clinic.MaxUnits);
        Assert.Equal("north", clinic.Groups["region"]);
        Assert.Equal(0.6, clinic.DiminishingReturns![0].Multiplier);
        Assert.Equal("cash-south", p.Options[1].DisplayName);
        Assert.Equal(0.3, p.EquityFloors[0].MinShare);
        Assert.Equal(400, p.PreviousAllocation!["cash-south"]);

        var r = AllocationSolver.Solve(p);
        Assert.Equal(AllocationStatus.Optimal, r.Status);
        Assert.Equal(p.ToJson(), AllocationProblem.Parse(p.ToJson()).ToJson());
    }

    [Fact]
    public async Task ReadFileAsync_PrefixesTheFileName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alloc-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Example.Replace("\"costPerUnit\": 100,", "\"costPerUnit\": 0,", StringComparison.Ordinal));
        try
        {
            var ex = await Assert.ThrowsAsync<FormatException>(() => AllocationProblem.ReadFileAsync(path));
            Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
            Assert.Contains("options[1].costPerUnit: must be > 0", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"budget": -5, "options": [{"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1}}]}""", "budget: must be > 0")]
    [InlineData("""{"budget": 5, "options": []}""", "options: at least one option is required")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1}]}""", "options[0].impactPerUnit: is required")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1}}, {"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1}}]}""", "options[1].id: duplicate id 'a'")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1, "low": 2}}]}""", "options[0].impactPerUnit.low: must be <= value")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1, "minUnits": 3, "maxUnits": 2, "impactPerUnit": {"value": 1}}]}""", "options[0].maxUnits: must be >= minUnits (3)")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1}, "diminishingReturns": [{"units": 2, "multiplier": 0.5}, {"units": 4, "multiplier": 0.8}]}]}""", "options[0].diminishingReturns[1].multiplier: must not increase")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1}}], "equityFloors": [{"dimension": "region", "value": "n", "minShare": 1.5}]}""", "equityFloors[0].minShare: must be between 0 and 1")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1}}], "equityFloors": [{"dimension": "region", "value": "n", "minShare": 0.5, "minAmount": 1}]}""", "equityFloors[0]: exactly one of minShare and minAmount is required")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": 1, "impactPerUnit": {"value": 1}}], "previousAllocation": {"b": 3}}""", "previousAllocation.b: unknown option id")]
    [InlineData("""{"budget": 5, "integerUnits": true, "options": [{"id": "a", "costPerUnit": 1, "maxUnits": 2.5, "impactPerUnit": {"value": 1}}]}""", "options[0].maxUnits: must be a whole number when integerUnits is true")]
    public void Parse_InvalidProblem_NamesThePath(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AllocationProblem.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "costPerUnit": "NaN", "impactPerUnit": {"value": 1}}]}""", "options[0].costPerUnit (line 1")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", "cost": 1, "impactPerUnit": {"value": 1}}]}""", "options[0]")]
    [InlineData("""{"budget": 5, "options": [{"id": "a", """, "(line 1")]
    [InlineData("null", "$: expected an allocation problem object")]
    public void Parse_MalformedJson_NamesThePathAndPosition(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AllocationProblem.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
