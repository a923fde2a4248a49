using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Google.OrTools.LinearSolver;

namespace Nonprofit.Governance.Allocation;

/// <summary>Options for <see cref="AllocationSolver.Solve(AllocationProblem, AllocationSolverOptions?)"/>.</summary>
public sealed class AllocationSolverOptions
{
    /// <summary>Whether to compute each option's sensitivity range (default true). Exact and cheap for linear problems;
    /// for integer problems it re-solves the problem about 100 times per option.</summary>
    public bool ComputeSensitivity { get; set; } = true;

    /// <summary>Whether to look for a conflicting set of constraints when the problem is infeasible (default true).</summary>
    public bool FindConflict { get; set; } = true;

    /// <summary>A time limit per solver call, or null for none.</summary>
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>Relative tolerance for deciding that a constraint binds (default 1e-7).</summary>
    public double BindingTolerance { get; set; } = 1e-7;
}

/// <summary>
/// Solves allocation problems exactly with Google OR-Tools: GLOP for continuous units (a linear program), SCIP (or CBC
/// when SCIP is missing) for whole units (a mixed-integer program).
/// </summary>
/// <remarks>
/// <para>Shadow prices come from the linear program's duals (see <see cref="AllocationConstraint"/> for the sign
/// convention). Sensitivity ranges of a linear problem are exact objective-coefficient ranges on the optimal basis:
/// with the basis matrix B (from OR-Tools' basis statuses, factored here), raising option i's impact per unit by t
/// changes the duals by t·w with Bᵀw = d_B, where d holds the option's segment multipliers, and each nonbasic
/// column's reduced cost by t·(d_j − wᵀA_j); the range is the interval of t over which every nonbasic reduced cost
/// keeps its optimal sign, so the basis, hence the allocation, stays optimal. On a degenerate optimum the range is
/// sufficient but may be narrower than the set of values that keep the allocation. For integer problems, or when the
/// basis cannot be used, ranges are found by bracketing and bisection with re-solves (relative precision 1e-9; a
/// change beyond 10⁶ times the coefficient's scale counts as unbounded). For options with diminishing returns the
/// range stops at 0, where the curve's model ends. The objective is scaled so that its largest coefficient is 1; coefficients below 1e-12 of the largest count as 0.</para>
/// </remarks>
public static class AllocationSolver
{
    private static readonly Lazy<string?> s_mipSolver = new(FindMipSolver);

    /// <summary>The mixed-integer solver available in this OR-Tools build (SCIP, else CBC), or null.</summary>
    public static string? MixedIntegerSolverName => s_mipSolver.Value;

