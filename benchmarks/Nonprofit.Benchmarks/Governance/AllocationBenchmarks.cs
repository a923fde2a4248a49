using System.Globalization;
using BenchmarkDotNet.Attributes;
using Nonprofit.Governance.Allocation;

namespace Nonprofit.Benchmarks.Governance;

/// <summary>
/// <see cref="AllocationSolver.Solve(AllocationProblem, AllocationSolverOptions?)"/> on 1,000 options with 50 equity floors
/// (20 regions, 25 districts, 2 sexes, 3 age bands), a third of the options with diminishing returns, generated with a
/// fixed seed; without and with sensitivity ranges (GLOP, continuous units). Goal: under 1 second.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private static readonly AllocationSolverOptions s_plain = new() { ComputeSensitivity = false };
    private static readonly AllocationSolverOptions s_sensitivity = new() { ComputeSensitivity = true };

    private AllocationProblem _problem = null!;

    [GlobalSetup]
    public void Setup()
    {
        _problem = Generate(1000, seed: 12);
        var check = AllocationSolver.Solve(_problem);
        if (check.Status != AllocationStatus.Optimal || check.EquityFloorsBinding() == 0)
        {
            throw new InvalidOperationException($"benchmark problem: {check.Status}");
        }
    }

    [Benchmark(Baseline = true)]
    public AllocationResult Solve() => AllocationSolver.Solve(_problem, s_plain);

    [Benchmark]
    public AllocationResult SolveWithSensitivity() => AllocationSolver.Solve(_problem, s_sensitivity);

    /// <summary>A reproducible problem: <paramref name="options"/> options and 50 floors.</summary>
    public static AllocationProblem Generate(int options, int seed)
    {
        var random = new Random(seed);
        var list = new List<AllocationOption>(options);
        for (var i = 0; i < options; i++)
        {
            var cost = 100 + (random.NextDouble() * 4900);
            var impact = cost * (0.5 + random.NextDouble()) / 1000;
            var option = new AllocationOption
            {
                Id = "opt-" + i.ToString(CultureInfo.InvariantCulture),
                CostPerUnit = cost,
                ImpactPerUnit = new ImpactEstimate { Value = impact, Low = impact * 0.7, High = impact * 1.3 },
                MaxUnits = random.Next(5, 60),
                MinUnits = random.NextDouble() < 0.1 ? 1 : 0,
                DiminishingReturns = random.NextDouble() < 0.33 ? [new ReturnsBreakpoint { Units = random.Next(2, 20), Multiplier = 0.3 + (random.NextDouble() * 0.5) }] : null,
            };
            option.Groups["region"] = "r" + random.Next(20).ToString(CultureInfo.InvariantCulture);
            option.Groups["district"] = "d" + random.Next(25).ToString(CultureInfo.InvariantCulture);
            option.Groups["sex"] = random.NextDouble() < 0.5 ? "female" : "male";
            option.Groups["age"] = "a" + random.Next(3).ToString(CultureInfo.InvariantCulture);
            list.Add(option);
        }

        var floors = new List<EquityFloor>();
        for (var r = 0; r < 20; r++)
        {
            floors.Add(new EquityFloor { Dimension = "region", Value = "r" + r.ToString(CultureInfo.InvariantCulture), MinShare = 0.02 + (random.NextDouble() * 0.02) });
        }

        for (var d = 0; d < 25; d++)
        {
            floors.Add(new EquityFloor { Dimension = "district", Value = "d" + d.ToString(CultureInfo.InvariantCulture), MinShare = 0.015 + (random.NextDouble() * 0.015) });
        }

        floors.Add(new EquityFloor { Dimension = "sex", Value = "female", MinShare = 0.55 });
        floors.Add(new EquityFloor { Dimension = "sex", Value = "male", MinShare = 0.3 });
        for (var a = 0; a < 3; a++)
        {
            floors.Add(new EquityFloor { Dimension = "age", Value = "a" + a.ToString(CultureInfo.InvariantCulture), MinShare = 0.2 + (a * 0.05) });
        }

        return new AllocationProblem { Budget = 5_000_000, Options = list, EquityFloors = floors };
    }
}

internal static class AllocationResultExtensions
{
    public static int EquityFloorsBinding(this AllocationResult result) =>
        result.BindingConstraints.Count(c => c.Kind == AllocationConstraintKind.EquityFloor);
}
