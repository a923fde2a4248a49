using System;
using System.Collections.Generic;

namespace Nonprofit.Governance.Fairness;

/// <summary>
/// Point values of the group and between-group fairness metrics, with Fairlearn's definitions and its default
/// <c>method='between_groups'</c>.
/// </summary>
/// <remarks>
/// <para>Sources: Fairlearn's API reference, <see href="https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.MetricFrame.html"/>
/// (<c>MetricFrame.difference</c>: "group_max() - group_min()"; <c>MetricFrame.ratio</c>: "group_min() / group_max()"),
/// and the functions' docstrings in <c>fairlearn/metrics/_fairness_metrics.py</c>, <c>_base_metrics.py</c> and
/// <c>_disaggregated_result.py</c> (github.com/fairlearn/fairlearn).</para>
/// <para>For group <c>a</c>: selection rate <c>SR_a = selected_a / n_a</c> (<c>selection_rate</c>: "the fraction of
/// predicted labels matching the 'good' outcome"); true positive rate <c>TPR_a = TP_a / (TP_a + FN_a)</c> and false
/// positive rate <c>FPR_a = FP_a / (FP_a + TN_a)</c> (<c>true_positive_rate</c>, <c>false_positive_rate</c>, computed
/// by Fairlearn from scikit-learn's <c>confusion_matrix(normalize='true')</c>, which replaces 0/0 by 0: a group with no
/// positive outcomes has TPR 0, a group with no negative outcomes has FPR 0).</para>
/// <para>Between groups: difference = <c>max_a m_a − min_a m_a</c>; ratio = <c>min_a m_a / max_a m_a</c>, which is NaN
/// when every group's rate is 0 (0/0 in pandas) and 0 when some but not all are 0. Equalised odds difference =
/// <c>max(TPR difference, FPR difference)</c>; equalised odds ratio = <c>min(TPR ratio, FPR ratio)</c> with Python's
/// built-in <c>min</c> over <c>[TPR ratio, FPR ratio]</c>, so it is NaN when the TPR ratio is NaN and the TPR ratio when
/// only the FPR ratio is NaN.</para>
/// <para>Outcomes known for only some rows: Fairlearn needs a label for every row; here the error rates use the rows
/// whose outcome is known (as Fairlearn would on that subset) and selection rates use every row. A group none of whose
/// rows has a known outcome has no TPR or FPR (NaN) and is left out of their minimum and maximum, as pandas skips NaN.</para>
/// </remarks>
public static class FairnessMetrics
{
    /// <summary>The selection rate of each group, in the order of <see cref="DecisionSample.Groups"/>.</summary>
    /// <param name="sample">The decisions.</param>
    /// <returns>Selected rows over rows, per group.</returns>
    public static IReadOnlyList<double> SelectionRates(DecisionSample sample) => Rates(sample).SelectionRate;

    /// <summary>The true positive rate of each group over rows with a known outcome (0 when a group has no positive
    /// outcome, NaN when it has no known outcome).</summary>
    /// <param name="sample">The decisions.</param>
    /// <returns>TP / (TP + FN), per group.</returns>
    public static IReadOnlyList<double> TruePositiveRates(DecisionSample sample) => Rates(sample).TruePositiveRate;

    /// <summary>The false positive rate of each group over rows with a known outcome (0 when a group has no negative
    /// outcome, NaN when it has no known outcome).</summary>
    /// <param name="sample">The decisions.</param>
    /// <returns>FP / (FP + TN), per group.</returns>
    public static IReadOnlyList<double> FalsePositiveRates(DecisionSample sample) => Rates(sample).FalsePositiveRate;

    /// <summary>All between-group metrics; the error-rate metrics only when <see cref="DecisionSample.HasOutcomes"/>.</summary>
    /// <param name="sample">The decisions.</param>
    /// <returns>The value of each metric.</returns>
    public static IReadOnlyDictionary<FairnessMetric, double> Compute(DecisionSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var rates = Rates(sample);
        Span<double> values = stackalloc double[FairnessCore.MetricCount];
        FairnessCore.Metrics(rates.SelectionRate, rates.TruePositiveRate, rates.FalsePositiveRate, values);
        var result = new Dictionary<FairnessMetric, double>();
        for (var m = 0; m < values.Length; m++)
        {
            if (sample.HasOutcomes || !FairnessCore.NeedsOutcomes((FairnessMetric)m))
            {
                result[(FairnessMetric)m] = values[m];
            }
        }

        return result;
    }

    private static (double[] SelectionRate, double[] TruePositiveRate, double[] FalsePositiveRate) Rates(DecisionSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var cells = FairnessCore.Count(sample);
        var groups = sample.Groups.Count;
        var sr = new double[groups];
        var tpr = new double[groups];
        var fpr = new double[groups];
        FairnessCore.GroupRates(cells, sr, tpr, fpr);
        return (sr, tpr, fpr);
    }
}

/// <summary>The counting and arithmetic shared by the point metrics and the bootstrap.</summary>
internal static class FairnessCore
{
    /// <summary>Cells per group: outcome (unknown, negative, positive) × decision (not selected, selected).</summary>
    public const int CellsPerGroup = 6;

    public const int MetricCount = 8;

