using CsCheck;
using Nonprofit.Governance.Allocation;

namespace Nonprofit.Governance.Tests.Allocation;

/// <summary>The solver against brute force on random small instances, and sensitivity ranges checked by re-solving.</summary>
public class AllocationPropertyTests
{
    private static readonly string[] s_regions = ["a", "b"];
    private static readonly string[] s_sexes = ["f", "m"];

    /// <summary>Whole units: ≤ 4 options, costs 1..5, at most 3 units each, an optional floor on region a.</summary>
    private static readonly Gen<AllocationProblem> s_integer =
        Gen.Select(Gen.Int[1, 5], Gen.Int[0, 100], Gen.Int[0, 3], Gen.Int[0, 1], Gen.Int[0, 1],
                (cost, impact, max, min, region) => new AllocationOption
                {
                    CostPerUnit = cost,
                    ImpactPerUnit = new ImpactEstimate { Value = impact / 10.0 },
                    MaxUnits = max,
                    MinUnits = Math.Min(min, max),
                    Groups = { ["region"] = s_regions[region] },
                })
            .Array[1, 4]
            .Select(Gen.Int[1, 20], Gen.Int[0, 12], Gen.Bool, (options, budget, floor, hasFloor) => Problem(options, budget, true,
                hasFloor ? [new EquityFloor { Dimension = "region", Value = "a", MinAmount = floor }] : []));

    /// <summary>Continuous units: ≤ 3 options, real costs and bounds, up to two floors.</summary>
    private static readonly Gen<AllocationProblem> s_continuous =
        Gen.Select(Gen.Double[1, 5], Gen.Double[0, 10], Gen.Double[1, 10].Nullable(), Gen.Double[0, 0.5], Gen.Int[0, 1], Gen.Int[0, 1],
                (cost, impact, max, minShare, region, sex) => new AllocationOption
                {
                    CostPerUnit = cost,
                    ImpactPerUnit = new ImpactEstimate { Value = impact },
                    MaxUnits = max,
                    MinUnits = minShare < 0.25 ? 0 : minShare * (max ?? 4),
                    Groups = { ["region"] = s_regions[region], ["sex"] = s_sexes[sex] },
                })
            .Array[1, 3]
            .Select(Gen.Double[5, 50], Gen.Double[0.01, 0.4], Gen.Double[0.5, 15], Gen.Int[0, 3], (options, budget, share, amount, floors) => Problem(options, budget, false,
                [.. new[]
                {
                    new EquityFloor { Dimension = "region", Value = "a", MinShare = share },
                    new EquityFloor { Dimension = "sex", Value = "f", MinAmount = amount },
                }.Where((_, k) => ((floors >> k) & 1) == 1)]));

    /// <summary>Continuous units with diminishing returns on some options, for sensitivity checks.</summary>
    private static readonly Gen<AllocationProblem> s_sensitivity =
        Gen.Select(Gen.Double[1, 5], Gen.Double[0.1, 10], Gen.Double[1, 10].Nullable(), Gen.Double[0.5, 5].Nullable(), Gen.Double[0.2, 0.9], Gen.Int[0, 1], Gen.Int[0, 1],
                (cost, impact, max, breakpoint, multiplier, region, sex) => new AllocationOption
                {
                    CostPerUnit = cost,
                    ImpactPerUnit = new ImpactEstimate { Value = impact },
                    MaxUnits = max,
                    Groups = { ["region"] = s_regions[region], ["sex"] = s_sexes[sex] },
                    DiminishingReturns = breakpoint is { } b ? [new ReturnsBreakpoint { Units = b, Multiplier = multiplier }] : null,
                })
            .Array[2, 5]
            .Select(Gen.Double[10, 60], Gen.Double[0.01, 0.3], Gen.Int[0, 3], (options, budget, share, floors) => Problem(options, budget, false,
                [.. new[]
                {
                    new EquityFloor { Dimension = "region", Value = "a", MinShare = share },
                    new EquityFloor { Dimension = "sex", Value = "f", MinShare = share / 2 },
                }.Where((_, k) => ((floors >> k) & 1) == 1)]));