    /// <summary>Solves an allocation problem.</summary>
    /// <param name="problem">The problem (validated first).</param>
    /// <param name="options">Solver options, or null for the defaults.</param>
    /// <returns>The allocation, its binding constraints and shadow prices, sensitivity ranges, or the conflict that
    /// makes the problem infeasible.</returns>
    /// <exception cref="ArgumentException">The problem is invalid; the message lists each error with its path.</exception>
    public static AllocationResult Solve(AllocationProblem problem, AllocationSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.ThrowIfInvalid(nameof(problem));
        options ??= new AllocationSolverOptions();
        var watch = Stopwatch.StartNew();
        var model = new AllocationModel(problem);
        var solverName = problem.IntegerUnits
            ? MixedIntegerSolverName ?? throw new InvalidOperationException("No mixed-integer solver (SCIP or CBC) is available in this OR-Tools build.")
            : "GLOP";
        var core = model.Solve(solverName, ObjectiveMode.Impact, null, options.ComputeSensitivity, options.TimeLimit);
        var status = Map(core.Status);
        if (status is not (AllocationStatus.Optimal or AllocationStatus.Feasible))
        {
            AllocationConflict? conflict = null;
            if (status == AllocationStatus.Infeasible && options.FindConflict)
            {
                conflict = FindConflict(model, solverName, options);
            }

            return new AllocationResult
            {
                Status = status,
                IntegerUnits = problem.IntegerUnits,
                SolverName = solverName,
                Constraints = Describe(model, null, null, options.BindingTolerance),
                Conflict = conflict,
                SolveTime = watch.Elapsed,
            };
        }

        var units = model.Units(core.Columns);
        var solveTime = watch.Elapsed;

        SensitivityRange?[]? ranges = null;
        TimeSpan? sensitivityTime = null;
        if (options.ComputeSensitivity && status == AllocationStatus.Optimal)
        {
            var sw = Stopwatch.StartNew();
            ranges = BasisRanges(model, core) ?? ResolveRanges(model, solverName, units, options.TimeLimit);
            sensitivityTime = sw.Elapsed;
        }

        var allocations = new OptionAllocation[model.OptionCount];
        double spend = 0, point = 0, low = 0, high = 0;
        for (var i = 0; i < allocations.Length; i++)
        {
            var o = problem.Options[i];
            var g = model.Curve(i, units[i]);
            var impact = new ImpactEstimate
            {
                Value = o.ImpactPerUnit.Value * g,
                Low = o.ImpactPerUnit.LowOrValue * g,
                High = o.ImpactPerUnit.HighOrValue * g,
                IndicatorId = o.ImpactPerUnit.IndicatorId,
            };
            double? previous = problem.PreviousAllocation is { } prev ? (prev.TryGetValue(o.Id, out var p) ? p : 0) : null;
            allocations[i] = new OptionAllocation
            {
                Id = o.Id,
                Name = o.DisplayName,
                Units = units[i],
                Spend = units[i] * o.CostPerUnit,
                Impact = impact,
                PreviousUnits = previous,
                Sensitivity = ranges?[i],
            };
            spend += allocations[i].Spend;
            point += impact.Value;
            low += impact.Low!.Value;
            high += impact.High!.Value;
        }

        return new AllocationResult
        {
            Status = status,
            IntegerUnits = problem.IntegerUnits,
            SolverName = solverName,
            Options = allocations,
            TotalSpend = spend,
            TotalImpact = new ImpactEstimate { Value = point, Low = low, High = high },
            Constraints = Describe(model, units, core.RowDuals, options.BindingTolerance),
            MarginalImpactPerCost = core.RowDuals is { } d && d[0] > 1e-12 ? d[0] : null,
            SolveTime = solveTime,
            SensitivityTime = sensitivityTime,
        };
    }

    private static string? FindMipSolver()
    {
        foreach (var name in new[] { "SCIP", "CBC" })
        {
            using var solver = Solver.CreateSolver(name);
            if (solver is not null)
            {
                return name;
            }
        }

        return null;
    }

    private static AllocationStatus Map(Solver.ResultStatus status) => status switch
    {
        Solver.ResultStatus.OPTIMAL => AllocationStatus.Optimal,
        Solver.ResultStatus.FEASIBLE => AllocationStatus.Feasible,
        Solver.ResultStatus.INFEASIBLE => AllocationStatus.Infeasible,
        Solver.ResultStatus.UNBOUNDED => AllocationStatus.Unbounded,
        _ => AllocationStatus.NotSolved,
    };

    internal static string FloorLabel(AllocationProblem problem, int f)
    {
        var floor = problem.EquityFloors[f];
        return floor.MinShare is { } share
            ? $"floor {floor.Dimension}={floor.Value} ({AllocationProblem.Num(share * 100)} % of budget)"
            : $"floor {floor.Dimension}={floor.Value} (at least {AllocationProblem.Num(floor.MinAmount ?? 0)})";
    }

