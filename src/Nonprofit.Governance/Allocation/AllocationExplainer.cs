using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Nonprofit.Governance.Allocation;

/// <summary>
/// Plain-language explanations of an allocation, in English (<c>"en"</c>) or French (<c>"fr"</c>), generated from the
/// solver's output by fixed templates (no language model): which constraints bind and what relaxing them would buy,
/// why each option got more or less than in the previous allocation, and which options sit near the edge of their
/// sensitivity range.
/// </summary>
public static class AllocationExplainer
{
    /// <summary>The languages <see cref="Explain"/> supports.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr"];

    /// <summary>Explains an allocation.</summary>
    /// <param name="problem">The problem that was solved.</param>
    /// <param name="result">Its result from <see cref="AllocationSolver.Solve(AllocationProblem, AllocationSolverOptions?)"/>.</param>
    /// <param name="language">An ISO 639-1 code, optionally with a region (<c>"en"</c>, <c>"fr-FR"</c>); case-insensitive.</param>
    /// <returns>The explanation, one sentence or bullet per line. Numbers are rounded to six significant decimals; French
    /// uses a decimal comma.</returns>
    /// <exception cref="ArgumentException">The language is not one of <see cref="Languages"/>, or the result does not
    /// belong to the problem.</exception>
    public static string Explain(AllocationProblem problem, AllocationResult result, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(language);
        var code = language.Split('-', '_')[0].ToUpperInvariant();
        var fr = code switch
        {
            "EN" => false,
            "FR" => true,
            _ => throw new ArgumentException($"Unsupported language '{language}': use one of {string.Join(", ", Languages)}.", nameof(language)),
        };
        if (result.Options.Count != 0 && result.Options.Count != problem.Options.Count)
        {
            throw new ArgumentException("The result has a different number of options than the problem.", nameof(result));
        }

        return new Writer(problem, result, fr).Write();
    }

    private sealed class Writer(AllocationProblem problem, AllocationResult result, bool fr)
    {
        private readonly StringBuilder _text = new();
        private readonly AllocationModel _model = new(problem);
        private readonly List<AllocationConstraint> _binding = [.. result.BindingConstraints];

        public string Write()
        {
            switch (result.Status)
            {
                case AllocationStatus.Infeasible:
                    Infeasible();
                    break;
                case AllocationStatus.Optimal or AllocationStatus.Feasible:
                    Headline();
                    Binding();
                    Changes();
                    Sensitivity();
                    break;
                default:
                    Line(T($"The solver stopped without an allocation (status {result.Status}).",
                        $"Le solveur s'est arrêté sans allocation (statut {result.Status})."));
                    break;
            }

            return _text.ToString();
        }

        private string T(string en, string french) => fr ? french : en;

        private void Line(string line) => _text.Append(line).Append('\n');

        private string N(double value)
        {
            var s = Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
            return fr ? s.Replace('.', ',') : s;
        }

        private string Bound(double? value, bool low) => value is { } v ? N(v) : low ? "−∞" : "+∞";

        private string Name(AllocationOption o) => fr ? $"« {o.DisplayName} »" : $"'{o.DisplayName}'";

        private string FloorDescription(EquityFloor floor, bool firstInList = true) => floor.MinShare is { } share
            ? firstInList ? T($"{N(share * 100)} % of the budget", $"{N(share * 100)} % du budget") : $"{N(share * 100)} %"
            : T($"at least {N(floor.MinAmount ?? 0)}", $"au moins {N(floor.MinAmount ?? 0)}");

        private void Headline()
        {
            var funded = result.Options.Count(o => o.Units > 0);
            var total = result.TotalImpact;
            Line(T(
                $"The allocation spends {N(result.TotalSpend)} of the budget of {N(problem.Budget)} on {funded} of {problem.Options.Count} options; the expected impact is {N(total.Value)} (from {N(total.LowOrValue)} to {N(total.HighOrValue)} given the uncertainty of the estimates).",
                $"L'allocation dépense {N(result.TotalSpend)} sur un budget de {N(problem.Budget)} pour {funded} des {problem.Options.Count} options ; l'impact attendu est de {N(total.Value)} (de {N(total.LowOrValue)} à {N(total.HighOrValue)} selon l'incertitude des estimations)."));
            if (result.Status == AllocationStatus.Feasible)
            {
                Line(T("The solver stopped at its time limit: this allocation is feasible but not proven optimal.",
                    "Le solveur s'est arrêté à sa limite de temps : cette allocation est réalisable mais pas prouvée optimale."));
            }

            if (result.IntegerUnits)
            {
                Line(T("Units are whole numbers.", "Les unités sont des nombres entiers."));
            }

            if (result.MarginalImpactPerCost is { } rate)
            {
                Line(T($"At the margin, each unit of money buys {N(rate)} of impact.",
                    $"À la marge, chaque unité d'argent apporte {N(rate)} d'impact."));
            }
        }

