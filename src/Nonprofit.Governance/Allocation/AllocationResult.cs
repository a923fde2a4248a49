using System;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.Governance.Allocation;

/// <summary>The outcome of solving an allocation problem.</summary>
public enum AllocationStatus
{
    /// <summary>The allocation is optimal.</summary>
    Optimal,

    /// <summary>A feasible allocation was found but not proven optimal (time limit of an integer solve).</summary>
    Feasible,

    /// <summary>No allocation satisfies every constraint; see <see cref="AllocationResult.Conflict"/>.</summary>
    Infeasible,

    /// <summary>The impact could grow without limit (cannot happen with a budget and positive costs; reported for completeness).</summary>
    Unbounded,

    /// <summary>The solver stopped without an answer (numerical trouble or a time limit before a first solution).</summary>
    NotSolved,
}

/// <summary>The kind of a constraint of an allocation problem.</summary>
public enum AllocationConstraintKind
{
    /// <summary>Total spend ≤ budget.</summary>
    Budget,

    /// <summary>Spend on a group ≥ an equity floor.</summary>
    EquityFloor,

    /// <summary>An option's units ≥ its minimum.</summary>
    OptionMinimum,

    /// <summary>An option's units ≤ its maximum.</summary>
    OptionMaximum,
}

/// <summary>How a sensitivity range was computed.</summary>
public enum SensitivityMethod
{
    /// <summary>Exactly, by objective-coefficient ranging on the optimal simplex basis (linear problems).</summary>
    Basis,

    /// <summary>Numerically, by bracketing and bisection with re-solves (integer problems, or when the basis is unusable).</summary>
    Resolve,
}

/// <summary>A constraint of the problem, its state at the optimum and its shadow price.</summary>
/// <remarks>
/// Sign convention: <see cref="ShadowPrice"/> is the impact gained per unit of <em>relaxation</em>, so it is ≥ 0 for a
/// binding constraint: for the budget, per one more currency unit of budget (including the rise of share-based floors
/// that a larger budget brings); for a floor, per currency unit the floor is lowered; for an option minimum, per unit
/// the minimum is lowered; for an option maximum, per unit the maximum is raised. It is a marginal rate, valid for small
/// changes only. Null for integer problems, where duals are not defined.
/// </remarks>
public sealed class AllocationConstraint
{
    /// <summary>The kind of constraint.</summary>
    public AllocationConstraintKind Kind { get; init; }

    /// <summary>The option, for <see cref="AllocationConstraintKind.OptionMinimum"/> and <see cref="AllocationConstraintKind.OptionMaximum"/>.</summary>
    public string? OptionId { get; init; }

    /// <summary>The index of the floor in <see cref="AllocationProblem.EquityFloors"/>, for <see cref="AllocationConstraintKind.EquityFloor"/>.</summary>
    public int? FloorIndex { get; init; }

    /// <summary>The floor's dimension, for floors.</summary>
    public string? Dimension { get; init; }

    /// <summary>The floor's group value, for floors.</summary>
    public string? Value { get; init; }

    /// <summary>The floor's share of the budget, when it is given as a share.</summary>
    public double? Share { get; init; }

    /// <summary>The limit: the budget, the floor's amount, or the option's minimum or maximum units.</summary>
    public double Limit { get; init; }

    /// <summary>The constraint's value at the optimum (spend, or units); null when there is no solution.</summary>
    public double? Activity { get; init; }

    /// <summary>Whether the constraint holds with equality at the optimum.</summary>
    public bool IsBinding { get; init; }

    /// <summary>Impact gained per unit of relaxation (see the remarks on the class); null for integer problems and when not solved.</summary>
    public double? ShadowPrice { get; init; }