    private static List<AllocationConstraint> Describe(AllocationModel model, double[]? units, double[]? duals, double tolerance)
    {
        var problem = model.Problem;
        var list = new List<AllocationConstraint>();
        var scale = Math.Max(1, problem.Budget);
        double? Price(double value, bool binding) => duals is null ? null : binding ? Clean(value) : 0;

        double? budgetActivity = null;
        var floorActivity = new double[model.FloorCount];
        if (units is not null)
        {
            var total = 0.0;
            for (var i = 0; i < units.Length; i++)
            {
                var s = units[i] * model.Costs[i];
                total += s;
                foreach (var f in model.OptionFloors[i])
                {
                    floorActivity[f] += s;
                }
            }

            budgetActivity = total;
        }

        var budgetBinding = budgetActivity is { } b && problem.Budget - b <= tolerance * scale;
        var budgetPrice = 0.0;
        if (duals is not null)
        {
            budgetPrice = duals[0];
            for (var f = 0; f < model.FloorCount; f++)
            {
                budgetPrice += (problem.EquityFloors[f].MinShare ?? 0) * duals[1 + f];
            }
        }

        list.Add(new AllocationConstraint
        {
            Kind = AllocationConstraintKind.Budget,
            Limit = problem.Budget,
            Activity = budgetActivity,
            IsBinding = budgetBinding,
            ShadowPrice = Price(budgetPrice, budgetBinding || Math.Abs(budgetPrice) > 1e-9),
            Label = $"budget ({AllocationProblem.Num(problem.Budget)})",
        });

        for (var f = 0; f < model.FloorCount; f++)
        {
            var floor = problem.EquityFloors[f];
            var binding = units is not null && floorActivity[f] - model.FloorAmounts[f] <= tolerance * scale;
            list.Add(new AllocationConstraint
            {
                Kind = AllocationConstraintKind.EquityFloor,
                FloorIndex = f,
                Dimension = floor.Dimension,
                Value = floor.Value,
                Share = floor.MinShare,
                Limit = model.FloorAmounts[f],
                Activity = units is null ? null : floorActivity[f],
                IsBinding = binding,
                ShadowPrice = Price(duals is null ? 0 : -duals[1 + f], binding),
                Label = FloorLabel(problem, f),
            });
        }

        for (var i = 0; i < model.OptionCount; i++)
        {
            var o = problem.Options[i];
            double reducedAbove = 0, reducedBelow = 0;
            if (duals is not null && units is not null)
            {
                var rate = duals[0];
                foreach (var f in model.OptionFloors[i])
                {
                    rate += duals[1 + f];
                }

                var rowCost = model.Costs[i] * rate;
                reducedAbove = (model.Coefficients[i] * model.MultiplierAbove(i, units[i])) - rowCost;
                reducedBelow = (model.Coefficients[i] * model.MultiplierBelow(i, units[i])) - rowCost;
            }

            if (o.MinUnits > 0)
            {
                var binding = units is not null && Math.Abs(units[i] - o.MinUnits) <= tolerance * Math.Max(1, o.MinUnits);
                list.Add(new AllocationConstraint
                {
                    Kind = AllocationConstraintKind.OptionMinimum,
                    OptionId = o.Id,
                    Limit = o.MinUnits,
                    Activity = units?[i],
                    IsBinding = binding,
                    ShadowPrice = Price(-reducedBelow, binding),
                    Label = $"minimum of {AllocationProblem.Num(o.MinUnits)} units for '{o.DisplayName}'",
                });
            }

            if (o.MaxUnits is { } max)
            {
                var binding = units is not null && Math.Abs(units[i] - max) <= tolerance * Math.Max(1, max);
                list.Add(new AllocationConstraint
                {
                    Kind = AllocationConstraintKind.OptionMaximum,
                    OptionId = o.Id,
                    Limit = max,
                    Activity = units?[i],
                    IsBinding = binding,
                    ShadowPrice = Price(reducedAbove, binding),
                    Label = $"maximum of {AllocationProblem.Num(max)} units for '{o.DisplayName}'",
                });
            }
        }

        return list;
    }

    private static double Clean(double value) => Math.Abs(value) < 1e-10 ? 0 : value;

