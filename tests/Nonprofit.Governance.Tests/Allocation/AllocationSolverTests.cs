using Nonprofit.Governance.Allocation;
using static Nonprofit.Governance.Tests.Allocation.Problems;

namespace Nonprofit.Governance.Tests.Allocation;

public class AllocationSolverTests
{
    private static AllocationConstraint Find(AllocationResult r, AllocationConstraintKind kind, string? option = null) =>
        r.Constraints.Single(c => c.Kind == kind && c.OptionId == option);

    [Fact]
    public void Solve_Knapsack_MatchesHandSolution()
    {
        var r = AllocationSolver.Solve(Knapsack());
        Assert.Equal(AllocationStatus.Optimal, r.Status);
        Assert.Equal("GLOP", r.SolverName);
        Assert.Equal([6.0, 2.0, 0.0], r.Options.Select(o => o.Units), new Tolerance(1e-9));
        Assert.Equal(42, r.TotalImpact.Value, 9);
        Assert.Equal(100, r.TotalSpend, 9);

        var budget = Find(r, AllocationConstraintKind.Budget);
        Assert.True(budget.IsBinding);
        Assert.Equal(0.3, budget.ShadowPrice!.Value, 9);
        Assert.Equal(0.3, r.MarginalImpactPerCost!.Value, 9);
        var max = Find(r, AllocationConstraintKind.OptionMaximum, "A");
        Assert.True(max.IsBinding);
        Assert.Equal(2, max.ShadowPrice!.Value, 9);
        Assert.Equal(2, r.BindingConstraints.Count());

        Assert.Equal(3, r.Options[0].Sensitivity!.Low!.Value, 9);
        Assert.Null(r.Options[0].Sensitivity!.High);
        Assert.Equal(4, r.Options[1].Sensitivity!.Low!.Value, 9);
        Assert.Equal(10, r.Options[1].Sensitivity!.High!.Value, 9);
        Assert.Null(r.Options[2].Sensitivity!.Low);
        Assert.Equal(1.5, r.Options[2].Sensitivity!.High!.Value, 9);
        Assert.All(r.Options, o => Assert.Equal(SensitivityMethod.Basis, o.Sensitivity!.Method));
        Assert.NotNull(r.SensitivityTime);
    }

    [Fact]
    public void Solve_ShadowPrices_PredictTheEffectOfRelaxing()
    {
        var p = Knapsack();
        var r = AllocationSolver.Solve(p);
        p.Budget += 1;
        Assert.Equal(r.TotalImpact.Value + 0.3, AllocationSolver.Solve(p).TotalImpact.Value, 9);
        p.Budget -= 1;
        p.Options[0].MaxUnits = 7;
        Assert.Equal(r.TotalImpact.Value + 2, AllocationSolver.Solve(p).TotalImpact.Value, 9);
    }

    [Fact]
    public void Solve_Floor_MatchesHandSolution()
    {
        var p = Floor();
        var r = AllocationSolver.Solve(p);
        Assert.Equal([7.0, 3.0], r.Options.Select(o => o.Units), new Tolerance(1e-9));
        Assert.Equal(41, r.TotalImpact.Value, 9);
        var floor = Find(r, AllocationConstraintKind.EquityFloor);
        Assert.True(floor.IsBinding);
        Assert.Equal(30, floor.Limit, 9);
        Assert.Equal(0.3, floor.ShadowPrice!.Value, 9);
        Assert.Equal(0.41, Find(r, AllocationConstraintKind.Budget).ShadowPrice!.Value, 9);
        Assert.Equal(0.5, r.MarginalImpactPerCost!.Value, 9);
        Assert.Equal(2, r.Options[0].Sensitivity!.Low!.Value, 9);
        Assert.Null(r.Options[0].Sensitivity!.High);
        Assert.Null(r.Options[1].Sensitivity!.Low);
        Assert.Equal(5, r.Options[1].Sensitivity!.High!.Value, 9);

        // The reported prices are the derivatives: budget + 1 buys 0.41, the floor lowered by 1 buys 0.3.
        p.Budget = 101;
        Assert.Equal(41.41, AllocationSolver.Solve(p).TotalImpact.Value, 9);
        p.Budget = 100;
        p.EquityFloors[0].MinShare = null;
        p.EquityFloors[0].MinAmount = 29;
        Assert.Equal(41.3, AllocationSolver.Solve(p).TotalImpact.Value, 9);
    }

    [Fact]
    public void Solve_ImpactInterval_EvaluatedAtTheSameAllocation()
    {
        var p = Knapsack();
        p.Options[0].ImpactPerUnit.Low = 4;
        p.Options[0].ImpactPerUnit.High = 7;
        p.Options[1].ImpactPerUnit.Low = 5;
        p.Options[1].ImpactPerUnit.IndicatorId = "referrals";
        var r = AllocationSolver.Solve(p);
        Assert.Equal(42, r.TotalImpact.Value, 9);
        Assert.Equal((6 * 4) + (2 * 5), r.TotalImpact.Low!.Value, 9);
        Assert.Equal((6 * 7) + (2 * 6), r.TotalImpact.High!.Value, 9);
        Assert.Equal("referrals", r.Options[1].Impact.IndicatorId);
    }