        private void Binding()
        {
            Line(T("Binding constraints:", "Contraintes actives :"));
            var any = false;
            foreach (var c in result.BindingConstraints)
            {
                any = true;
                var gain = c.ShadowPrice is { } p
                    ? p > 1e-9
                        ? T($" would buy about {N(p)} more impact", $" apporterait environ {N(p)} d'impact supplémentaire")
                        : null
                    : null;
                switch (c.Kind)
                {
                    case AllocationConstraintKind.Budget:
                        Line(gain is null
                            ? T("- The budget is fully used.", "- Le budget est entièrement utilisé.")
                            : T($"- The budget is fully used: one more unit of budget{gain}.",
                                $"- Le budget est entièrement utilisé : une unité de budget de plus{gain}."));
                        break;
                    case AllocationConstraintKind.EquityFloor:
                        {
                            var floor = problem.EquityFloors[c.FloorIndex!.Value];
                            var perPoint = floor.MinShare is not null && c.ShadowPrice is { } sp && sp > 1e-9
                                ? T($" ({N(sp * problem.Budget / 100)} per percentage point)", $" ({N(sp * problem.Budget / 100)} par point de pourcentage)")
                                : string.Empty;
                            Line(gain is null
                                ? T($"- The floor for {floor.Dimension}={floor.Value} ({FloorDescription(floor)}) is just met.",
                                    $"- Le plancher pour {floor.Dimension}={floor.Value} ({FloorDescription(floor)}) est tout juste atteint.")
                                : T($"- The floor for {floor.Dimension}={floor.Value} ({FloorDescription(floor)}) binds: lowering it by one unit of money{gain}{perPoint}.",
                                    $"- Le plancher pour {floor.Dimension}={floor.Value} ({FloorDescription(floor)}) est contraignant : l'abaisser d'une unité d'argent{gain}{perPoint}."));
                            break;
                        }

                    case AllocationConstraintKind.OptionMaximum:
                        {
                            var o = problem.Options[AllocationSolver.IndexOf(problem, c.OptionId!)];
                            Line(gain is null
                                ? T($"- {Name(o)} is at its maximum of {N(c.Limit)} units.", $"- {Name(o)} est à son maximum de {N(c.Limit)} unités.")
                                : T($"- {Name(o)} is at its maximum of {N(c.Limit)} units: raising it by one unit{gain}.",
                                    $"- {Name(o)} est à son maximum de {N(c.Limit)} unités : l'augmenter d'une unité{gain}."));
                            break;
                        }

                    case AllocationConstraintKind.OptionMinimum:
                        {
                            var o = problem.Options[AllocationSolver.IndexOf(problem, c.OptionId!)];
                            Line(gain is null
                                ? T($"- {Name(o)} is at its minimum of {N(c.Limit)} units.", $"- {Name(o)} est à son minimum de {N(c.Limit)} unités.")
                                : T($"- {Name(o)} is held at its minimum of {N(c.Limit)} units: lowering it by one unit{gain}.",
                                    $"- {Name(o)} est maintenu à son minimum de {N(c.Limit)} unités : le baisser d'une unité{gain}."));
                            break;
                        }

                    default:
                        break;
                }
            }

            if (!any)
            {
                Line(T("- None.", "- Aucune."));
            }

            if (result.IntegerUnits)
            {
                Line(T("Shadow prices are not defined for whole units; re-solve with a changed constraint to see its effect.",
                    "Les prix implicites ne sont pas définis pour des unités entières ; résolvez à nouveau avec la contrainte modifiée pour en voir l'effet."));
            }
        }

        private void Changes()
        {
            if (problem.PreviousAllocation is null)
            {
                return;
            }

            Line(T("Changes from the previous allocation:", "Changements par rapport à l'allocation précédente :"));
            var unchanged = 0;
            var rate = result.MarginalImpactPerCost;
            for (var i = 0; i < problem.Options.Count; i++)
            {
                var o = problem.Options[i];
                var a = result.Options[i];
                var previous = a.PreviousUnits ?? 0;
                var tol = 1e-6 * Math.Max(1, Math.Abs(previous));
                if (Math.Abs(a.Units - previous) <= tol)
                {
                    unchanged++;
                    continue;
                }

                var direction = a.Units > previous ? T("more", "en hausse") : T("less", "en baisse");
                Line(T($"- {Name(o)}: {N(a.Units)} units (previously {N(previous)}), {direction}: {Reason(i, rate)}.",
                    $"- {Name(o)} : {N(a.Units)} unités (auparavant {N(previous)}), {direction} : {Reason(i, rate)}."));
            }

            if (unchanged > 0)
            {
                Line(T($"- {unchanged} option(s) unchanged.", $"- {unchanged} option(s) inchangée(s)."));
            }
        }

