using Nonprofit.Governance.Allocation;
using static Nonprofit.Governance.Tests.Allocation.Problems;

namespace Nonprofit.Governance.Tests.Allocation;

public class InfeasibleAllocationTests
{
    internal static AllocationProblem TwoFloors() => new()
    {
        Budget = 100,
        Options =
        [
            Option("A", 10, 5, groups: [("region", "north"), ("sex", "male")]),
            Option("B", 10, 3, groups: [("region", "south"), ("sex", "female")]),
            Option("C", 10, 1, min: 1, groups: [("region", "south"), ("sex", "male")]),
        ],
        EquityFloors =
        [
            new EquityFloor { Dimension = "region", Value = "north", MinShare = 0.4 },
            new EquityFloor { Dimension = "region", Value = "south", MinAmount = 10 },
            new EquityFloor { Dimension = "sex", Value = "female", MinShare = 0.7 },
        ],
    };

    [Fact]
    public void Solve_FloorsAboveBudget_ReportsIrreducibleConflict()
    {
        var r = AllocationSolver.Solve(TwoFloors());
        Assert.Equal(AllocationStatus.Infeasible, r.Status);
        Assert.Empty(r.Options);
        var conflict = r.Conflict!;
        // The south floor and C's minimum are satisfiable with the rest: the deletion filter drops them.
        Assert.Equal(
            ["budget (100)", "floor region=north (40 % of budget)", "floor sex=female (70 % of budget)"],
            conflict.Constraints.Select(c => c.Label));
        Assert.Equal(110, conflict.RequiredSpend!.Value, 9);
        Assert.Equal("the floors for region=north (40 % of budget) and sex=female (70 %) need at least 110 but the budget is 100", conflict.Message);
    }

    [Fact]
    public void Solve_Conflict_IsIrreducible()
    {
        var p = TwoFloors();
        var conflict = AllocationSolver.Solve(p).Conflict!;
        // Dropping any one member makes the problem feasible (the budget is relaxed by making it huge).
        foreach (var c in conflict.Constraints)
        {
            var q = TwoFloors();
            switch (c.Kind)
            {
                case AllocationConstraintKind.Budget:
                    q.Budget = 1e9;
                    foreach (var f in q.EquityFloors)
                    {
                        f.MinAmount = (f.MinShare ?? 0) * 100;
                        f.MinShare = null;
                    }

                    break;
                default:
                    q.EquityFloors.RemoveAt(c.FloorIndex!.Value);
                    break;
            }

            Assert.Equal(AllocationStatus.Optimal, AllocationSolver.Solve(q).Status);
        }
    }

    [Fact]
    public void Solve_MinimumsAboveBudget_NamesTheOptions()
    {
        var p = new AllocationProblem
        {
            Budget = 100,
            Options = [Option("A", 10, 1, min: 8), Option("B", 10, 1, min: 3), Option("C", 10, 1)],
        };
        var r = AllocationSolver.Solve(p);
        Assert.Equal(AllocationStatus.Infeasible, r.Status);
        Assert.Equal("the minimum of 8 units for 'A' (80) and the minimum of 3 units for 'B' (30) need at least 110 but the budget is 100", r.Conflict!.Message);
    }

    [Fact]
    public void Solve_FloorWithoutOptions_SaysSo()
    {
        var p = Knapsack();
        var q = new AllocationProblem
        {
            Budget = p.Budget,
            Options = p.Options,
            EquityFloors = [new EquityFloor { Dimension = "region", Value = "east", MinAmount = 50 }],
        };
        var r = AllocationSolver.Solve(q);
        Assert.Equal(AllocationStatus.Infeasible, r.Status);
        Assert.Equal("the floor for region=east (50) cannot be met: no option has region=east", r.Conflict!.Message);
        Assert.Null(r.Conflict.RequiredSpend);
    }

    [Fact]
    public void Solve_FloorAboveCapacity_GivesTheCapacity()
    {
        var p = new AllocationProblem
        {
            Budget = 1000,
            Options = [Option("A", 10, 1, max: 3, groups: ("region", "east")), Option("B", 10, 1)],
            EquityFloors = [new EquityFloor { Dimension = "region", Value = "east", MinAmount = 50 }],
        };
        var r = AllocationSolver.Solve(p);
        Assert.Equal("the floor for region=east (50) cannot be met: the options with region=east can take at most 30", r.Conflict!.Message);
    }

    [Fact]
    public void Solve_IntegerInfeasible_AlsoExplained()
    {
        var p = TwoFloors();
        p.IntegerUnits = true;
        var r = AllocationSolver.Solve(p);
        Assert.Equal(AllocationStatus.Infeasible, r.Status);
        Assert.Equal(3, r.Conflict!.Constraints.Count);
    }
}