    [Fact]
    public void Solve_DiminishingReturns_FillsSegmentsInOrder()
    {
        // A: 10 per unit for 3 units, then 5 (rate 1 then 0.5); B: rate 0.6. A 3 units, B 7: 30 + 42 = 72.
        // A's range: the first segment stays while 10·c/10 >= 0.6, the second stays out while 0.5·c/10 <= 0.6: [6, 12].
        var p = new AllocationProblem
        {
            Budget = 100,
            Options = [Option("A", 10, 10), Option("B", 10, 6)],
        };
        p.Options[0] = new AllocationOption
        {
            Id = "A",
            CostPerUnit = 10,
            ImpactPerUnit = new ImpactEstimate { Value = 10 },
            DiminishingReturns = [new ReturnsBreakpoint { Units = 3, Multiplier = 0.5 }],
        };
        var r = AllocationSolver.Solve(p);
        Assert.Equal([3.0, 7.0], r.Options.Select(o => o.Units), new Tolerance(1e-9));
        Assert.Equal(72, r.TotalImpact.Value, 9);
        Assert.Equal(0.6, Find(r, AllocationConstraintKind.Budget).ShadowPrice!.Value, 9);
        Assert.Equal(6, r.Options[0].Sensitivity!.Low!.Value, 9);
        Assert.Equal(12, r.Options[0].Sensitivity!.High!.Value, 9);

        // With a minimum of 5 units, A's fourth and fifth units yield 5 each.
        p.Options[0].MinUnits = 5;
        r = AllocationSolver.Solve(p);
        Assert.Equal([5.0, 5.0], r.Options.Select(o => o.Units), new Tolerance(1e-9));
        Assert.Equal(30 + 10 + 30, r.TotalImpact.Value, 9);
        // Lowering the minimum by one unit frees 10 for B (0.6 × 10 = 6) and loses 5: gain 1.
        Assert.Equal(1, Find(r, AllocationConstraintKind.OptionMinimum, "A").ShadowPrice!.Value, 9);
    }

    [Fact]
    public void Solve_IntegerUnits_UsesMixedIntegerSolver()
    {
        // Budget 10; A cost 3 impact 4, B cost 4 impact 5. Whole units: (2, 1) costs 10 and yields 13, the best.
        var p = new AllocationProblem { Budget = 10, IntegerUnits = true, Options = [Option("A", 3, 4), Option("B", 4, 5)] };
        var r = AllocationSolver.Solve(p);
        Assert.Equal(AllocationStatus.Optimal, r.Status);
        Assert.True(r.SolverName is "SCIP" or "CBC");
        Assert.Equal([2.0, 1.0], r.Options.Select(o => o.Units));
        Assert.Equal(13, r.TotalImpact.Value, 9);
        Assert.All(r.Constraints, c => Assert.Null(c.ShadowPrice));
        Assert.All(r.Options, o => Assert.Equal(SensitivityMethod.Resolve, o.Sensitivity!.Method));
    }

    [Fact]
    public void Solve_WithoutSensitivity_ReportsNoRanges()
    {
        var r = AllocationSolver.Solve(Knapsack(), new AllocationSolverOptions { ComputeSensitivity = false });
        Assert.All(r.Options, o => Assert.Null(o.Sensitivity));
        Assert.Null(r.SensitivityTime);
    }

    [Fact]
    public void Solve_InvalidProblem_ThrowsArgumentExceptionWithPaths()
    {
        var p = Knapsack();
        p.Budget = -1;
        p.Options[1].MinUnits = 5;
        p.Options[1].MaxUnits = 2;
        p.Options[2].ImpactPerUnit.Value = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => AllocationSolver.Solve(p));
        Assert.Contains("budget: must be > 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("options[1].maxUnits: must be >= minUnits (5)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("options[2].impactPerUnit.value: must be a finite number", ex.Message, StringComparison.Ordinal);
        Assert.Equal("problem", ex.ParamName);
    }

    [Fact]
    public void Solve_UnknownPreviousOption_IsAnError()
    {
        var p = Knapsack();
        var q = new AllocationProblem { Budget = p.Budget, Options = p.Options, PreviousAllocation = new Dictionary<string, double> { ["Z"] = 1 } };
        var ex = Assert.Throws<ArgumentException>(() => AllocationSolver.Solve(q));
        Assert.Contains("previousAllocation.Z: unknown option id", ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>Compares doubles within an absolute tolerance.</summary>
internal sealed class Tolerance(double epsilon) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

    public int GetHashCode(double obj) => 0;
}