        private string Reason(int i, double? rate)
        {
            var o = problem.Options[i];
            var units = result.Options[i].Units;
            var binding = _binding;
            var c = o.ImpactPerUnit.Value;
            var model = _model;
            if (binding.Any(b => b.Kind == AllocationConstraintKind.OptionMaximum && b.OptionId == o.Id))
            {
                return T($"it reaches its maximum of {N(o.MaxUnits ?? 0)} units", $"elle atteint son maximum de {N(o.MaxUnits ?? 0)} unités");
            }

            if (o.MinUnits > 0 && binding.Any(b => b.Kind == AllocationConstraintKind.OptionMinimum && b.OptionId == o.Id))
            {
                return T($"it is held at its minimum of {N(o.MinUnits)} units", $"elle est maintenue à son minimum de {N(o.MinUnits)} unités");
            }

            if (units <= 0)
            {
                var ratio0 = c * model.MultiplierAbove(i, 0) / o.CostPerUnit;
                return rate is { } r
                    ? T($"its impact per unit of cost ({N(ratio0)}) is below the marginal rate ({N(r)})",
                        $"son impact par unité de coût ({N(ratio0)}) est inférieur au taux marginal ({N(r)})")
                    : T($"other options give more impact per unit of cost than its {N(ratio0)}",
                        $"d'autres options apportent plus d'impact par unité de coût que ses {N(ratio0)}");
            }

            var ratio = c * model.MultiplierBelow(i, units) / o.CostPerUnit;
            var floor = binding.FirstOrDefault(b => b.Kind == AllocationConstraintKind.EquityFloor && b.ShadowPrice is > 1e-9
                && problem.EquityFloors[b.FloorIndex!.Value].Covers(o));
            if (floor is not null && (rate is not { } rr || ratio < rr - 1e-12))
            {
                return T($"the floor for {floor.Dimension}={floor.Value} requires it (its impact per unit of cost is {N(ratio)})",
                    $"le plancher pour {floor.Dimension}={floor.Value} l'exige (son impact par unité de coût est de {N(ratio)})");
            }

            var starts = model.SegmentStarts[i];
            if (starts.Skip(1).Any(s => Math.Abs(s - units) <= 1e-9 * Math.Max(1, s)))
            {
                var next = c * model.MultiplierAbove(i, units) / o.CostPerUnit;
                return T($"its returns diminish beyond {N(units)} units (the next unit would yield {N(next)} per unit of cost)",
                    $"ses rendements diminuent au-delà de {N(units)} unités (l'unité suivante apporterait {N(next)} par unité de coût)");
            }

            return rate is not null
                ? T($"it is the marginal option: its impact per unit of cost ({N(ratio)}) sets the marginal rate",
                    $"c'est l'option marginale : son impact par unité de coût ({N(ratio)}) fixe le taux marginal")
                : T($"its impact per unit of cost is {N(ratio)}", $"son impact par unité de coût est de {N(ratio)}");
        }

        private void Sensitivity()
        {
            if (result.Options.All(a => a.Sensitivity is null))
            {
                return;
            }

            Line(T("Sensitivity of the estimates:", "Sensibilité des estimations :"));
            var any = false;
            for (var i = 0; i < problem.Options.Count; i++)
            {
                var o = problem.Options[i];
                if (result.Options[i].Sensitivity is not { } range)
                {
                    continue;
                }

                var e = o.ImpactPerUnit;
                var interval = $"[{Bound(range.Low, true)}{T(", ", " ; ")}{Bound(range.High, false)}]";
                if (!range.Contains(e.LowOrValue) || !range.Contains(e.HighOrValue))
                {
                    any = true;
                    Line(T($"- The allocation would change if the impact per unit of {Name(o)} left {interval}, and its estimate ranges from {N(e.LowOrValue)} to {N(e.HighOrValue)}: the decision depends on this uncertainty.",
                        $"- L'allocation changerait si l'impact par unité de {Name(o)} sortait de {interval}, or son estimation va de {N(e.LowOrValue)} à {N(e.HighOrValue)} : la décision dépend de cette incertitude."));
                    continue;
                }

                var margin = 0.05 * Math.Max(Math.Abs(e.Value), 1e-12);
                if ((range.Low is { } l && e.Value - l <= margin) || (range.High is { } h && h - e.Value <= margin))
                {
                    any = true;
                    Line(T($"- {Name(o)} is close to the edge of its sensitivity range {interval} (estimate {N(e.Value)}).",
                        $"- {Name(o)} est proche de la limite de son intervalle de sensibilité {interval} (estimation {N(e.Value)})."));
                }
            }

            if (!any)
            {
                Line(T("- Every option's allocation holds across its estimate's interval.",
                    "- L'allocation de chaque option tient sur tout l'intervalle de son estimation."));
            }
        }

