using System;
using System.Collections.Generic;

namespace Nonprofit.Governance.Fairness;

/// <summary>
/// A bias audit of a decision log: per-group selection, true positive and false positive rates, Fairlearn's
/// between-group metrics (see <see cref="FairnessMetrics"/>), bootstrap percentile intervals and threshold breaches.
/// </summary>
/// <remarks>
/// <para>Bootstrap: stratified by group. Each resample keeps every group's size <c>n_a</c> and redraws its rows with
/// replacement; since every metric depends on the rows only through each group's counts in six cells (outcome
/// unknown / negative / positive × selected or not), redrawing <c>n_a</c> rows is exactly a Multinomial(<c>n_a</c>,
/// cell shares) draw of those counts, which is what is sampled (exact binomial chains, Hörmann's BTRS), so a resample
/// costs a few dozen variates instead of a pass over the rows. Intervals are percentiles of the resampled values with
/// linear interpolation (numpy's default <c>np.quantile</c>, as Fairlearn's <c>MetricFrame(n_boot=…)</c> uses);
/// resamples where a metric is undefined (NaN) are left out of its interval.</para>
/// <para>Fairlearn's own bootstrap resamples all rows together (<c>DataFrame.sample(frac=1, replace=True)</c>), so its
/// group sizes vary between resamples and a small group can vanish; stratifying keeps every group in every resample
/// and treats group sizes as fixed by the design, which gives slightly narrower intervals for the differences.</para>
/// <para>Breaches compare point values with the thresholds; the intervals are reported next to them so a reader can
/// tell a clear breach from one within sampling noise.</para>
/// </remarks>
public static class FairnessAudit
{
    /// <summary>Runs the audit.</summary>
    /// <param name="data">The decisions.</param>
    /// <param name="options">Resamples, confidence level, randomness and thresholds; defaults when <see langword="null"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The sample has no rows, or an option is out of range.</exception>
    public static FairnessReport Run(DecisionSample data, FairnessAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new FairnessAuditOptions();
        options.Validate();
        if (data.Count == 0)
        {
            throw new ArgumentException("The sample has no rows.", nameof(data));
        }

        var groups = data.Groups.Count;
        var cells = FairnessCore.Count(data);
        var sr = new double[groups];
        var tpr = new double[groups];
        var fpr = new double[groups];
        FairnessCore.GroupRates(cells, sr, tpr, fpr);
        var point = new double[FairnessCore.MetricCount];
        FairnessCore.Metrics(sr, tpr, fpr, point);

        var resamples = options.BootstrapResamples;
        var alpha = (1 - options.ConfidenceLevel) / 2;
        var replicateGroups = new double[3][];
        var replicateMetrics = new double[resamples * FairnessCore.MetricCount];
        for (var r = 0; r < 3; r++)
        {
            replicateGroups[r] = new double[resamples * groups];
        }

        if (resamples > 0)
        {
            var random = options.Random ?? new Random(options.Seed);
            var drawn = new long[cells.Length];
            for (var b = 0; b < resamples; b++)
            {
                for (var g = 0; g < groups; g++)
                {
                    var weights = cells.AsSpan(g * FairnessCore.CellsPerGroup, FairnessCore.CellsPerGroup);
                    long n = 0;
                    foreach (var w in weights)
                    {
                        n += w;
                    }

                    Binomial.Multinomial(random, n, weights, drawn.AsSpan(g * FairnessCore.CellsPerGroup, FairnessCore.CellsPerGroup));
                }

                var bsr = replicateGroups[0].AsSpan(b * groups, groups);
                var btpr = replicateGroups[1].AsSpan(b * groups, groups);
                var bfpr = replicateGroups[2].AsSpan(b * groups, groups);
                FairnessCore.GroupRates(drawn, bsr, btpr, bfpr);
                FairnessCore.Metrics(bsr, btpr, bfpr, replicateMetrics.AsSpan(b * FairnessCore.MetricCount, FairnessCore.MetricCount));
            }
        }

        var scratch = new double[resamples];
        FairnessEstimate Estimate(double value, double[] replicates, int offset, int stride)
        {
            if (resamples == 0)
            {
                return new FairnessEstimate(value, double.NaN, double.NaN);
            }

            var count = 0;
            for (var b = 0; b < resamples; b++)
            {
                var x = replicates[(b * stride) + offset];
                if (!double.IsNaN(x))
                {
                    scratch[count++] = x;
                }
            }

            var span = scratch.AsSpan(0, count);
            span.Sort();
            return new FairnessEstimate(value, Quantile(span, alpha), Quantile(span, 1 - alpha));
        }

        var groupRows = new List<GroupFairness>(groups);
        for (var g = 0; g < groups; g++)
        {
            var c = cells.AsSpan(g * FairnessCore.CellsPerGroup, FairnessCore.CellsPerGroup);
            groupRows.Add(new GroupFairness(
                data.Groups[g],
                c[0] + c[1] + c[2] + c[3] + c[4] + c[5],
                c[1] + c[3] + c[5],
                c[FairnessCore.TruePositive] + c[FairnessCore.FalseNegative],
                c[FairnessCore.FalsePositive] + c[FairnessCore.TrueNegative],
                Estimate(sr[g], replicateGroups[0], g, groups),
                Estimate(tpr[g], replicateGroups[1], g, groups),
                Estimate(fpr[g], replicateGroups[2], g, groups)));
        }

        var metrics = new List<MetricEstimate>();
        for (var m = 0; m < FairnessCore.MetricCount; m++)
        {
            var metric = (FairnessMetric)m;
            if (data.HasOutcomes || !FairnessCore.NeedsOutcomes(metric))
            {
                metrics.Add(new MetricEstimate(metric, Estimate(point[m], replicateMetrics, m, FairnessCore.MetricCount)));
            }
        }

        var breaches = new List<FairnessBreach>();
        foreach (var threshold in options.Thresholds)
        {
            var found = metrics.Find(x => x.Metric == threshold.Metric);
            if (found is not null && threshold.IsBreachedBy(found.Estimate.Value))
            {
                breaches.Add(new FairnessBreach(threshold, found.Estimate));
            }
        }

        return new FairnessReport(data.Count, data.HasOutcomes, resamples, options.ConfidenceLevel, groupRows, metrics, breaches, options.Thresholds);
    }

    /// <summary>numpy's default (linear) quantile of sorted values; NaN when there are none.</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
