using System;
using System.Collections.Generic;
using Google.OrTools.LinearSolver;

namespace Nonprofit.Governance.Allocation;

/// <summary>What a solve optimises.</summary>
internal enum ObjectiveMode
{
    Impact,
    None,
    MinimumSpend,
}

/// <summary>Which constraint groups a solve includes (for the deletion filter).</summary>
internal sealed class ConstraintMask
{
    public ConstraintMask(int floors, int options)
    {
        Floors = new bool[floors];
        Minimums = new bool[options];
        Array.Fill(Floors, true);
        Array.Fill(Minimums, true);
    }

    public bool Budget { get; set; } = true;

    public bool[] Floors { get; }

    public bool[] Minimums { get; }
}

/// <summary>The raw outcome of one OR-Tools solve.</summary>
internal sealed class CoreSolution
{
    public Solver.ResultStatus Status { get; init; }

    public double[] Columns { get; init; } = [];

    public double[]? RowDuals { get; init; }

    public Solver.BasisStatus[]? ColumnBasis { get; init; }

    public Solver.BasisStatus[]? RowBasis { get; init; }

    public double Objective { get; init; }
}

/// <summary>
/// The allocation problem as a linear program in columns and rows. Each option is one column per segment of its
/// diminishing-returns curve (one column without a curve), truncated at its maximum, with the lower bounds that its
/// minimum forces on the first segments (a concave curve fills in order at an optimum, so this is exact). Row 0 is the
/// budget, row 1 + f the floor f; a column of option i has the coefficient cost[i] in the budget row and in the rows of
/// the floors covering the option. Integer problems add, for options with a curve, an integer units variable and a
/// linking row.
/// </summary>
internal sealed class AllocationModel
{
    public AllocationModel(AllocationProblem problem)
    {
        Problem = problem;
        var n = problem.Options.Count;
        var floors = problem.EquityFloors ?? [];
        FloorCount = floors.Count;
        FloorAmounts = new double[FloorCount];
        for (var f = 0; f < FloorCount; f++)
        {
            FloorAmounts[f] = problem.FloorAmount(floors[f]);
        }

        Costs = new double[n];
        Coefficients = new double[n];
        OptionFloors = new int[n][];
        SegmentStarts = new double[n][];
        SegmentMultipliers = new double[n][];
        FirstColumn = new int[n + 1];
        var colOption = new List<int>();
        var colMult = new List<double>();
        var colLb = new List<double>();
        var colUb = new List<double>();
        var covering = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var o = problem.Options[i];
            Costs[i] = o.CostPerUnit;
            Coefficients[i] = o.ImpactPerUnit.Value;
            covering.Clear();
            for (var f = 0; f < FloorCount; f++)
            {
                if (floors[f].Covers(o))
                {
                    covering.Add(f);
                }
            }

            OptionFloors[i] = [.. covering];
            BuildCurve(o, out var starts, out var mults);
            SegmentStarts[i] = starts;
            SegmentMultipliers[i] = mults;
            HasCurve |= starts.Length > 1;

            FirstColumn[i] = colOption.Count;
            var max = o.MaxUnits ?? double.PositiveInfinity;
            for (var k = 0; k < starts.Length; k++)
            {
                var a = starts[k];
                var b = Math.Min(k + 1 < starts.Length ? starts[k + 1] : double.PositiveInfinity, max);
                if (k > 0 && b <= a)
                {
                    break;
                }

                var length = Math.Max(0, b - a);
                colOption.Add(i);
                colMult.Add(mults[k]);
                colLb.Add(Math.Clamp(o.MinUnits - a, 0, length));
                colUb.Add(length);
            }
        }

