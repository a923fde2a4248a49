using System;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Impact;

namespace Nonprofit.Governance.Allocation;

/// <summary>
/// Builds an option's <see cref="ImpactEstimate"/> from Nonprofit.Impact measurements, where each measurement is the
/// impact of one unit delivered (one household reached, one clinic day, one advisory call): the point estimate is
/// their mean and the interval a normal-approximation confidence interval of the mean, mean ± z·s/√n.
/// </summary>
/// <remarks>
/// The normal approximation needs enough measurements (about 30 or more) and measurements that are independent; with
/// fewer, the interval is too narrow. It describes the uncertainty of the mean, not the spread of single units.
/// </remarks>
public static class ImpactEstimates
{
    /// <summary>Estimates impact per unit from values, one per unit delivered.</summary>
    /// <param name="values">The measurements; at least one, all finite.</param>
    /// <param name="confidence">The interval's confidence level, between 0.5 and 0.999.</param>
    /// <param name="indicatorId">The indicator the values come from, carried into the estimate.</param>
    /// <returns>The mean, with the interval when there are at least two values.</returns>
    /// <exception cref="ArgumentException">No values, a value that is not finite, or a confidence out of range.</exception>
    public static ImpactEstimate FromValues(ReadOnlySpan<double> values, double confidence = 0.95, string? indicatorId = null)
    {
        var stats = new RunningStatistics();
        foreach (var value in values)
        {
            stats.Add(value);
        }

        return Build(stats, confidence, indicatorId, nameof(values));
    }

    /// <summary>Estimates impact per unit from the measurements an impact store holds for <paramref name="query"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="query">The indicator, period and dimensions (for example one site's region) to read.</param>
    /// <param name="confidence">The interval's confidence level, between 0.5 and 0.999.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The estimate, carrying <see cref="MeasurementQuery.IndicatorId"/>.</returns>
    /// <exception cref="ArgumentException">The query matches no measurement, or the confidence is out of range.</exception>
    public static async Task<ImpactEstimate> FromStoreAsync(IImpactStore store, MeasurementQuery query, double confidence = 0.95, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var stats = new RunningStatistics();
        await foreach (var measurement in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            stats.Add(measurement.Value);
        }

        return Build(stats, confidence, query.IndicatorId, nameof(query));
    }

    private static ImpactEstimate Build(RunningStatistics stats, double confidence, string? indicatorId, string parameter)
    {
        if (!(confidence >= 0.5 && confidence <= 0.999))
        {
            throw new ArgumentException("The confidence level must be between 0.5 and 0.999.", nameof(confidence));
        }

        if (stats.Count == 0)
        {
            throw new ArgumentException("No measurement to estimate impact per unit from.", parameter);
        }

        if (!stats.AllFinite)
        {
            throw new ArgumentException("A measurement is NaN or infinite.", parameter);
        }

        var estimate = new ImpactEstimate { Value = stats.Mean, IndicatorId = indicatorId };
        if (stats.Count >= 2)
        {
            var halfWidth = NormalQuantile(0.5 + (confidence / 2)) * Math.Sqrt(stats.Variance / stats.Count);
            estimate.Low = stats.Mean - halfWidth;
            estimate.High = stats.Mean + halfWidth;
        }

        return estimate;
    }

    /// <summary>The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    internal static double NormalQuantile(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1];
        const double Low = 0.02425;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Horner(c, q) / Horner(d, q);
        }

        if (p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Horner(c, q) / Horner(d, q);
        }

        var r = p - 0.5;
        var t = r * r;
        return Horner(a, t) * r / Horner(b, t);
    }

    /// <summary>Evaluates c[0]·xⁿ + c[1]·xⁿ⁻¹ + … + c[n].</summary>
    private static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        var value = 0.0;
        foreach (var coefficient in coefficients)
        {
            value = (value * x) + coefficient;
        }

        return value;
    }

    /// <summary>Welford's running mean and variance.</summary>
    private sealed class RunningStatistics
    {
        private double _m2;

        public long Count { get; private set; }

        public double Mean { get; private set; }

        public bool AllFinite { get; private set; } = true;

        public double Variance => Count < 2 ? 0 : _m2 / (Count - 1);

        public void Add(double value)
        {
            if (!double.IsFinite(value))
            {
                AllFinite = false;
                return;
            }

            Count++;
            var delta = value - Mean;
            Mean += delta / Count;
            _m2 += delta * (value - Mean);
        }
    }
}