    /// <summary>Exact objective-coefficient ranging on the optimal basis; null when the basis cannot be used.</summary>
    private static SensitivityRange?[]? BasisRanges(AllocationModel model, CoreSolution core)
    {
        if (core.ColumnBasis is not { } colBasis || core.RowBasis is not { } rowBasis)
        {
            return null;
        }

        var m = model.RowCount;
        var n = model.ColumnCount;
        var basic = new List<int>(m); // column index, or -(1 + row) for a row's slack
        for (var j = 0; j < n; j++)
        {
            if (colBasis[j] == Solver.BasisStatus.BASIC)
            {
                basic.Add(j);
            }
        }

        for (var r = 0; r < m; r++)
        {
            if (rowBasis[r] == Solver.BasisStatus.BASIC)
            {
                basic.Add(-(1 + r));
            }
        }

        if (basic.Count != m)
        {
            return null;
        }

        // Bᵀ, row k = basic variable k's column of [A | -I].
        var bt = new double[m * m];
        for (var k = 0; k < m; k++)
        {
            var v = basic[k];
            if (v < 0)
            {
                bt[(k * m) + (-v - 1)] = -1;
            }
            else
            {
                var i = model.ColumnOption[v];
                bt[k * m] = model.Costs[i];
                foreach (var f in model.OptionFloors[i])
                {
                    bt[(k * m) + 1 + f] = model.Costs[i];
                }
            }
        }

        var lu = DenseLu.Factor(bt, m);
        if (lu is null)
        {
            return null;
        }

        // Duals consistent with the basis: Bᵀy = c_B.
        var y = new double[m];
        for (var k = 0; k < m; k++)
        {
            y[k] = basic[k] >= 0 ? ColumnObjective(model, basic[k]) : 0;
        }

        lu.Solve(y);
        var optionRate = new double[model.OptionCount];
        OptionRates(model, y, optionRate);
        var reduced = new double[n];
        for (var j = 0; j < n; j++)
        {
            var i = model.ColumnOption[j];
            reduced[j] = ColumnObjective(model, j) - (model.Costs[i] * optionRate[i]);
        }

        var ranges = new SensitivityRange?[model.OptionCount];
        var w = new double[m];
        var wRate = new double[model.OptionCount];
        var hasBasic = new bool[model.OptionCount];
        foreach (var v in basic)
        {
            if (v >= 0)
            {
                hasBasic[model.ColumnOption[v]] = true;
            }
        }

        for (var i = 0; i < model.OptionCount; i++)
        {
            double tMin = double.NegativeInfinity, tMax = double.PositiveInfinity;
            if (!hasBasic[i])
            {
                for (var j = model.FirstColumn[i]; j < model.FirstColumn[i + 1]; j++)
                {
                    Restrict(colBasis[j], reduced[j], model.ColumnMultiplier[j], ref tMin, ref tMax);
                }
            }
            else
            {
                for (var k = 0; k < m; k++)
                {
                    w[k] = basic[k] >= 0 && model.ColumnOption[basic[k]] == i ? model.ColumnMultiplier[basic[k]] : 0;
                }

                lu.Solve(w);
                OptionRates(model, w, wRate);
                for (var j = 0; j < n; j++)
                {
                    if (colBasis[j] == Solver.BasisStatus.BASIC)
                    {
                        continue;
                    }

                    var io = model.ColumnOption[j];
                    var delta = (io == i ? model.ColumnMultiplier[j] : 0) - (model.Costs[io] * wRate[io]);
                    Restrict(colBasis[j], reduced[j], delta, ref tMin, ref tMax);
                }

                for (var r = 0; r < m; r++)
                {
                    if (rowBasis[r] != Solver.BasisStatus.BASIC)
                    {
                        // The row activity's column is -e_r with cost 0: its reduced cost is y_r, its change w_r.
                        Restrict(rowBasis[r], y[r], w[r], ref tMin, ref tMax);
                    }
                }
            }

            var c = model.Coefficients[i];
            if (model.SegmentStarts[i].Length > 1)
            {
                // A diminishing-returns curve is only defined for a non-negative impact per unit.
                tMin = Math.Max(tMin, -c);
            }

            ranges[i] = new SensitivityRange
            {
                Low = double.IsNegativeInfinity(tMin) ? null : c + Math.Min(0, tMin),
                High = double.IsPositiveInfinity(tMax) ? null : c + Math.Max(0, tMax),
                Method = SensitivityMethod.Basis,
            };
        }

        return ranges;
    }

    private static double ColumnObjective(AllocationModel model, int column) =>
        model.Coefficients[model.ColumnOption[column]] * model.ColumnMultiplier[column];

    /// <summary>rate[i] = v[0] + Σ over the floors covering option i of v[1 + f] (so vᵀA_j = cost[i] · rate[i]).</summary>
    private static void OptionRates(AllocationModel model, double[] v, double[] rate)
    {
        for (var i = 0; i < rate.Length; i++)
        {
            var s = v[0];
            foreach (var f in model.OptionFloors[i])
            {
                s += v[1 + f];
            }

            rate[i] = s;
        }
    }

    /// <summary>Narrows [tMin, tMax] so that reduced + t·delta keeps the sign optimality needs for a maximisation.</summary>
    private static void Restrict(Solver.BasisStatus status, double reduced, double delta, ref double tMin, ref double tMax)
    {
        if (Math.Abs(delta) < 1e-12)
        {
            return;
        }

        switch (status)
        {
            case Solver.BasisStatus.AT_LOWER_BOUND:
                {
                    // reduced + t·delta <= 0
                    var r = Math.Min(reduced, 0);
                    var bound = -r / delta;
                    if (delta > 0)
                    {
                        tMax = Math.Min(tMax, bound);
                    }
                    else
                    {
                        tMin = Math.Max(tMin, bound);
                    }

                    break;
                }

            case Solver.BasisStatus.AT_UPPER_BOUND:
                {
                    // reduced + t·delta >= 0
                    var r = Math.Max(reduced, 0);
                    var bound = -r / delta;
                    if (delta > 0)
                    {
                        tMin = Math.Max(tMin, bound);
                    }
                    else
                    {
                        tMax = Math.Min(tMax, bound);
                    }

                    break;
                }

            case Solver.BasisStatus.FREE:
                tMin = Math.Max(tMin, 0);
                tMax = Math.Min(tMax, 0);
                break;
            default:
                break;
        }
    }

