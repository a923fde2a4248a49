using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Nonprofit.Impact.Reporting;

/// <summary>How an indicator stands against its target in a period.</summary>
public enum ProgressStatus
{
    /// <summary>No actual or no target to compare.</summary>
    NoData = 0,

    /// <summary>A qualitative indicator: the text of the target and actual is reported, not a number.</summary>
    Qualitative = 1,

    /// <summary>Progress is below 60 % of what the elapsed share of the period calls for, or the period has ended short of the target.</summary>
    OffTrack = 2,

    /// <summary>Progress is between 60 % and 90 % of what the elapsed share of the period calls for.</summary>
    AtRisk = 3,

    /// <summary>Progress is at least 90 % of what the elapsed share of the period calls for.</summary>
    OnTrack = 4,

    /// <summary>The target is reached.</summary>
    Achieved = 5,
}

/// <summary>An indicator's progress in one period.</summary>
/// <param name="IndicatorId">The indicator's id.</param>
/// <param name="Indicator">The indicator's name.</param>
/// <param name="Result">The title of the result it measures.</param>
/// <param name="Unit">The UCUM unit, if any.</param>
/// <param name="PeriodStart">The period's first day.</param>
/// <param name="PeriodEnd">The period's last day.</param>
/// <param name="Baseline">The baseline value, when numeric.</param>
/// <param name="Target">The total target of the period, when numeric.</param>
/// <param name="Actual">The total actual of the period, when numeric.</param>
/// <param name="Progress">How far the actual has come from the baseline (or zero) to the target: 1 = reached; <see langword="null"/> without data.</param>
/// <param name="Status">The status against the target and the elapsed share of the period.</param>
/// <param name="TargetText">The target as written (for qualitative indicators).</param>
/// <param name="ActualText">The actual as written (for qualitative indicators).</param>
public sealed record IndicatorProgress(
    string IndicatorId,
    string Indicator,
    string Result,
    string? Unit,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Baseline,
    double? Target,
    double? Actual,
    double? Progress,
    ProgressStatus Status,
    string? TargetText,
    string? ActualText);

/// <summary>
/// Progress against target per indicator and period, as a table, a Markdown summary a programme officer can
/// read, and a PNG chart.
/// </summary>
/// <remarks>
/// Progress is <c>(actual − baseline) / (target − baseline)</c> when the baseline differs from the target, and
/// <c>actual / target</c> otherwise; it works the same for indicators that should decrease. The status compares
/// progress with the share of the period elapsed at <c>asOf</c> (all of it once the period has ended):
/// achieved at 100 %, on track from 90 % of the expected share, at risk from 60 %, off track below; a period that
/// has ended (<c>asOf</c> after its last day) short of its target is off track.
/// Totals are the target or actual written without dimensions; when only disaggregated values exist, they are
/// added up for sum indicators and left out otherwise.
/// </remarks>
public static class ProgressReport
{
    /// <summary>Computes the progress of every indicator in every period.</summary>
    /// <param name="framework">The framework, with targets and actuals (see <see cref="FrameworkActuals"/>).</param>
    /// <param name="asOf">The day to judge in-progress periods at.</param>
    /// <param name="language">The language for names (ISO 639-1), or <see langword="null"/> for each text's first.</param>
    /// <returns>One row per indicator and period, in framework order.</returns>
    public static IReadOnlyList<IndicatorProgress> Compute(ResultsFramework framework, DateOnly asOf, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var rows = new List<IndicatorProgress>();
        foreach (var result in framework.Results)
        {
            var resultTitle = Text(result.Title, language);
            foreach (var indicator in result.Indicators)
            {
                var name = Text(indicator.Name, language);
                var qualitative = indicator.Measure == IndicatorMeasure.Qualitative;
                var baseline = qualitative ? null : ValueJsonConverter.ParseNumber(indicator.Baseline?.Value);
                foreach (var period in indicator.Periods)
                {
                    var target = Total(period.Targets, indicator.Aggregation);
                    var actual = Total(period.Actuals, indicator.Aggregation);
                    double? progress = null;
                    ProgressStatus status;
                    if (qualitative)
                    {
                        status = ProgressStatus.Qualitative;
                    }
                    else if (target is null || actual is null)
                    {
                        status = ProgressStatus.NoData;
                    }
                    else
                    {
                        progress = ComputeProgress(baseline, target.Value, actual.Value, indicator.Direction);
                        status = Judge(progress.Value, ElapsedShare(period, asOf), ended: asOf > period.End);
                    }

                    rows.Add(new IndicatorProgress(
                        indicator.Id, name, resultTitle, indicator.Unit, period.Start, period.End, baseline,
                        target, actual, progress, status,
                        period.Targets.FirstOrDefault(t => t.Dimensions.Count == 0)?.Value,
                        period.Actuals.FirstOrDefault(a => a.Dimensions.Count == 0)?.Value));
                }
            }
        }

        return rows;
    }

