using System;
using System.Collections.Generic;

namespace Nonprofit.Governance.Fairness;

/// <summary>How <see cref="FairnessAudit.Run"/> estimates intervals and which thresholds it checks.</summary>
public sealed class FairnessAuditOptions
{
    /// <summary>
    /// The default thresholds: demographic parity ratio at least 0.8 (the four-fifths rule), demographic parity
    /// difference at most 0.1, equal opportunity difference at most 0.1 and equalised odds difference at most 0.1
    /// (the last two only checked when outcomes are known).
    /// </summary>
    public static IReadOnlyList<FairnessThreshold> DefaultThresholds { get; } =
    [
        FairnessThreshold.Minimum(FairnessMetric.DemographicParityRatio, 0.8),
        FairnessThreshold.Maximum(FairnessMetric.DemographicParityDifference, 0.1),
        FairnessThreshold.Maximum(FairnessMetric.EqualOpportunityDifference, 0.1),
        FairnessThreshold.Maximum(FairnessMetric.EqualizedOddsDifference, 0.1),
    ];

    /// <summary>The number of bootstrap resamples; 0 skips the intervals. Default 1000.</summary>
    public int BootstrapResamples { get; set; } = 1000;

    /// <summary>The confidence level of the percentile intervals, in (0, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>The source of randomness for the bootstrap; when <see langword="null"/>, <c>new Random(Seed)</c>.</summary>
    public Random? Random { get; set; }

    /// <summary>The seed used when <see cref="Random"/> is not set. Default 0, so a rerun reproduces the report.</summary>
    public int Seed { get; set; }

    /// <summary>The thresholds to check; default <see cref="DefaultThresholds"/>.</summary>
    public IReadOnlyList<FairnessThreshold> Thresholds { get; set; } = DefaultThresholds;

    internal void Validate()
    {
        if (BootstrapResamples < 0)
        {
            throw new ArgumentException("BootstrapResamples must be zero or more.", "options");
        }

        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentException("ConfidenceLevel must be between 0 and 1.", "options");
        }

        if (Thresholds is null)
        {
            throw new ArgumentException("Thresholds must not be null.", "options");
        }

        foreach (var threshold in Thresholds)
        {
            if (threshold is null)
            {
                throw new ArgumentException("A threshold is null.", "options");
            }

            threshold.Validate();
        }
    }
}