    /// <summary>Sensitivity by bracketing and bisection: re-solve with the option's impact per unit moved until the allocation changes.</summary>
    private static SensitivityRange?[] ResolveRanges(AllocationModel model, string solverName, double[] baseline, TimeSpan? timeLimit)
    {
        var ranges = new SensitivityRange?[model.OptionCount];
        var scaleAll = model.Coefficients.Max(Math.Abs);
        for (var i = 0; i < model.OptionCount; i++)
        {
            var c = model.Coefficients[i];
            var scale = Math.Max(Math.Max(Math.Abs(c), scaleAll * 1e-3), 1e-9);
            try
            {
                var high = Edge(model, solverName, baseline, timeLimit, i, c, scale, +1);
                var low = Edge(model, solverName, baseline, timeLimit, i, c, scale, -1);
                ranges[i] = new SensitivityRange { Low = low, High = high, Method = SensitivityMethod.Resolve };
            }
            finally
            {
                model.Coefficients[i] = c;
            }
        }

        return ranges;
    }

    private static double? Edge(AllocationModel model, string solverName, double[] baseline, TimeSpan? timeLimit, int i, double c, double scale, int direction)
    {
        const double Reach = 1e6;
        bool Same(double value)
        {
            model.Coefficients[i] = value;
            var core = model.Solve(solverName, ObjectiveMode.Impact, null, false, timeLimit);
            if (core.Status != Solver.ResultStatus.OPTIMAL)
            {
                return false;
            }

            var units = model.Units(core.Columns);
            for (var k = 0; k < units.Length; k++)
            {
                if (Math.Abs(units[k] - baseline[k]) > 1e-6 * Math.Max(1, Math.Abs(baseline[k])))
                {
                    return false;
                }
            }

            return true;
        }

        // A diminishing-returns curve is only defined for a non-negative impact per unit: stop at 0.
        var floorAtZero = direction < 0 && model.SegmentStarts[i].Length > 1;
        var limit = floorAtZero ? Math.Max(c, 0) : Reach * scale;
        double inside = 0, step = Math.Min(scale * 1e-3, limit), outside = double.NaN;
        while (step > 0)
        {
            if (!Same(c + (direction * step)))
            {
                outside = step;
                break;
            }

            inside = step;
            if (step >= limit)
            {
                break;
            }

            step = Math.Min(step * 4, limit);
        }

        if (double.IsNaN(outside))
        {
            return floorAtZero ? 0 : null;
        }

        var precision = 1e-9 * Math.Max(1, Math.Abs(c));
        while (outside - inside > precision)
        {
            var mid = 0.5 * (inside + outside);
            if (Same(c + (direction * mid)))
            {
                inside = mid;
            }
            else
            {
                outside = mid;
            }
        }

        return c + (direction * inside);
    }

