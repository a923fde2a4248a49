using Nonprofit.Governance.Allocation;

namespace Nonprofit.Governance.Tests.Allocation;

/// <summary>Small problems solved by hand, shared by the tests.</summary>
internal static class Problems
{
    public static AllocationOption Option(string id, double cost, double impact, double min = 0, double? max = null, params (string Dimension, string Value)[] groups)
    {
        var o = new AllocationOption
        {
            Id = id,
            CostPerUnit = cost,
            ImpactPerUnit = new ImpactEstimate { Value = impact },
            MinUnits = min,
            MaxUnits = max,
        };
        foreach (var (d, v) in groups)
        {
            o.Groups[d] = v;
        }

        return o;
    }

    /// <summary>
    /// Budget 100. A: cost 10, impact 5 (0.5 per unit of money), at most 6 units; B: cost 20, impact 6 (0.3); C: cost 5,
    /// impact 1 (0.2). Greedy by impact per cost: A 6 units (60), B 2 units (40), C 0; impact 30 + 12 = 42. The budget's
    /// dual is B's rate 0.3; A's maximum is worth 5 - 10 × 0.3 = 2 per unit. Ranges: A [3, ∞) (stays first while its
    /// rate ≥ 0.3), B [4, 10] (between C's rate 0.2 and A's 0.5), C (−∞, 1.5] (until its rate reaches 0.3).
    /// </summary>
    public static AllocationProblem Knapsack() => new()
    {
        Budget = 100,
        Options =
        [
            Option("A", 10, 5, max: 6),
            Option("B", 20, 6),
            Option("C", 5, 1),
        ],
    };

    /// <summary>
    /// Budget 100. A (north): cost 10, impact 5; B (south): cost 10, impact 2; floor south ≥ 30 % of the budget. B gets
    /// the floor's 30 (3 units), A the rest (7 units): impact 35 + 6 = 41. Duals: 5 = 10·y_b → y_b = 0.5;
    /// 2 = 10·(y_b + y_f) → y_f = −0.3: lowering the floor by 1 buys 0.3; one more unit of budget buys 0.5 − 0.3 × 0.3 = 0.41
    /// (the floor grows with the budget). Ranges: A [2, ∞), B (−∞, 5].
    /// </summary>
    public static AllocationProblem Floor() => new()
    {
        Budget = 100,
        Options =
        [
            Option("A", 10, 5, groups: ("region", "north")),
            Option("B", 10, 2, groups: ("region", "south")),
        ],
        EquityFloors = [new EquityFloor { Dimension = "region", Value = "south", MinShare = 0.3 }],
        PreviousAllocation = new Dictionary<string, double> { ["A"] = 5, ["B"] = 5 },
    };
}
