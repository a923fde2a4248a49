using Nonprofit.Governance.Fairness;

namespace Nonprofit.Governance.Tests.Fairness;

internal static class FairnessTestData
{
    /// <summary>Adds <paramref name="count"/> identical rows.</summary>
    public static void Add(List<(string Group, bool Decision, bool? Outcome)> rows, string group, bool decision, bool? outcome, int count)
    {
        for (var i = 0; i < count; i++)
        {
            rows.Add((group, decision, outcome));
        }
    }

    /// <summary>
    /// Group A (10 rows): TP 3, FN 1, FP 2, TN 4 -> selected 5, SR 5/10, TPR 3/4, FPR 2/6.
    /// Group B (8 rows):  TP 2, FN 3, FP 0, TN 3 -> selected 2, SR 2/8, TPR 2/5, FPR 0/3.
    /// </summary>
    public static List<(string Group, bool Decision, bool? Outcome)> TwoGroups()
    {
        var rows = new List<(string, bool, bool?)>();
        Add(rows, "A", true, true, 3);
        Add(rows, "A", false, true, 1);
        Add(rows, "A", true, false, 2);
        Add(rows, "A", false, false, 4);
        Add(rows, "B", true, true, 2);
        Add(rows, "B", false, true, 3);
        Add(rows, "B", false, false, 3);
        return rows;
    }

    /// <summary>
    /// Five groups with clearly separated rates, outcomes known: group k has selection propensity 0.1 (k + 1) among
    /// negatives and 0.2 + 0.15 k among positives, with 40 % positives. Deterministic from the seed.
    /// </summary>
    public static DecisionSample Large(int rows, int seed)
    {
        var random = new Random(seed);
        var groups = new int[rows];
        var decisions = new bool[rows];
        var outcomes = new Outcome[rows];
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(5);
            var positive = random.NextDouble() < 0.4;
            var p = positive ? 0.2 + (0.15 * g) : 0.1 * (g + 1);
            groups[i] = g;
            outcomes[i] = positive ? Outcome.Positive : Outcome.Negative;
            decisions[i] = random.NextDouble() < p;
        }

        return new DecisionSample(["g0", "g1", "g2", "g3", "g4"], groups, decisions, outcomes);
    }
}
