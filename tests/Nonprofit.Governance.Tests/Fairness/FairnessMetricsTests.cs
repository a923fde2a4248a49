using CsCheck;
using Nonprofit.Governance.Fairness;

namespace Nonprofit.Governance.Tests.Fairness;

/// <summary>
/// Hand-computed cases against Fairlearn's definitions (fairlearn.metrics, method='between_groups'):
/// https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.MetricFrame.html (difference =
/// group_max - group_min, ratio = group_min / group_max) and fairlearn/metrics/_fairness_metrics.py
/// (equalized_odds_difference = max of the TPR and FPR differences; equalized_odds_ratio = min of the ratios).
/// </summary>
public class FairnessMetricsTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void TwoGroups_MatchHandComputedValues()
    {
        var sample = DecisionSample.FromRows(FairnessTestData.TwoGroups());
        Assert.Equal(["A", "B"], sample.Groups);

        // SR_A = 5/10 = 0.5, SR_B = 2/8 = 0.25.
        var sr = FairnessMetrics.SelectionRates(sample);
        Assert.Equal(0.5, sr[0], Tolerance);
        Assert.Equal(0.25, sr[1], Tolerance);

        // TPR_A = 3/(3+1) = 0.75, TPR_B = 2/(2+3) = 0.4; FPR_A = 2/(2+4) = 1/3, FPR_B = 0/(0+3) = 0.
        var tpr = FairnessMetrics.TruePositiveRates(sample);
        var fpr = FairnessMetrics.FalsePositiveRates(sample);
        Assert.Equal(0.75, tpr[0], Tolerance);
        Assert.Equal(0.4, tpr[1], Tolerance);
        Assert.Equal(1.0 / 3, fpr[0], Tolerance);
        Assert.Equal(0.0, fpr[1], Tolerance);

        var m = FairnessMetrics.Compute(sample);
        Assert.Equal(0.25, m[FairnessMetric.DemographicParityDifference], Tolerance);  // 0.5 - 0.25
        Assert.Equal(0.5, m[FairnessMetric.DemographicParityRatio], Tolerance);        // 0.25 / 0.5
        Assert.Equal(0.35, m[FairnessMetric.EqualOpportunityDifference], Tolerance);   // 0.75 - 0.4
        Assert.Equal(8.0 / 15, m[FairnessMetric.EqualOpportunityRatio], Tolerance);    // 0.4 / 0.75
        Assert.Equal(1.0 / 3, m[FairnessMetric.FalsePositiveRateDifference], Tolerance); // 1/3 - 0
        Assert.Equal(0.0, m[FairnessMetric.FalsePositiveRateRatio], Tolerance);        // 0 / (1/3)
        Assert.Equal(0.35, m[FairnessMetric.EqualizedOddsDifference], Tolerance);      // max(0.35, 1/3)
        Assert.Equal(0.0, m[FairnessMetric.EqualizedOddsRatio], Tolerance);            // min(8/15, 0)
    }

    [Fact]
    public void GroupWithNoPositives_HasTruePositiveRateZero_AsScikitLearnNormalisesIt()
    {
        // Adds group C (5 rows, all negative): FP 1, TN 4 -> SR 1/5 = 0.2, TPR 0 (0/0 -> 0 in
        // confusion_matrix(normalize='true')), FPR 1/5 = 0.2.
        var rows = FairnessTestData.TwoGroups();
        FairnessTestData.Add(rows, "C", true, false, 1);
        FairnessTestData.Add(rows, "C", false, false, 4);
        var sample = DecisionSample.FromRows(rows);
        Assert.Equal(0.0, FairnessMetrics.TruePositiveRates(sample)[2], Tolerance);

        var m = FairnessMetrics.Compute(sample);
        Assert.Equal(0.3, m[FairnessMetric.DemographicParityDifference], Tolerance);   // 0.5 - 0.2
        Assert.Equal(0.4, m[FairnessMetric.DemographicParityRatio], Tolerance);        // 0.2 / 0.5
        Assert.Equal(0.75, m[FairnessMetric.EqualOpportunityDifference], Tolerance);   // TPR {0.75, 0.4, 0}: 0.75 - 0
        Assert.Equal(0.0, m[FairnessMetric.EqualOpportunityRatio], Tolerance);         // 0 / 0.75
        Assert.Equal(1.0 / 3, m[FairnessMetric.FalsePositiveRateDifference], Tolerance); // FPR {1/3, 0, 0.2}
        Assert.Equal(0.75, m[FairnessMetric.EqualizedOddsDifference], Tolerance);      // max(0.75, 1/3)
        Assert.Equal(0.0, m[FairnessMetric.EqualizedOddsRatio], Tolerance);
    }

    [Fact]
    public void NobodySelected_RatiosAreNaN_DifferencesZero()
    {
        // Every rate is 0, so min / max = 0 / 0 = NaN (pandas) and max - min = 0.
        var rows = new List<(string, bool, bool?)>();
        FairnessTestData.Add(rows, "A", false, true, 2);
        FairnessTestData.Add(rows, "A", false, false, 2);
        FairnessTestData.Add(rows, "B", false, true, 1);
        FairnessTestData.Add(rows, "B", false, false, 3);
        var m = FairnessMetrics.Compute(DecisionSample.FromRows(rows));
        Assert.Equal(0.0, m[FairnessMetric.DemographicParityDifference]);
        Assert.True(double.IsNaN(m[FairnessMetric.DemographicParityRatio]));
        Assert.True(double.IsNaN(m[FairnessMetric.EqualOpportunityRatio]));
        Assert.True(double.IsNaN(m[FairnessMetric.EqualizedOddsRatio]));
        Assert.Equal(0.0, m[FairnessMetric.EqualizedOddsDifference]);
    }

    [Fact]
    public void EqualizedOddsRatio_FollowsPythonMinOverTprThenFpr()
    {
        // FPR ratio NaN (no false positives anywhere), TPR ratio 0.5: Python's min([0.5, nan]) = 0.5.
        // A: TP 1, FN 1, TN 2 -> TPR 1/2; B: TP 1, TN 1 -> TPR 1/1.
        var rows = new List<(string, bool, bool?)>();
        FairnessTestData.Add(rows, "A", true, true, 1);
        FairnessTestData.Add(rows, "A", false, true, 1);
        FairnessTestData.Add(rows, "A", false, false, 2);
        FairnessTestData.Add(rows, "B", true, true, 1);
        FairnessTestData.Add(rows, "B", false, false, 1);
        var m = FairnessMetrics.Compute(DecisionSample.FromRows(rows));
        Assert.True(double.IsNaN(m[FairnessMetric.FalsePositiveRateRatio]));
        Assert.Equal(0.5, m[FairnessMetric.EqualizedOddsRatio], Tolerance);

        // TPR ratio NaN (no true positives anywhere), FPR ratio 0: Python's min([nan, 0.0]) = nan.
        // A: FN 1, FP 1, TN 1 -> FPR 1/2; B: FN 1, TN 1 -> FPR 0.
        rows.Clear();
        FairnessTestData.Add(rows, "A", false, true, 1);
        FairnessTestData.Add(rows, "A", true, false, 1);
        FairnessTestData.Add(rows, "A", false, false, 1);
        FairnessTestData.Add(rows, "B", false, true, 1);
        FairnessTestData.Add(rows, "B", false, false, 1);
        m = FairnessMetrics.Compute(DecisionSample.FromRows(rows));
        Assert.Equal(0.0, m[FairnessMetric.FalsePositiveRateRatio], Tolerance);
        Assert.True(double.IsNaN(m[FairnessMetric.EqualizedOddsRatio]));
    }

    [Fact]
    public void OneGroup_DifferenceZero_RatioOne()
    {
        var rows = new List<(string, bool, bool?)>();
        FairnessTestData.Add(rows, "only", true, true, 2);
        FairnessTestData.Add(rows, "only", false, false, 1);
        var m = FairnessMetrics.Compute(DecisionSample.FromRows(rows));
        Assert.Equal(0.0, m[FairnessMetric.DemographicParityDifference]);
        Assert.Equal(1.0, m[FairnessMetric.DemographicParityRatio]);
    }

    [Fact]
    public void UnknownOutcomes_CountForSelectionOnly()
    {
        // A: 2 selected with unknown outcome, TP 1, TN 1 -> SR 3/4, TPR 1/1, FPR 0/1.
        // B: no outcome known, 1 of 4 selected -> SR 1/4, TPR and FPR NaN and left out of min and max.
        // C: TP 1, FN 1 -> SR 1/2, TPR 1/2, FPR 0 (no negatives).
        var rows = new List<(string, bool, bool?)>();
        FairnessTestData.Add(rows, "A", true, null, 2);
        FairnessTestData.Add(rows, "A", true, true, 1);
        FairnessTestData.Add(rows, "A", false, false, 1);
        FairnessTestData.Add(rows, "B", true, null, 1);
        FairnessTestData.Add(rows, "B", false, null, 3);
        FairnessTestData.Add(rows, "C", true, true, 1);
        FairnessTestData.Add(rows, "C", false, true, 1);
        var sample = DecisionSample.FromRows(rows);
        Assert.True(sample.HasOutcomes);
        Assert.True(double.IsNaN(FairnessMetrics.TruePositiveRates(sample)[1]));
        var m = FairnessMetrics.Compute(sample);
        Assert.Equal(0.5, m[FairnessMetric.DemographicParityDifference], Tolerance);    // 3/4 - 1/4
        Assert.Equal(1.0 / 3, m[FairnessMetric.DemographicParityRatio], Tolerance);     // (1/4) / (3/4)
        Assert.Equal(0.5, m[FairnessMetric.EqualOpportunityDifference], Tolerance);     // TPR {1, -, 1/2}
        Assert.Equal(0.0, m[FairnessMetric.FalsePositiveRateDifference], Tolerance);    // FPR {0, -, 0}
        Assert.True(double.IsNaN(m[FairnessMetric.FalsePositiveRateRatio]));            // 0 / 0
        Assert.Equal(0.5, m[FairnessMetric.EqualizedOddsDifference], Tolerance);
        Assert.Equal(0.5, m[FairnessMetric.EqualizedOddsRatio], Tolerance);             // min([0.5, nan])
    }

    [Fact]
    public void WithoutOutcomes_OnlyDemographicParity()
    {
        var sample = new DecisionSample(["x", "y"], [0, 0, 1, 1], [true, false, true, true]);
        var m = FairnessMetrics.Compute(sample);
        Assert.Equal(2, m.Count);
        Assert.Equal(0.5, m[FairnessMetric.DemographicParityDifference], Tolerance);  // 1 - 1/2
        Assert.Equal(0.5, m[FairnessMetric.DemographicParityRatio], Tolerance);
    }

    [Fact]
    public void Constructor_RejectsBadColumns()
    {
        Assert.Throws<ArgumentException>(() => new DecisionSample(["a"], [0, 1], [true, false]));
        Assert.Throws<ArgumentException>(() => new DecisionSample(["a"], [0], [true, false]));
        Assert.Throws<ArgumentException>(() => new DecisionSample(["a", "a"], [0], [true]));
        Assert.Throws<ArgumentException>(() => new DecisionSample(["a"], [0], [true], [(Outcome)7]));
    }

    [Fact]
    public void Metrics_AreInvariantToRowOrder()
    {
        Gen.Select(Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 2]).Array[1, 200].Select(Gen.Int).Sample((rows, seed) =>
        {
            var list = rows.Select(r => ("g" + r.Item1, r.Item2, r.Item3 switch { 0 => (bool?)null, 1 => false, _ => true })).ToList();
            var shuffled = list.ToArray();
            new Random(seed).Shuffle(shuffled);
            var a = FairnessMetrics.Compute(DecisionSample.FromRows(list));
            var b = FairnessMetrics.Compute(DecisionSample.FromRows(shuffled));
            Assert.Equal(a.Count, b.Count);
            foreach (var (metric, value) in a)
            {
                Assert.Equal(value, b[metric]);
            }
        });
    }
}
