namespace Nonprofit.Governance.Fairness;

/// <summary>
/// The between-group fairness metrics of an audit, as Fairlearn defines them with its default
/// <c>method='between_groups'</c> (see <see cref="FairnessMetrics"/> for the formulas and sources).
/// </summary>
public enum FairnessMetric
{
    /// <summary>Largest minus smallest group selection rate (Fairlearn <c>demographic_parity_difference</c>).</summary>
    DemographicParityDifference,

    /// <summary>Smallest over largest group selection rate (Fairlearn <c>demographic_parity_ratio</c>); the four-fifths rule flags values below 0.8.</summary>
    DemographicParityRatio,

    /// <summary>Largest minus smallest group true positive rate (Fairlearn <c>equal_opportunity_difference</c>).</summary>
    EqualOpportunityDifference,

    /// <summary>Smallest over largest group true positive rate (Fairlearn <c>equal_opportunity_ratio</c>).</summary>
    EqualOpportunityRatio,

    /// <summary>Largest minus smallest group false positive rate (Fairlearn's <c>false_positive_rate</c> through <c>MetricFrame.difference</c>).</summary>
    FalsePositiveRateDifference,

    /// <summary>Smallest over largest group false positive rate (Fairlearn's <c>false_positive_rate</c> through <c>MetricFrame.ratio</c>).</summary>
    FalsePositiveRateRatio,

    /// <summary>The greater of the true and false positive rate differences (Fairlearn <c>equalized_odds_difference</c>, <c>agg='worst_case'</c>).</summary>
    EqualizedOddsDifference,

    /// <summary>The smaller of the true and false positive rate ratios (Fairlearn <c>equalized_odds_ratio</c>, <c>agg='worst_case'</c>).</summary>
    EqualizedOddsRatio,
}