    private static AllocationProblem Problem(AllocationOption[] options, double budget, bool integer, EquityFloor[] floors)
    {
        for (var i = 0; i < options.Length; i++)
        {
            options[i].Id = "o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new AllocationProblem { Budget = budget, IntegerUnits = integer, Options = options, EquityFloors = floors };
    }

    private static double Spend(AllocationProblem p, double[] x, Func<AllocationOption, bool> member) =>
        p.Options.Select((o, i) => member(o) ? o.CostPerUnit * x[i] : 0).Sum();

    [Fact]
    public void IntegerOptimum_EqualsEnumeration()
    {
        s_integer.Sample(p =>
        {
            var best = double.NegativeInfinity;
            var n = p.Options.Count;
            var x = new double[n];
            void Enumerate(int i)
            {
                if (i == n)
                {
                    if (Spend(p, x, _ => true) <= p.Budget && p.EquityFloors.All(f => Spend(p, x, f.Covers) >= p.FloorAmount(f)))
                    {
                        best = Math.Max(best, p.Options.Select((o, k) => o.ImpactPerUnit.Value * x[k]).Sum());
                    }

                    return;
                }

                for (var u = p.Options[i].MinUnits; u <= p.Options[i].MaxUnits; u++)
                {
                    x[i] = u;
                    Enumerate(i + 1);
                }
            }

            Enumerate(0);
            var r = AllocationSolver.Solve(p, new AllocationSolverOptions { ComputeSensitivity = false, FindConflict = false });
            if (double.IsNegativeInfinity(best))
            {
                Assert.Equal(AllocationStatus.Infeasible, r.Status);
            }
            else
            {
                Assert.Equal(AllocationStatus.Optimal, r.Status);
                Assert.Equal(best, r.TotalImpact.Value, 1e-6);
                Assert.All(r.Options, o => Assert.Equal(Math.Round(o.Units), o.Units));
            }
        }, iter: 200);
    }

    [Fact]
    public void ContinuousOptimum_EqualsBestVertex()
    {
        s_continuous.Sample(p =>
        {
            // Constraints as a·x <= b: budget, floors, minimums and maxima.
            var n = p.Options.Count;
            var rows = new List<(double[] A, double B)> { ([.. p.Options.Select(o => o.CostPerUnit)], p.Budget) };
            foreach (var f in p.EquityFloors)
            {
                rows.Add(([.. p.Options.Select(o => f.Covers(o) ? -o.CostPerUnit : 0)], -p.FloorAmount(f)));
            }

            for (var i = 0; i < n; i++)
            {
                var e = new double[n];
                e[i] = -1;
                rows.Add((e, -p.Options[i].MinUnits));
                if (p.Options[i].MaxUnits is { } max)
                {
                    var u = new double[n];
                    u[i] = 1;
                    rows.Add((u, max));
                }
            }

            var best = double.NegativeInfinity;
            foreach (var subset in Subsets(rows.Count, n))
            {
                if (SolveSquare([.. subset.Select(k => rows[k].A)], [.. subset.Select(k => rows[k].B)]) is not { } x)
                {
                    continue;
                }

                if (rows.All(r => r.A.Select((a, i) => a * x[i]).Sum() <= r.B + 1e-9))
                {
                    best = Math.Max(best, p.Options.Select((o, i) => o.ImpactPerUnit.Value * x[i]).Sum());
                }
            }

            var result = AllocationSolver.Solve(p, new AllocationSolverOptions { ComputeSensitivity = false, FindConflict = false });
            if (double.IsNegativeInfinity(best))
            {
                Assert.True(AllocationStatus.Infeasible == result.Status, p.ToJson());
            }
            else
            {
                Assert.True(AllocationStatus.Optimal == result.Status, $"{result.Status} {p.ToJson()}");
                Assert.Equal(best, result.TotalImpact.Value, 1e-6 * Math.Max(1, Math.Abs(best)));
            }
        }, iter: 300);
    }

    [Fact]
    public void BasisSensitivity_JustInsideKeepsAndJustOutsideChangesTheAllocation()
    {
        var checkedEnds = 0;
        s_sensitivity.Sample(p =>
        {
            var r = AllocationSolver.Solve(p);
            if (r.Status != AllocationStatus.Optimal)
            {
                return;
            }

            for (var i = 0; i < p.Options.Count; i++)
            {
                var range = r.Options[i].Sensitivity!;
                Assert.Equal(SensitivityMethod.Basis, range.Method);
                Assert.True(range.Contains(p.Options[i].ImpactPerUnit.Value));
                checkedEnds += CheckEnds(p, r, i, range);
            }
        }, iter: 150);
        Assert.True(checkedEnds > 100, $"only {checkedEnds} finite range ends checked");
    }

    [Fact]
    public void BasisSensitivity_OnALargeProblemWithFloors_IsVerifiedByResolving()
    {
        var random = new Random(7);
        var options = Enumerable.Range(0, 300).Select(i => new AllocationOption
        {
            Id = "o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CostPerUnit = 1 + (random.NextDouble() * 9),
            ImpactPerUnit = new ImpactEstimate { Value = random.NextDouble() * 10 },
            MaxUnits = random.Next(1, 20),
            Groups = { ["region"] = "r" + random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture), ["sex"] = s_sexes[random.Next(2)] },
            DiminishingReturns = random.NextDouble() < 0.3 ? [new ReturnsBreakpoint { Units = random.Next(1, 8), Multiplier = 0.5 }] : null,
        }).ToArray();
        var floors = Enumerable.Range(0, 10).Select(r => new EquityFloor { Dimension = "region", Value = "r" + r.ToString(System.Globalization.CultureInfo.InvariantCulture), MinShare = 0.07 + (0.02 * random.NextDouble()) })
            .Append(new EquityFloor { Dimension = "sex", Value = "f", MinShare = 0.6 }).ToArray();
        var p = Problem(options, 3000, false, floors);
        var r = AllocationSolver.Solve(p);
        Assert.Equal(AllocationStatus.Optimal, r.Status);
        Assert.True(r.BindingConstraints.Count(c => c.Kind == AllocationConstraintKind.EquityFloor) >= 2, string.Join(", ", r.BindingConstraints.Select(c => c.Label).Take(5)));
        var checkedEnds = 0;
        for (var i = 0; i < p.Options.Count; i += 15)
        {
            Assert.Equal(SensitivityMethod.Basis, r.Options[i].Sensitivity!.Method);
            checkedEnds += CheckEnds(p, r, i, r.Options[i].Sensitivity!);
        }

        Assert.True(checkedEnds >= 15, $"only {checkedEnds} ends checked");
    }