    /// <summary>A short English label, for example <c>floor region=north (40 % of budget)</c>.</summary>
    public string Label { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>The range of an option's impact per unit within which the allocation stays the same.</summary>
public sealed class SensitivityRange
{
    /// <summary>The lowest impact per unit that keeps the allocation; null when it can fall without limit.</summary>
    public double? Low { get; init; }

    /// <summary>The highest impact per unit that keeps the allocation; null when it can rise without limit.</summary>
    public double? High { get; init; }

    /// <summary>How the range was computed.</summary>
    public SensitivityMethod Method { get; init; }

    /// <summary>Whether a value lies in the range.</summary>
    /// <param name="value">An impact per unit.</param>
    /// <returns>True when <c>Low ≤ value ≤ High</c>.</returns>
    public bool Contains(double value) => (Low is not { } low || value >= low) && (High is not { } high || value <= high);
}

/// <summary>What one option receives.</summary>
public sealed class OptionAllocation
{
    /// <summary>The option's id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The option's display name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Units allocated.</summary>
    public double Units { get; init; }

    /// <summary>Money allocated: units × cost per unit.</summary>
    public double Spend { get; init; }

    /// <summary>Expected impact of the units (after diminishing returns): point, and low/high from the estimate's interval at the same units.</summary>
    public ImpactEstimate Impact { get; init; } = new();

    /// <summary>Units in the previous allocation, when the problem has one.</summary>
    public double? PreviousUnits { get; init; }

    /// <summary>The range of impact per unit within which the whole allocation stays the same; null when not computed.</summary>
    public SensitivityRange? Sensitivity { get; init; }
}

/// <summary>A set of constraints that cannot hold together, and why.</summary>
public sealed class AllocationConflict
{
    /// <summary>
    /// The constraints: an irreducible set (dropping any one makes the rest satisfiable), found by a deletion filter over
    /// the budget, each floor and each option minimum. Option maxima and non-negativity are always kept.
    /// </summary>
    public IReadOnlyList<AllocationConstraint> Constraints { get; init; } = [];

    /// <summary>When the budget is in the conflict: the least spend the other constraints need; otherwise null.</summary>
    public double? RequiredSpend { get; init; }

    /// <summary>A plain English message, for example "the floors for region=north (40 % of budget) and sex=female (70 %) need at least 1100 but the budget is 1000".</summary>
    public string Message { get; init; } = string.Empty;
}

/// <summary>The result of <see cref="AllocationSolver.Solve(AllocationProblem, AllocationSolverOptions?)"/>.</summary>
public sealed class AllocationResult
{
    /// <summary>The outcome.</summary>
    public AllocationStatus Status { get; init; }

    /// <summary>True when the problem was solved with whole units (mixed-integer).</summary>
    public bool IntegerUnits { get; init; }

    /// <summary>The OR-Tools solver used (GLOP, SCIP or CBC).</summary>
    public string SolverName { get; init; } = string.Empty;

    /// <summary>Per option, in the problem's order; empty unless <see cref="Status"/> is Optimal or Feasible.</summary>
    public IReadOnlyList<OptionAllocation> Options { get; init; } = [];

    /// <summary>Total spend.</summary>
    public double TotalSpend { get; init; }

    /// <summary>Total expected impact: point, and low/high from each estimate's interval at the same allocation.</summary>
    public ImpactEstimate TotalImpact { get; init; } = new();

    /// <summary>Every constraint of the problem (budget, floors, option minima &gt; 0 and finite maxima) with its state.</summary>
    public IReadOnlyList<AllocationConstraint> Constraints { get; init; } = [];

    /// <summary>The binding constraints.</summary>
    public IEnumerable<AllocationConstraint> BindingConstraints => Constraints.Where(c => c.IsBinding);

    /// <summary>For an infeasible problem, the constraints that conflict; otherwise null.</summary>
    public AllocationConflict? Conflict { get; init; }

    /// <summary>
    /// The marginal rate: impact that one more currency unit buys at the margin (the budget row's dual, without the floors'
    /// share); null for integer problems or when the budget does not bind.
    /// </summary>
    public double? MarginalImpactPerCost { get; init; }

    /// <summary>Time to build and solve the model (and, for infeasible problems, to find the conflict).</summary>
    public TimeSpan SolveTime { get; init; }

    /// <summary>Time to compute the sensitivity ranges; null when not computed.</summary>
    public TimeSpan? SensitivityTime { get; init; }
}