        private void Infeasible()
        {
            if (result.Conflict is not { } conflict)
            {
                Line(T("No allocation satisfies every constraint.", "Aucune allocation ne respecte toutes les contraintes."));
                return;
            }

            var message = fr ? FrenchConflict(conflict) : conflict.Message;
            Line(T($"No allocation satisfies every constraint: {message}.", $"Aucune allocation ne respecte toutes les contraintes : {message}."));
            var labels = conflict.Constraints.Select(Label).ToList();
            Line(T($"Relax one of these constraints: {AllocationSolver.Join(labels, "or")}.",
                $"Assouplissez l'une de ces contraintes : {AllocationSolver.Join(labels, "ou")}."));
        }

        private string Label(AllocationConstraint c)
        {
            switch (c.Kind)
            {
                case AllocationConstraintKind.Budget:
                    return T($"the budget ({N(problem.Budget)})", $"le budget ({N(problem.Budget)})");
                case AllocationConstraintKind.EquityFloor:
                    {
                        var floor = problem.EquityFloors[c.FloorIndex!.Value];
                        return T($"the floor for {floor.Dimension}={floor.Value} ({FloorDescription(floor)})",
                            $"le plancher pour {floor.Dimension}={floor.Value} ({FloorDescription(floor)})");
                    }

                default:
                    {
                        var o = problem.Options[AllocationSolver.IndexOf(problem, c.OptionId!)];
                        return T($"the minimum of {N(c.Limit)} units for {Name(o)}", $"le minimum de {N(c.Limit)} unités pour {Name(o)}");
                    }
            }
        }

        private string FrenchConflict(AllocationConflict conflict)
        {
            var others = conflict.Constraints.Where(c => c.Kind != AllocationConstraintKind.Budget).ToList();
            var parts = new List<string>();
            var floors = others.Where(c => c.Kind == AllocationConstraintKind.EquityFloor).ToList();
            if (floors.Count > 0)
            {
                var items = floors.Select((c, k) => $"{c.Dimension}={c.Value} ({FloorDescription(problem.EquityFloors[c.FloorIndex!.Value], k == 0)})").ToList();
                parts.Add((floors.Count == 1 ? "le plancher pour " : "les planchers pour ") + AllocationSolver.Join(items, "et"));
            }

            foreach (var c in others.Where(c => c.Kind == AllocationConstraintKind.OptionMinimum))
            {
                parts.Add(Label(c));
            }

            var subject = parts.Count == 0 ? "les contraintes" : AllocationSolver.Join(parts, "et");
            var plural = others.Count > 1;
            if (conflict.Constraints.Any(c => c.Kind == AllocationConstraintKind.Budget))
            {
                return conflict.RequiredSpend is { } r
                    ? $"{subject} {(plural ? "exigent" : "exige")} au moins {N(r)}, mais le budget est de {N(problem.Budget)}"
                    : $"{subject} {(plural ? "exigent" : "exige")} plus que le budget de {N(problem.Budget)}";
            }

            if (floors.Count == 1 && others.Count == 1)
            {
                var floor = problem.EquityFloors[floors[0].FloorIndex!.Value];
                var members = problem.Options.Where(floor.Covers).ToList();
                if (members.Count == 0)
                {
                    return $"{subject} ne peut pas être atteint : aucune option n'a {floor.Dimension}={floor.Value}";
                }

                var capacity = members.Sum(o => o.CostPerUnit * (o.MaxUnits ?? double.PositiveInfinity));
                return $"{subject} ne peut pas être atteint : les options avec {floor.Dimension}={floor.Value} peuvent recevoir au plus {N(capacity)}";
            }

            return $"{subject} ne peuvent pas être respectées ensemble";
        }
    }
}
