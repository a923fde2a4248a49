using System;
using System.Globalization;

namespace Nonprofit.Governance.Fairness;

/// <summary>A limit on one metric; a point value beyond it is a breach.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Limit">The limit.</param>
/// <param name="IsMinimum"><see langword="true"/> when values below <paramref name="Limit"/> breach (ratios);
/// <see langword="false"/> when values above it breach (differences).</param>
public sealed record FairnessThreshold(FairnessMetric Metric, double Limit, bool IsMinimum)
{
    /// <summary>A breach when the metric is below <paramref name="limit"/>.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="limit">The smallest acceptable value.</param>
    /// <returns>The threshold.</returns>
    public static FairnessThreshold Minimum(FairnessMetric metric, double limit) => new(metric, limit, true);

    /// <summary>A breach when the metric is above <paramref name="limit"/>.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="limit">The largest acceptable value.</param>
    /// <returns>The threshold.</returns>
    public static FairnessThreshold Maximum(FairnessMetric metric, double limit) => new(metric, limit, false);

    /// <summary>Whether <paramref name="value"/> breaches this threshold. An undefined value (NaN) never does.</summary>
    /// <param name="value">The metric's point value.</param>
    /// <returns><see langword="true"/> on a breach.</returns>
    public bool IsBreachedBy(double value) => !double.IsNaN(value) && (IsMinimum ? value < Limit : value > Limit);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Metric} {(IsMinimum ? ">=" : "<=")} {Limit}");

    internal void Validate()
    {
        if (!Enum.IsDefined(Metric))
        {
            throw new ArgumentException("A threshold names an unknown metric.", "options");
        }

        if (!double.IsFinite(Limit))
        {
            throw new ArgumentException("A threshold's limit must be a finite number.", "options");
        }
    }
}