    /// <summary>Writes a Markdown summary: counts by status, then one table per result.</summary>
    /// <param name="framework">The framework (for its name).</param>
    /// <param name="rows">The rows from <see cref="Compute"/>.</param>
    /// <param name="asOf">The day the report is as of.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown(ResultsFramework framework, IReadOnlyList<IndicatorProgress> rows, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(rows);
        var md = new StringBuilder();
        var title = framework.Name ?? framework.Activities.FirstOrDefault()?.Title?.Text ?? "Results framework";
        md.Append(CultureInfo.InvariantCulture, $"# Progress report: {Escape(title)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"As of {asOf:yyyy-MM-dd}. ");

        var latest = rows.Where(r => r.PeriodStart <= asOf).GroupBy(r => r.IndicatorId).Select(g => g.MaxBy(r => r.PeriodStart)!).ToList();
        var judged = latest.Where(r => r.Status is not ProgressStatus.NoData and not ProgressStatus.Qualitative).ToList();
        var good = judged.Count(r => r.Status is ProgressStatus.Achieved or ProgressStatus.OnTrack);
        md.Append(CultureInfo.InvariantCulture, $"In the current or latest period, **{good} of {judged.Count}** measured indicators have reached their target or are on track");
        var counts = Enum.GetValues<ProgressStatus>().Select(s => (s, n: latest.Count(r => r.Status == s))).Where(x => x.n > 0).ToList();
        md.Append(counts.Count == 0 ? ".\n" : " (" + string.Join(", ", counts.Select(x => $"{Label(x.s)}: {x.n.ToString(CultureInfo.InvariantCulture)}")) + ").\n");

        foreach (var group in rows.GroupBy(r => r.Result))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {Escape(group.Key)}\n\n");
            md.Append("| Indicator | Period | Baseline | Target | Actual | Progress | Status |\n");
            md.Append("|---|---|--:|--:|--:|--:|---|\n");
            foreach (var r in group)
            {
                var unit = string.IsNullOrEmpty(r.Unit) ? "" : $" ({Escape(r.Unit)})";
                md.Append(CultureInfo.InvariantCulture, $"| {Escape(r.Indicator)}{unit} | {r.PeriodStart:yyyy-MM-dd} – {r.PeriodEnd:yyyy-MM-dd} | ");
                md.Append(Number(r.Baseline)).Append(" | ");
                md.Append(r.Status == ProgressStatus.Qualitative ? Escape(r.TargetText ?? "–") : Number(r.Target)).Append(" | ");
                md.Append(r.Status == ProgressStatus.Qualitative ? Escape(r.ActualText ?? "–") : Number(r.Actual)).Append(" | ");
                md.Append(r.Progress is { } p ? (p * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "–").Append(" | ");
                md.Append(Label(r.Status)).Append(" |\n");
            }
        }

        return md.ToString();
    }

