using Nonprofit.Governance.Allocation;
using static Nonprofit.Governance.Tests.Allocation.Problems;

namespace Nonprofit.Governance.Tests.Allocation;

public class AllocationExplainerTests
{
    [Fact]
    public void Explain_Floor_English()
    {
        var p = Floor();
        var text = AllocationExplainer.Explain(p, AllocationSolver.Solve(p), "en");
        Assert.Contains("The allocation spends 100 of the budget of 100 on 2 of 2 options; the expected impact is 41", text, StringComparison.Ordinal);
        Assert.Contains("- The budget is fully used: one more unit of budget would buy about 0.41 more impact.", text, StringComparison.Ordinal);
        Assert.Contains("- The floor for region=south (30 % of the budget) binds: lowering it by one unit of money would buy about 0.3 more impact (0.3 per percentage point).", text, StringComparison.Ordinal);
        Assert.Contains("- 'A': 7 units (previously 5), more: it is the marginal option: its impact per unit of cost (0.5) sets the marginal rate.", text, StringComparison.Ordinal);
        Assert.Contains("- 'B': 3 units (previously 5), less: the floor for region=south requires it (its impact per unit of cost is 0.2).", text, StringComparison.Ordinal);
        Assert.Contains("At the margin, each unit of money buys 0.5 of impact.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Floor_French()
    {
        var p = Floor();
        var text = AllocationExplainer.Explain(p, AllocationSolver.Solve(p), "fr-FR");
        Assert.Contains("L'allocation dépense 100 sur un budget de 100 pour 2 des 2 options ; l'impact attendu est de 41", text, StringComparison.Ordinal);
        Assert.Contains("- Le budget est entièrement utilisé : une unité de budget de plus apporterait environ 0,41 d'impact supplémentaire.", text, StringComparison.Ordinal);
        Assert.Contains("- Le plancher pour region=south (30 % du budget) est contraignant : l'abaisser d'une unité d'argent apporterait environ 0,3 d'impact supplémentaire (0,3 par point de pourcentage).", text, StringComparison.Ordinal);
        Assert.Contains("- « B » : 3 unités (auparavant 5), en baisse : le plancher pour region=south l'exige (son impact par unité de coût est de 0,2).", text, StringComparison.Ordinal);
        Assert.Contains("- « A » : 7 unités (auparavant 5), en hausse : c'est l'option marginale", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Knapsack_MaximumZeroAndSensitivity()
    {
        var p = Knapsack();
        var q = new AllocationProblem { Budget = p.Budget, Options = p.Options, PreviousAllocation = new Dictionary<string, double> { ["A"] = 4, ["C"] = 2 } };
        // B's estimate may fall to 3.5, below its range [4, 10]: the decision depends on it.
        q.Options[1].ImpactPerUnit.Low = 3.5;
        var r = AllocationSolver.Solve(q);
        var en = AllocationExplainer.Explain(q, r);
        Assert.Contains("- 'A' is at its maximum of 6 units: raising it by one unit would buy about 2 more impact.", en, StringComparison.Ordinal);
        Assert.Contains("- 'A': 6 units (previously 4), more: it reaches its maximum of 6 units.", en, StringComparison.Ordinal);
        Assert.Contains("- 'C': 0 units (previously 2), less: its impact per unit of cost (0.2) is below the marginal rate (0.3).", en, StringComparison.Ordinal);
        Assert.Contains("- The allocation would change if the impact per unit of 'B' left [4, 10], and its estimate ranges from 3.5 to 6: the decision depends on this uncertainty.", en, StringComparison.Ordinal);

        var fr = AllocationExplainer.Explain(q, r, "fr");
        Assert.Contains("- « A » est à son maximum de 6 unités : l'augmenter d'une unité apporterait environ 2 d'impact supplémentaire.", fr, StringComparison.Ordinal);
        Assert.Contains("- « C » : 0 unités (auparavant 2), en baisse : son impact par unité de coût (0,2) est inférieur au taux marginal (0,3).", fr, StringComparison.Ordinal);
        Assert.Contains("- L'allocation changerait si l'impact par unité de « B » sortait de [4 ; 10], or son estimation va de 3,5 à 6 : la décision dépend de cette incertitude.", fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_DiminishingReturns()
    {
        var p = new AllocationProblem
        {
            Budget = 100,
            Options =
            [
                new AllocationOption
                {
                    Id = "A",
                    CostPerUnit = 10,
                    ImpactPerUnit = new ImpactEstimate { Value = 10 },
                    DiminishingReturns = [new ReturnsBreakpoint { Units = 3, Multiplier = 0.5 }],
                },
                Option("B", 10, 6),
            ],
            PreviousAllocation = new Dictionary<string, double> { ["A"] = 5, ["B"] = 5 },
        };
        var r = AllocationSolver.Solve(p);
        Assert.Contains("- 'A': 3 units (previously 5), less: its returns diminish beyond 3 units (the next unit would yield 0.5 per unit of cost).", AllocationExplainer.Explain(p, r), StringComparison.Ordinal);
        Assert.Contains("- « A » : 3 unités (auparavant 5), en baisse : ses rendements diminuent au-delà de 3 unités (l'unité suivante apporterait 0,5 par unité de coût).", AllocationExplainer.Explain(p, r, "fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Infeasible_BothLanguages()
    {
        var p = InfeasibleAllocationTests.TwoFloors();
        var r = AllocationSolver.Solve(p);
        var en = AllocationExplainer.Explain(p, r, "en");
        Assert.Contains("No allocation satisfies every constraint: the floors for region=north (40 % of budget) and sex=female (70 %) need at least 110 but the budget is 100.", en, StringComparison.Ordinal);
        Assert.Contains("Relax one of these constraints: the budget (100), the floor for region=north (40 % of the budget) or the floor for sex=female (70 % of the budget).", en, StringComparison.Ordinal);
        var fr = AllocationExplainer.Explain(p, r, "fr");
        Assert.Contains("Aucune allocation ne respecte toutes les contraintes : les planchers pour region=north (40 % du budget) et sex=female (70 %) exigent au moins 110, mais le budget est de 100.", fr, StringComparison.Ordinal);
        Assert.Contains("Assouplissez l'une de ces contraintes : le budget (100), le plancher pour region=north (40 % du budget) ou le plancher pour sex=female (70 % du budget).", fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_IntegerUnits_SaysShadowPricesAreUndefined()
    {
        var p = new AllocationProblem { Budget = 10, IntegerUnits = true, Options = [Option("A", 3, 4), Option("B", 4, 5)] };
        var r = AllocationSolver.Solve(p, new AllocationSolverOptions { ComputeSensitivity = false });
        Assert.Contains("Shadow prices are not defined for whole units", AllocationExplainer.Explain(p, r), StringComparison.Ordinal);
        Assert.Contains("Les prix implicites ne sont pas définis pour des unités entières", AllocationExplainer.Explain(p, r, "fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UnknownLanguage_Throws()
    {
        var p = Knapsack();
        var ex = Assert.Throws<ArgumentException>(() => AllocationExplainer.Explain(p, AllocationSolver.Solve(p), "sw"));
        Assert.Equal("language", ex.ParamName);
    }
}
