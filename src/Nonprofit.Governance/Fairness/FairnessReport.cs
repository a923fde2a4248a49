using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Nonprofit.Governance.Fairness;

/// <summary>A point value with its bootstrap percentile interval (NaN bounds when not bootstrapped or undefined).</summary>
/// <param name="Value">The point value (NaN when undefined, e.g. a ratio of two zero rates).</param>
/// <param name="Lower">The lower bound of the interval.</param>
/// <param name="Upper">The upper bound of the interval.</param>
public readonly record struct FairnessEstimate(double Value, double Lower, double Upper)
{
    /// <summary>Whether the estimate has an interval.</summary>
    public bool HasInterval => !double.IsNaN(Lower) && !double.IsNaN(Upper);
}

/// <summary>One group's row of the audit.</summary>
/// <param name="Group">The group value.</param>
/// <param name="Count">The number of decisions.</param>
/// <param name="Selected">The number selected.</param>
/// <param name="Positives">Rows with a known positive outcome.</param>
/// <param name="Negatives">Rows with a known negative outcome.</param>
/// <param name="SelectionRate">Selected over count.</param>
/// <param name="TruePositiveRate">TP / (TP + FN) over rows with a known outcome (see <see cref="FairnessMetrics"/>).</param>
/// <param name="FalsePositiveRate">FP / (FP + TN) over rows with a known outcome.</param>
public sealed record GroupFairness(
    string Group,
    long Count,
    long Selected,
    long Positives,
    long Negatives,
    FairnessEstimate SelectionRate,
    FairnessEstimate TruePositiveRate,
    FairnessEstimate FalsePositiveRate);

/// <summary>A between-group metric with its interval.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Estimate">Its value and interval.</param>
public sealed record MetricEstimate(FairnessMetric Metric, FairnessEstimate Estimate);

/// <summary>A metric whose point value is beyond a configured threshold.</summary>
/// <param name="Threshold">The threshold breached.</param>
/// <param name="Estimate">The metric's value and interval.</param>
public sealed record FairnessBreach(FairnessThreshold Threshold, FairnessEstimate Estimate)
{
    /// <summary>One sentence in English, e.g. "Demographic parity ratio 0.6250 is below the minimum 0.8 (four-fifths rule)."</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var name = FairnessReport.DisplayName(Threshold.Metric);
        var side = Threshold.IsMinimum ? "below the minimum" : "above the maximum";
        var rule = Threshold is { Metric: FairnessMetric.DemographicParityRatio, IsMinimum: true, Limit: 0.8 } ? " (four-fifths rule)" : string.Empty;
        var interval = Estimate.HasInterval ? $" (interval {FairnessReport.Number(Estimate.Lower)} to {FairnessReport.Number(Estimate.Upper)})" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{name} {FairnessReport.Number(Estimate.Value)}{interval} is {side} {Threshold.Limit}{rule}.");
    }
}

/// <summary>The result of <see cref="FairnessAudit.Run"/>: the group table, the metrics and the breaches.</summary>
public sealed class FairnessReport
{
    internal FairnessReport(
        int rows,
        bool hasOutcomes,
        int bootstrapResamples,
        double confidenceLevel,
        IReadOnlyList<GroupFairness> groups,
        IReadOnlyList<MetricEstimate> metrics,
        IReadOnlyList<FairnessBreach> breaches,
        IReadOnlyList<FairnessThreshold> thresholds)
    {
        Rows = rows;
        HasOutcomes = hasOutcomes;
        BootstrapResamples = bootstrapResamples;
        ConfidenceLevel = confidenceLevel;
        Groups = groups;
        Metrics = metrics;
        Breaches = breaches;
        Thresholds = thresholds;
    }

    /// <summary>The number of decisions audited.</summary>
    public int Rows { get; }

    /// <summary>Whether outcomes were known for some rows, so the error-rate metrics are present.</summary>
    public bool HasOutcomes { get; }