    /// <summary>Draws the latest period of every measured indicator as a horizontal bar of progress (100 % = target) and saves it as PNG.</summary>
    /// <param name="rows">The rows from <see cref="Compute"/>.</param>
    /// <param name="asOf">The day the report is as of: the latest period starting on or before it is drawn.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels, or 0 to fit the number of indicators.</param>
    public static void SaveChartPng(IReadOnlyList<IndicatorProgress> rows, DateOnly asOf, string path, int width = 1000, int height = 0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bars = rows.Where(r => r.PeriodStart <= asOf && r.Progress is not null)
            .GroupBy(r => r.IndicatorId).Select(g => g.MaxBy(r => r.PeriodStart)!).ToList();
        height = height > 0 ? height : 140 + (36 * Math.Max(bars.Count, 1));

        using var plot = new ScottPlot.Plot();
        plot.Title($"Progress against target, as of {asOf:yyyy-MM-dd}");
        plot.XLabel("Progress from baseline to target (%)");
        var ticks = new List<ScottPlot.Tick>();
        for (var i = 0; i < bars.Count; i++)
        {
            var r = bars[i];
            var position = bars.Count - 1 - i;
            var bar = new ScottPlot.Bar
            {
                Position = position,
                Value = Math.Round(r.Progress!.Value * 100, 1),
                FillColor = Color(r.Status),
                Orientation = ScottPlot.Orientation.Horizontal,
                Label = Label(r.Status),
            };
            plot.Add.Bar(bar);
            var label = r.Indicator.Length > 40 ? r.Indicator[..39] + "…" : r.Indicator;
            ticks.Add(new ScottPlot.Tick(position, label));
        }

        var target = plot.Add.VerticalLine(100);
        target.LinePattern = ScottPlot.LinePattern.Dashed;
        target.Color = ScottPlot.Colors.Black;
        target.LegendText = "Target";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.05, top: 0.05);
        plot.Axes.SetLimitsX(0, Math.Max(110, bars.Count == 0 ? 110 : bars.Max(b => b.Progress!.Value * 100) * 1.1));
        ChartFiles.SavePng(plot, path, width, height);
    }

    /// <summary>A readable name for a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The label, e.g. "on track".</returns>
    public static string Label(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => "achieved",
        ProgressStatus.OnTrack => "on track",
        ProgressStatus.AtRisk => "at risk",
        ProgressStatus.OffTrack => "off track",
        ProgressStatus.Qualitative => "qualitative",
        _ => "no data",
    };

    internal static double ComputeProgress(double? baseline, double target, double actual, IndicatorDirection? direction)
    {
        if (baseline is { } b && b != target)
        {
            return (actual - b) / (target - b);
        }

        if (target == 0)
        {
            return actual == 0 ? 1 : direction == IndicatorDirection.Decrease ? 0 : 1;
        }

        return direction == IndicatorDirection.Decrease ? (actual <= target ? 1 : target / actual) : actual / target;
    }

    internal static double ElapsedShare(IndicatorPeriod period, DateOnly asOf)
    {
        if (asOf >= period.End)
        {
            return 1;
        }

        if (asOf < period.Start)
        {
            return 0;
        }

        var days = period.End.DayNumber - period.Start.DayNumber + 1;
        return (asOf.DayNumber - period.Start.DayNumber + 1) / (double)days;
    }

    internal static ProgressStatus Judge(double progress, double expected, bool ended = false) =>
        progress >= 1 ? ProgressStatus.Achieved
        : ended ? ProgressStatus.OffTrack
        : progress >= 0.9 * expected ? ProgressStatus.OnTrack
        : progress >= 0.6 * expected ? ProgressStatus.AtRisk
        : ProgressStatus.OffTrack;

    private static double? Total(IList<PeriodValue> values, IndicatorAggregation aggregation)
    {
        var total = values.FirstOrDefault(v => v.Dimensions.Count == 0);
        if (total is not null)
        {
            return total.NumericValue();
        }

        if (aggregation == IndicatorAggregation.Sum && values.Count > 0 && values.All(v => v.NumericValue() is not null))
        {
            // Disaggregated values only: they add up to the total only if they do not overlap (one dimension).
            var dimensions = values.SelectMany(v => v.Dimensions.Select(d => d.Name)).Distinct(StringComparer.Ordinal).Count();
            return dimensions == 1 && values.All(v => v.Dimensions.Count == 1) ? values.Sum(v => v.NumericValue()!.Value) : null;
        }

        return null;
    }

    private static string Text(LocalizedText? text, string? language) => text is null ? "" : language is null ? text.Text : text.For(language);

    private static string Number(double? value) => value is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "–";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static ScottPlot.Color Color(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => ScottPlot.Color.FromHex("#1b7837"),
        ProgressStatus.OnTrack => ScottPlot.Color.FromHex("#5aae61"),
        ProgressStatus.AtRisk => ScottPlot.Color.FromHex("#f1a340"),
        _ => ScottPlot.Color.FromHex("#d7301f"),
    };
}