    [Fact]
    public void ResolveSensitivity_JustInsideKeepsAndJustOutsideChangesTheAllocation()
    {
        s_integer.Sample(p =>
        {
            var r = AllocationSolver.Solve(p);
            if (r.Status != AllocationStatus.Optimal)
            {
                return;
            }

            for (var i = 0; i < p.Options.Count; i++)
            {
                Assert.Equal(SensitivityMethod.Resolve, r.Options[i].Sensitivity!.Method);
                CheckEnds(p, r, i, r.Options[i].Sensitivity!);
            }
        }, iter: 8);
    }

    internal static int CheckEnds(AllocationProblem p, AllocationResult r, int i, SensitivityRange range)
    {
        var original = p.Options[i].ImpactPerUnit.Value;
        var checkedEnds = 0;
        // Steps relative to the problem's largest impact per unit: the solver's optimality tolerance (about 1e-7 of the
        // scaled objective) cannot tell smaller differences apart.
        var scale = Math.Max(1e-9, p.Options.Max(o => Math.Abs(o.ImpactPerUnit.Value)));
        try
        {
            foreach (var (end, sign) in new[] { (range.Low, -1), (range.High, +1) })
            {
                if (end is not { } e)
                {
                    continue;
                }

                var inside = e - (sign * 1e-5 * scale);
                if (range.Contains(inside))
                {
                    Assert.True(SameAllocation(p, r, i, inside), $"option {i}: inside {inside} of [{range.Low}, {range.High}] changed the allocation {string.Join(",", r.Options.Select(o => o.Units))} {p.ToJson()}");
                }

                var outside = e + (sign * 1e-4 * scale);
                if (outside < 0 && p.Options[i].DiminishingReturns is not null)
                {
                    continue; // a curve needs a non-negative impact per unit: its range stops at 0
                }

                Assert.False(SameAllocation(p, r, i, outside), $"option {i}: outside {outside} of [{range.Low}, {range.High}] kept the allocation");
                checkedEnds++;
            }
        }
        finally
        {
            p.Options[i].ImpactPerUnit.Value = original;
        }

        return checkedEnds;
    }

    private static bool SameAllocation(AllocationProblem p, AllocationResult r, int i, double coefficient)
    {
        p.Options[i].ImpactPerUnit.Value = coefficient;
        var s = AllocationSolver.Solve(p, new AllocationSolverOptions { ComputeSensitivity = false, FindConflict = false });
        return s.Options.Select((o, k) => Math.Abs(o.Units - r.Options[k].Units) <= 1e-6 * Math.Max(1, Math.Abs(r.Options[k].Units))).All(b => b);
    }

    private static IEnumerable<int[]> Subsets(int count, int size)
    {
        var pick = new int[size];
        IEnumerable<int[]> From(int start, int depth)
        {
            if (depth == size)
            {
                yield return (int[])pick.Clone();
                yield break;
            }

            for (var k = start; k < count; k++)
            {
                pick[depth] = k;
                foreach (var s in From(k + 1, depth + 1))
                {
                    yield return s;
                }
            }
        }

        return From(0, 0);
    }

    /// <summary>Gaussian elimination with partial pivoting; null when singular.</summary>
    private static double[]? SolveSquare(double[][] a, double[] b)
    {
        var n = b.Length;
        var m = a.Select(r => (double[])r.Clone()).ToArray();
        var v = (double[])b.Clone();
        for (var k = 0; k < n; k++)
        {
            var p = Enumerable.Range(k, n - k).MaxBy(i => Math.Abs(m[i][k]));
            if (Math.Abs(m[p][k]) < 1e-12)
            {
                return null;
            }

            (m[k], m[p]) = (m[p], m[k]);
            (v[k], v[p]) = (v[p], v[k]);
            for (var i = k + 1; i < n; i++)
            {
                var f = m[i][k] / m[k][k];
                for (var j = k; j < n; j++)
                {
                    m[i][j] -= f * m[k][j];
                }

                v[i] -= f * v[k];
            }
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            x[i] = (v[i] - Enumerable.Range(i + 1, n - i - 1).Sum(j => m[i][j] * x[j])) / m[i][i];
        }

        return x;
    }
}