    private static AllocationConflict FindConflict(AllocationModel model, string solverName, AllocationSolverOptions options)
    {
        var problem = model.Problem;
        var mask = new ConstraintMask(model.FloorCount, model.OptionCount);
        for (var i = 0; i < model.OptionCount; i++)
        {
            mask.Minimums[i] = problem.Options[i].MinUnits > 0;
        }

        bool Infeasible() => model.Solve(solverName, ObjectiveMode.None, mask, false, options.TimeLimit).Status == Solver.ResultStatus.INFEASIBLE;

        // Shortcut: drop every option minimum at once when the rest is infeasible without them.
        var minimums = (bool[])mask.Minimums.Clone();
        Array.Fill(mask.Minimums, false);
        if (!Infeasible())
        {
            Array.Copy(minimums, mask.Minimums, minimums.Length);
        }

        // Deletion filter: drop each group in turn, keep it out when the rest stays infeasible.
        mask.Budget = false;
        if (!Infeasible())
        {
            mask.Budget = true;
        }

        for (var f = 0; f < model.FloorCount; f++)
        {
            mask.Floors[f] = false;
            if (!Infeasible())
            {
                mask.Floors[f] = true;
            }
        }

        for (var i = 0; i < model.OptionCount; i++)
        {
            if (!mask.Minimums[i])
            {
                continue;
            }

            mask.Minimums[i] = false;
            if (!Infeasible())
            {
                mask.Minimums[i] = true;
            }
        }

        var all = Describe(model, null, null, options.BindingTolerance);
        var conflict = new List<AllocationConstraint>();
        foreach (var c in all)
        {
            var keep = c.Kind switch
            {
                AllocationConstraintKind.Budget => mask.Budget,
                AllocationConstraintKind.EquityFloor => mask.Floors[c.FloorIndex!.Value],
                AllocationConstraintKind.OptionMinimum => mask.Minimums[IndexOf(problem, c.OptionId!)],
                _ => false,
            };
            if (keep)
            {
                conflict.Add(c);
            }
        }

        double? required = null;
        string message;
        var others = conflict.Where(c => c.Kind != AllocationConstraintKind.Budget).ToList();
        if (mask.Budget)
        {
            mask.Budget = false;
            var least = model.Solve(solverName, ObjectiveMode.MinimumSpend, mask, false, options.TimeLimit);
            required = least.Status == Solver.ResultStatus.OPTIMAL ? least.Objective : null;
            var verb = others.Count == 1 ? "needs" : "need";
            message = required is { } r
                ? $"{Describe(problem, others)} {verb} at least {AllocationProblem.Num(r)} but the budget is {AllocationProblem.Num(problem.Budget)}"
                : $"{Describe(problem, others)} {verb} more than the budget of {AllocationProblem.Num(problem.Budget)}";
        }
        else if (others.Count == 1 && others[0].Kind == AllocationConstraintKind.EquityFloor)
        {
            var floor = problem.EquityFloors[others[0].FloorIndex!.Value];
            var capacity = 0.0;
            var members = 0;
            for (var i = 0; i < model.OptionCount; i++)
            {
                if (floor.Covers(problem.Options[i]))
                {
                    members++;
                    capacity += model.Costs[i] * (problem.Options[i].MaxUnits ?? double.PositiveInfinity);
                }
            }

            message = members == 0
                ? $"{Describe(problem, others)} cannot be met: no option has {floor.Dimension}={floor.Value}"
                : $"{Describe(problem, others)} cannot be met: the options with {floor.Dimension}={floor.Value} can take at most {AllocationProblem.Num(capacity)}";
        }
        else
        {
            message = $"{Describe(problem, others)} cannot all hold";
        }

        return new AllocationConflict { Constraints = conflict, RequiredSpend = required, Message = message };
    }

    internal static int IndexOf(AllocationProblem problem, string id)
    {
        for (var i = 0; i < problem.Options.Count; i++)
        {
            if (string.Equals(problem.Options[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"the floors for region=north (40 % of budget) and sex=female (70 %) and the minimum of 5 units for 'A'".</summary>
    private static string Describe(AllocationProblem problem, List<AllocationConstraint> constraints)
    {
        var parts = new List<string>();
        var floors = constraints.Where(c => c.Kind == AllocationConstraintKind.EquityFloor).ToList();
        if (floors.Count > 0)
        {
            var items = floors.Select((c, k) => c.Share is { } share
                ? $"{c.Dimension}={c.Value} ({AllocationProblem.Num(share * 100)} %{(k == 0 ? " of budget" : string.Empty)})"
                : $"{c.Dimension}={c.Value} ({AllocationProblem.Num(c.Limit)})").ToList();
            parts.Add((floors.Count == 1 ? "the floor for " : "the floors for ") + Join(items, "and"));
        }

        foreach (var c in constraints.Where(c => c.Kind == AllocationConstraintKind.OptionMinimum))
        {
            var o = problem.Options[IndexOf(problem, c.OptionId!)];
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"the minimum of {AllocationProblem.Num(c.Limit)} units for '{o.DisplayName}' ({AllocationProblem.Num(c.Limit * o.CostPerUnit)})"));
        }

        return parts.Count == 0 ? "the constraints" : Join(parts, "and");
    }

    internal static string Join(IReadOnlyList<string> items, string and) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " " + and + " " + items[^1],
    };
}