    // Cell index within a group: (int)outcome * 2 + (selected ? 1 : 0).
    public const int FalseNegative = ((int)Outcome.Positive * 2) + 0;
    public const int TruePositive = ((int)Outcome.Positive * 2) + 1;
    public const int TrueNegative = ((int)Outcome.Negative * 2) + 0;
    public const int FalsePositive = ((int)Outcome.Negative * 2) + 1;

    public static bool NeedsOutcomes(FairnessMetric metric) =>
        metric is not (FairnessMetric.DemographicParityDifference or FairnessMetric.DemographicParityRatio);

    /// <summary>Counts the rows of each group in each cell, in one pass.</summary>
    public static long[] Count(DecisionSample sample)
    {
        var groups = sample.GroupIndices;
        var decisions = sample.Decisions;
        var outcomes = sample.Outcomes;
        // 32-bit counters for the pass (a sample has at most int.MaxValue rows), widened at the end.
        var counts = new int[sample.Groups.Count * CellsPerGroup];
        if (outcomes.IsEmpty)
        {
            for (var i = 0; i < groups.Length; i++)
            {
                counts[(groups[i] * CellsPerGroup) + (decisions[i] ? 1 : 0)]++;
            }
        }
        else
        {
            for (var i = 0; i < groups.Length; i++)
            {
                counts[(groups[i] * CellsPerGroup) + ((int)outcomes[i] * 2) + (decisions[i] ? 1 : 0)]++;
            }
        }

        var cells = new long[counts.Length];
        for (var c = 0; c < counts.Length; c++)
        {
            cells[c] = counts[c];
        }

        return cells;
    }

    /// <summary>Selection rate, TPR and FPR of each group from its cells (see <see cref="FairnessMetrics"/>).</summary>
    public static void GroupRates(ReadOnlySpan<long> cells, Span<double> selectionRate, Span<double> truePositiveRate, Span<double> falsePositiveRate)
    {
        for (var g = 0; g < selectionRate.Length; g++)
        {
            var c = cells.Slice(g * CellsPerGroup, CellsPerGroup);
            var n = c[0] + c[1] + c[2] + c[3] + c[4] + c[5];
            var selected = c[1] + c[3] + c[5];
            selectionRate[g] = n == 0 ? double.NaN : (double)selected / n;
            var positives = c[TruePositive] + c[FalseNegative];
            var negatives = c[FalsePositive] + c[TrueNegative];
            if (positives + negatives == 0)
            {
                truePositiveRate[g] = double.NaN;
                falsePositiveRate[g] = double.NaN;
            }
            else
            {
                // scikit-learn's confusion_matrix(normalize='true') turns 0/0 into 0 (np.nan_to_num).
                truePositiveRate[g] = positives == 0 ? 0 : (double)c[TruePositive] / positives;
                falsePositiveRate[g] = negatives == 0 ? 0 : (double)c[FalsePositive] / negatives;
            }
        }
    }

    /// <summary>The eight between-group metrics, in <see cref="FairnessMetric"/> order.</summary>
    public static void Metrics(ReadOnlySpan<double> selectionRate, ReadOnlySpan<double> truePositiveRate, ReadOnlySpan<double> falsePositiveRate, Span<double> metrics)
    {
        var (srMin, srMax) = MinMax(selectionRate);
        var (tprMin, tprMax) = MinMax(truePositiveRate);
        var (fprMin, fprMax) = MinMax(falsePositiveRate);
        metrics[(int)FairnessMetric.DemographicParityDifference] = srMax - srMin;
        metrics[(int)FairnessMetric.DemographicParityRatio] = srMin / srMax;
        var tprDifference = tprMax - tprMin;
        var tprRatio = tprMin / tprMax;
        var fprDifference = fprMax - fprMin;
        var fprRatio = fprMin / fprMax;
        metrics[(int)FairnessMetric.EqualOpportunityDifference] = tprDifference;
        metrics[(int)FairnessMetric.EqualOpportunityRatio] = tprRatio;
        metrics[(int)FairnessMetric.FalsePositiveRateDifference] = fprDifference;
        metrics[(int)FairnessMetric.FalsePositiveRateRatio] = fprRatio;
        metrics[(int)FairnessMetric.EqualizedOddsDifference] = PythonMax(tprDifference, fprDifference);
        metrics[(int)FairnessMetric.EqualizedOddsRatio] = PythonMin(tprRatio, fprRatio);
    }

    /// <summary>Minimum and maximum skipping NaN (pandas' default); both NaN when every value is NaN.</summary>
    private static (double Min, double Max) MinMax(ReadOnlySpan<double> values)
    {
        var min = double.NaN;
        var max = double.NaN;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            if (double.IsNaN(min) || v < min)
            {
                min = v;
            }

            if (double.IsNaN(max) || v > max)
            {
                max = v;
            }
        }

        return (min, max);
    }

    /// <summary>Python's built-in <c>min([first, second])</c>: keeps the first unless the second compares smaller.</summary>
    private static double PythonMin(double first, double second) => second < first ? second : first;

    /// <summary>Python's built-in <c>max([first, second])</c>: keeps the first unless the second compares greater.</summary>
    private static double PythonMax(double first, double second) => second > first ? second : first;
}