        FirstColumn[n] = colOption.Count;
        ColumnOption = [.. colOption];
        ColumnMultiplier = [.. colMult];
        ColumnLower = [.. colLb];
        ColumnUpper = [.. colUb];
    }

    public AllocationProblem Problem { get; }

    public int OptionCount => Costs.Length;

    public int FloorCount { get; }

    public int RowCount => 1 + FloorCount;

    public int ColumnCount => ColumnOption.Length;

    public double[] FloorAmounts { get; }

    public double[] Costs { get; }

    /// <summary>Impact per unit per option (the point estimates, or overrides for re-solves).</summary>
    public double[] Coefficients { get; }

    public int[][] OptionFloors { get; }

    public double[][] SegmentStarts { get; }

    public double[][] SegmentMultipliers { get; }

    public bool HasCurve { get; }

    /// <summary>Columns of option i are FirstColumn[i] .. FirstColumn[i + 1] - 1.</summary>
    public int[] FirstColumn { get; }

    public int[] ColumnOption { get; }

    public double[] ColumnMultiplier { get; }

    public double[] ColumnLower { get; }

    public double[] ColumnUpper { get; }

    /// <summary>The curve value g(x): impact of x units per unit of impact-per-unit.</summary>
    public double Curve(int option, double units)
    {
        var starts = SegmentStarts[option];
        var mults = SegmentMultipliers[option];
        var g = 0.0;
        for (var k = 0; k < starts.Length; k++)
        {
            var end = k + 1 < starts.Length ? starts[k + 1] : double.PositiveInfinity;
            g += mults[k] * Math.Clamp(units - starts[k], 0, end - starts[k]);
        }

        return g;
    }

    /// <summary>The multiplier of the next unit from <paramref name="units"/>.</summary>
    public double MultiplierAbove(int option, double units)
    {
        var starts = SegmentStarts[option];
        var k = 0;
        while (k + 1 < starts.Length && starts[k + 1] <= units + 1e-9)
        {
            k++;
        }

        return SegmentMultipliers[option][k];
    }

    /// <summary>The multiplier of the last unit up to <paramref name="units"/>.</summary>
    public double MultiplierBelow(int option, double units)
    {
        var starts = SegmentStarts[option];
        var k = 0;
        while (k + 1 < starts.Length && starts[k + 1] < units - 1e-9)
        {
            k++;
        }

        return SegmentMultipliers[option][k];
    }

    public CoreSolution Solve(string solverName, ObjectiveMode mode, ConstraintMask? mask, bool wantBasis, TimeSpan? timeLimit)
    {
        var integer = Problem.IntegerUnits;
        using var solver = Solver.CreateSolver(solverName)
            ?? throw new InvalidOperationException($"The OR-Tools solver {solverName} is not available on this platform.");
        if (timeLimit is { } limit)
        {
            solver.SetTimeLimit((long)Math.Ceiling(limit.TotalMilliseconds));
        }

        var n = OptionCount;
        var columns = new Variable[ColumnCount];
        var budget = mask is null || mask.Budget ? solver.MakeConstraint(double.NegativeInfinity, Problem.Budget, "budget") : null;
        var floorRows = new Constraint?[FloorCount];
        for (var f = 0; f < FloorCount; f++)
        {
            if (mask is null || mask.Floors[f])
            {
                floorRows[f] = solver.MakeConstraint(FloorAmounts[f], double.PositiveInfinity, "floor" + f.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var objective = solver.Objective();
        var objectiveScale = mode == ObjectiveMode.Impact ? ObjectiveScale() : 1;
        for (var i = 0; i < n; i++)
        {
            var useMin = mask is null || mask.Minimums[i];
            var first = FirstColumn[i];
            var count = FirstColumn[i + 1] - first;
            var integerColumn = integer && count == 1;
            for (var j = first; j < first + count; j++)
            {
                var lb = useMin ? ColumnLower[j] : 0;
                var ub = ColumnUpper[j];
                var v = integerColumn ? solver.MakeIntVar(lb, ub, string.Empty) : solver.MakeNumVar(lb, ub, string.Empty);
                columns[j] = v;
                budget?.SetCoefficient(v, Costs[i]);
                foreach (var f in OptionFloors[i])
                {
                    floorRows[f]?.SetCoefficient(v, Costs[i]);
                }

                switch (mode)
                {
                    case ObjectiveMode.Impact:
                        // Scaled so that the largest coefficient is 1 (GLOP struggles with tiny objectives); below
                        // 1e-12 of the largest counts as none.
                        var c = Coefficients[i] * ColumnMultiplier[j] / objectiveScale;
                        objective.SetCoefficient(v, Math.Abs(c) < 1e-12 ? 0 : c);
                        break;
                    case ObjectiveMode.MinimumSpend:
                        objective.SetCoefficient(v, Costs[i]);
                        break;
                    default:
                        break;
                }
            }

            if (integer && count > 1)
            {
                var units = solver.MakeIntVar(double.NegativeInfinity, double.PositiveInfinity, string.Empty);
                var link = solver.MakeConstraint(0, 0, string.Empty);
                link.SetCoefficient(units, 1);
                for (var j = first; j < first + count; j++)
                {
                    link.SetCoefficient(columns[j], -1);
                }
            }
        }

        if (mode == ObjectiveMode.MinimumSpend)
        {
            objective.SetMinimization();
        }
        else
        {
            objective.SetMaximization();
        }

        Solver.ResultStatus status;
        if (integer)
        {
            // Prove optimality, not the default 0.01 % gap: ranges and explanations compare allocations exactly.
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
            status = solver.Solve(parameters);
        }
        else
        {
            status = solver.Solve();
        }

        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new CoreSolution { Status = status };
        }

        var values = new double[ColumnCount];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = columns[j].SolutionValue();
        }

        double[]? duals = null;
        Solver.BasisStatus[]? colBasis = null;
        Solver.BasisStatus[]? rowBasis = null;
        if (!integer && budget is not null && status == Solver.ResultStatus.OPTIMAL && mode == ObjectiveMode.Impact)
        {
            duals = new double[RowCount];
            duals[0] = budget.DualValue() * objectiveScale;
            for (var f = 0; f < FloorCount; f++)
            {
                duals[1 + f] = (floorRows[f]?.DualValue() ?? 0) * objectiveScale;
            }

            if (wantBasis && mask is null)
            {
                colBasis = new Solver.BasisStatus[ColumnCount];
                for (var j = 0; j < colBasis.Length; j++)
                {
                    colBasis[j] = columns[j].BasisStatus();
                }

                rowBasis = new Solver.BasisStatus[RowCount];
                rowBasis[0] = budget.BasisStatus();
                for (var f = 0; f < FloorCount; f++)
                {
                    rowBasis[1 + f] = floorRows[f]!.BasisStatus();
                }
            }
        }

        return new CoreSolution
        {
            Status = status,
            Columns = values,
            RowDuals = duals,
            ColumnBasis = colBasis,
            RowBasis = rowBasis,
            Objective = objective.Value() * objectiveScale,
        };
    }

    private double ObjectiveScale()
    {
        var scale = 0.0;
        for (var j = 0; j < ColumnCount; j++)
        {
            scale = Math.Max(scale, Math.Abs(Coefficients[ColumnOption[j]] * ColumnMultiplier[j]));
        }

        return scale > 0 ? scale : 1;
    }

    /// <summary>Units per option from column values, snapped to the bounds (and to whole numbers for integer problems).</summary>
    public double[] Units(double[] columns)
    {
        var units = new double[OptionCount];
        for (var i = 0; i < units.Length; i++)
        {
            var x = 0.0;
            for (var j = FirstColumn[i]; j < FirstColumn[i + 1]; j++)
            {
                x += columns[j];
            }

            var o = Problem.Options[i];
            var tol = 1e-9 * Math.Max(1, Math.Abs(x));
            if (Problem.IntegerUnits)
            {
                x = Math.Round(x);
            }
            else if (Math.Abs(x - o.MinUnits) <= tol)
            {
                x = o.MinUnits;
            }
            else if (o.MaxUnits is { } max && Math.Abs(x - max) <= tol)
            {
                x = max;
            }

            units[i] = Math.Max(0, x);
        }

        return units;
    }

    private static void BuildCurve(AllocationOption option, out double[] starts, out double[] multipliers)
    {
        var s = new List<double> { 0 };
        var m = new List<double> { 1 };
        if (option.DiminishingReturns is { Count: > 0 } curve)
        {
            foreach (var b in curve)
            {
                if (b.Units <= 0)
                {
                    m[0] = b.Multiplier;
                    continue;
                }

                if (b.Multiplier == m[^1])
                {
                    continue;
                }

                s.Add(b.Units);
                m.Add(b.Multiplier);
            }
        }

        starts = [.. s];
        multipliers = [.. m];
    }
}