    /// <summary>The number of bootstrap resamples behind the intervals (0: no intervals).</summary>
    public int BootstrapResamples { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>One row per group, in the sample's group order.</summary>
    public IReadOnlyList<GroupFairness> Groups { get; }

    /// <summary>The between-group metrics (the error-rate ones only when <see cref="HasOutcomes"/>).</summary>
    public IReadOnlyList<MetricEstimate> Metrics { get; }

    /// <summary>The thresholds breached, in the order they were configured.</summary>
    public IReadOnlyList<FairnessBreach> Breaches { get; }

    /// <summary>The thresholds that were checked.</summary>
    public IReadOnlyList<FairnessThreshold> Thresholds { get; }

    /// <summary>The estimate of one metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The estimate, or <see langword="null"/> when the metric needs outcomes and none were known.</returns>
    public FairnessEstimate? this[FairnessMetric metric]
    {
        get
        {
            foreach (var m in Metrics)
            {
                if (m.Metric == metric)
                {
                    return m.Estimate;
                }
            }

            return null;
        }
    }

    /// <summary>The report in Markdown: summary, breaches, group table, metric table and the definitions' source.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var level = Number(ConfidenceLevel * 100, "0.##") + "%";
        var sb = new StringBuilder();
        sb.Append("# Fairness audit\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{Rows} decisions in {Groups.Count} groups");
        sb.Append(HasOutcomes ? "; outcomes known for some or all rows." : "; no outcomes known, so only selection rates are compared.");
        sb.Append('\n');
        sb.Append(BootstrapResamples > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Intervals: {level} bootstrap percentile intervals from {BootstrapResamples} resamples, stratified by group.\n\n")
            : "No bootstrap intervals.\n\n");

        sb.Append("## Breaches\n\n");
        if (Breaches.Count == 0)
        {
            sb.Append("No configured threshold is breached.\n\n");
        }
        else
        {
            foreach (var breach in Breaches)
            {
                sb.Append("- **Breach**: ").Append(breach.Describe()).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("## Groups\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"| Group | Decisions | Selected | Selection rate ({level} CI) | Positives | Negatives | True positive rate | False positive rate |\n");
        sb.Append("|---|---:|---:|---|---:|---:|---|---|\n");
        foreach (var g in Groups)
        {
            sb.Append("| ").Append(Escape(g.Group)).Append(" | ")
                .Append(g.Count.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(g.Selected.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(Cell(g.SelectionRate)).Append(" | ")
                .Append(g.Positives.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(g.Negatives.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(HasOutcomes ? Cell(g.TruePositiveRate) : "n/a").Append(" | ")
                .Append(HasOutcomes ? Cell(g.FalsePositiveRate) : "n/a").Append(" |\n");
        }

        sb.Append("\n## Metrics\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"| Metric | Value ({level} CI) | Threshold | Status |\n");
        sb.Append("|---|---|---|---|\n");
        foreach (var m in Metrics)
        {
            var thresholds = new List<string>();
            var breached = false;
            foreach (var t in Thresholds)
            {
                if (t.Metric == m.Metric)
                {
                    thresholds.Add((t.IsMinimum ? "≥ " : "≤ ") + Number(t.Limit, "0.###"));
                    breached |= t.IsBreachedBy(m.Estimate.Value);
                }
            }

            var status = thresholds.Count == 0 ? string.Empty : breached ? "**breach**" : double.IsNaN(m.Estimate.Value) ? "undefined" : "ok";
            sb.Append("| ").Append(DisplayName(m.Metric)).Append(" | ").Append(Cell(m.Estimate)).Append(" | ")
                .Append(string.Join(", ", thresholds)).Append(" | ").Append(status).Append(" |\n");
        }

        sb.Append("\nDefinitions follow Fairlearn (`fairlearn.metrics`, `method='between_groups'`): differences are the largest minus ");
        sb.Append("the smallest group rate, ratios the smallest over the largest; equalised odds takes the worse of the true and false ");
        sb.Append("positive rate comparisons. See https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.MetricFrame.html.\n");
        return sb.ToString();
    }

    /// <summary>Saves a bar chart of the selection rate per group, with interval whiskers and a dashed line at
    /// 0.8 × the highest rate (groups below it fail the four-fifths rule).</summary>
    /// <param name="path">The PNG file to write; its folder is created if needed.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    public void SaveChartPng(string path, int width = 900, int height = 500)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        using var plot = new ScottPlot.Plot();
        plot.Title("Selection rate by group");
        plot.YLabel("Selection rate");
        var ticks = new List<ScottPlot.Tick>();
        var max = 0.0;
        var top = 0.0;
        for (var i = 0; i < Groups.Count; i++)
        {
            var g = Groups[i];
            var rate = g.SelectionRate;
            max = Math.Max(max, rate.Value);
            top = Math.Max(top, rate.HasInterval ? rate.Upper : rate.Value);
            plot.Add.Bar(new ScottPlot.Bar { Position = i, Value = rate.Value, FillColor = ScottPlot.Color.FromHex("#4a7ab5") });
            if (rate.HasInterval)
            {
                var whisker = plot.Add.Line(i, rate.Lower, i, rate.Upper);
                whisker.Color = ScottPlot.Colors.Black;
                whisker.LineWidth = 2;
                foreach (var y in (ReadOnlySpan<double>)[rate.Lower, rate.Upper])
                {
                    var cap = plot.Add.Line(i - 0.15, y, i + 0.15, y);
                    cap.Color = ScottPlot.Colors.Black;
                    cap.LineWidth = 2;
                }
            }

            ticks.Add(new ScottPlot.Tick(i, g.Group.Length > 24 ? g.Group[..23] + "…" : g.Group));
        }

        var line = plot.Add.HorizontalLine(0.8 * max);
        line.LinePattern = ScottPlot.LinePattern.Dashed;
        line.Color = ScottPlot.Color.FromHex("#d7301f");
        line.LegendText = "0.8 × highest rate";
        plot.ShowLegend();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(0, Math.Max(0.05, top * 1.1));
        plot.Axes.SetLimitsX(-0.75, Math.Max(Groups.Count, 1) - 0.25);
        Nonprofit.Impact.Reporting.ChartFiles.SavePng(plot, path, width, height);
    }

    internal static string DisplayName(FairnessMetric metric) => metric switch
    {
        FairnessMetric.DemographicParityDifference => "Demographic parity difference",
        FairnessMetric.DemographicParityRatio => "Demographic parity ratio",
        FairnessMetric.EqualOpportunityDifference => "Equal opportunity difference",
        FairnessMetric.EqualOpportunityRatio => "Equal opportunity ratio",
        FairnessMetric.FalsePositiveRateDifference => "False positive rate difference",
        FairnessMetric.FalsePositiveRateRatio => "False positive rate ratio",
        FairnessMetric.EqualizedOddsDifference => "Equalised odds difference",
        FairnessMetric.EqualizedOddsRatio => "Equalised odds ratio",
        _ => metric.ToString(),
    };

    internal static string Number(double value, string format = "0.0000") =>
        double.IsNaN(value) ? "undefined" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Cell(FairnessEstimate e) =>
        e.HasInterval ? $"{Number(e.Value)} ({Number(e.Lower)}–{Number(e.Upper)})" : Number(e.Value);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
