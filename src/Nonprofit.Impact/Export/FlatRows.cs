using System;
using System.Collections.Generic;
using System.Globalization;

namespace Nonprofit.Impact.Export;

/// <summary>Which of an indicator's values a flat row holds.</summary>
internal enum FlatValueKind
{
    Baseline = 0,
    Target = 1,
    Actual = 2,
}

/// <summary>One baseline, target or actual of one indicator, with everything the flat formats write about it.</summary>
internal sealed record FlatRow(
    string IndicatorPath,
    string GroupPath,
    string Path,
    string Activity,
    Result Result,
    IndicatorDefinition Indicator,
    FlatValueKind Kind,
    string? Start,
    string? End,
    string? Value,
    IList<DimensionValue> Dimensions,
    IList<string> Locations)
{
    /// <summary>Gets the locations as one cell: the references joined by <c>;</c>.</summary>
    public string LocationCell => string.Join(';', Locations);
}

/// <summary>The row model shared by the CSV and HXL exporters: one row per baseline, target and actual, in framework order.</summary>
internal static class FlatRows
{
    /// <summary>The fixed columns before the value (CSV header names).</summary>
    public static readonly string[] LeadingColumns =
        ["activity", "result_type", "result_title", "indicator_id", "indicator_name", "measure", "unit", "kind", "period_start", "period_end"];

    /// <summary>Enumerates the rows: per result and indicator, the baseline, then per period its targets and then its actuals.</summary>
    public static IEnumerable<FlatRow> Enumerate(ResultsFramework framework)
    {
        for (var r = 0; r < framework.Results.Count; r++)
        {
            var result = framework.Results[r];
            var activity = ActivityOf(framework, result);
            for (var i = 0; i < result.Indicators.Count; i++)
            {
                var indicator = result.Indicators[i];
                var path = $"results[{r}].indicators[{i}]";
                if (indicator.Baseline is { } baseline)
                {
                    var (start, end) = BaselineDates(baseline);
                    yield return new FlatRow(path, $"{path}.baseline", $"{path}.baseline", activity, result, indicator, FlatValueKind.Baseline, start, end,
                        baseline.Value, baseline.Dimensions, baseline.Locations);
                }

                for (var p = 0; p < indicator.Periods.Count; p++)
                {
                    var period = indicator.Periods[p];
                    var start = FormatDate(period.Start);
                    var end = FormatDate(period.End);
                    var group = $"{path}.periods[{p}]";
                    for (var t = 0; t < period.Targets.Count; t++)
                    {
                        var value = period.Targets[t];
                        yield return new FlatRow(path, group, $"{group}.targets[{t}]", activity, result, indicator, FlatValueKind.Target, start, end,
                            value.Value, value.Dimensions, value.Locations);
                    }

                    for (var a = 0; a < period.Actuals.Count; a++)
                    {
                        var value = period.Actuals[a];
                        yield return new FlatRow(path, group, $"{group}.actuals[{a}]", activity, result, indicator, FlatValueKind.Actual, start, end,
                            value.Value, value.Dimensions, value.Locations);
                    }
                }
            }
        }
    }

    /// <summary>The names of every dimension any indicator declares, sorted ordinally.</summary>
    public static List<string> DimensionNames(ResultsFramework framework)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var indicator in framework.EnumerateIndicators())
        {
            foreach (var dimension in indicator.Dimensions)
            {
                names.Add(dimension.Name);
            }
        }

        return [.. names];
    }

    /// <summary>The result's activity identifier, or the only activity's, or empty.</summary>
    public static string ActivityOf(ResultsFramework framework, Result result) =>
        result.Activity ?? (framework.Activities.Count == 1 ? framework.Activities[0].Identifier : "");

    /// <summary>The indicator's SDG codes (references in IATI vocabulary 9), joined by <c>;</c>.</summary>
    public static string SdgCodes(IndicatorDefinition indicator)
    {
        var codes = new List<string>();
        foreach (var reference in indicator.References)
        {
            if (reference.Vocabulary == CodeReference.SdgIndicatorVocabulary && !string.IsNullOrEmpty(reference.Code))
            {
                codes.Add(reference.Code);
            }
        }

        return string.Join(';', codes);
    }

    /// <summary>The text in <paramref name="language"/> (or the first narrative), or empty.</summary>
    public static string Text(LocalizedText? text, string? language) =>
        text is null ? "" : language is null ? text.Text : text.For(language);

    /// <summary>The measure's name as in the framework JSON (<c>unit</c>, <c>percentage</c>, ...).</summary>
    public static string MeasureName(IndicatorMeasure measure) => measure switch
    {
        IndicatorMeasure.Unit => "unit",
        IndicatorMeasure.Percentage => "percentage",
        IndicatorMeasure.Nominal => "nominal",
        IndicatorMeasure.Ordinal => "ordinal",
        IndicatorMeasure.Qualitative => "qualitative",
        _ => ((int)measure).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The result type's name as in the framework JSON (<c>output</c>, <c>outcome</c>, ...).</summary>
    public static string ResultTypeName(ResultType type) => type switch
    {
        ResultType.Output => "output",
        ResultType.Outcome => "outcome",
        ResultType.Impact => "impact",
        ResultType.Other => "other",
        _ => ((int)type).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The kind's name in the <c>kind</c> column.</summary>
    public static string KindName(FlatValueKind kind) => kind switch
    {
        FlatValueKind.Baseline => "baseline",
        FlatValueKind.Target => "target",
        _ => "actual",
    };

    /// <summary>Whether values are numbers (unit and percentage measures).</summary>
    public static bool IsQuantitative(IndicatorDefinition indicator) =>
        indicator.Measure is IndicatorMeasure.Unit or IndicatorMeasure.Percentage;

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The baseline's dates: its ISO date as start and end when given, otherwise its year as January 1 to December 31,
    /// otherwise none.
    /// </summary>
    public static (string? Start, string? End) BaselineDates(IndicatorBaseline baseline)
    {
        if (baseline.IsoDate is { } date)
        {
            var text = FormatDate(date);
            return (text, text);
        }

        return baseline.Year is { } year
            ? (FormatDate(new DateOnly(year, 1, 1)), FormatDate(new DateOnly(year, 12, 31)))
            : (null, null);
    }

    /// <summary>Adds the cells after the value: one per dimension name, the location, the SDG codes.</summary>
    public static void AddTrailingCells(List<string> cells, FlatRow row, IReadOnlyList<string> dimensions)
    {
        foreach (var name in dimensions)
        {
            cells.Add(DimensionCell(row, name));
        }

        cells.Add(row.LocationCell);
        cells.Add(SdgCodes(row.Indicator));
    }

    /// <summary>The leading cells of a row, in <see cref="LeadingColumns"/> order (without <c>kind</c> when <paramref name="includeKind"/> is false).</summary>
    public static void AddLeadingCells(List<string> cells, FlatRow row, string? language, bool includeKind = true)
    {
        cells.Add(row.Activity);
        cells.Add(ResultTypeName(row.Result.Type));
        cells.Add(Text(row.Result.Title, language));
        cells.Add(row.Indicator.Id);
        cells.Add(Text(row.Indicator.Name, language));
        cells.Add(MeasureName(row.Indicator.Measure));
        cells.Add(row.Indicator.Unit ?? "");
        if (includeKind)
        {
            cells.Add(KindName(row.Kind));
        }

        cells.Add(row.Start ?? "");
        cells.Add(row.End ?? "");
    }

    /// <summary>
    /// Finds text that cannot be written as UTF-8 (a lone UTF-16 surrogate), so an export fails before it writes
    /// anything rather than half-way. Errors name the path and the field, never the text.
    /// </summary>
    public static List<FrameworkError> InvalidText(ResultsFramework framework, string? language)
    {
        var errors = new List<FrameworkError>();
        foreach (var row in Enumerate(framework))
        {
            Check(row.Activity, row.Path, "activity");
            Check(Text(row.Result.Title, language), row.Path, "result title");
            Check(Text(row.Indicator.Name, language), row.Path, "indicator name");
            Check(row.Indicator.Unit, row.Path, "unit");
            Check(row.Value, row.Path, "value");
            Check(row.LocationCell, row.Path, "locations");
            foreach (var d in row.Dimensions)
            {
                Check(d.Name, row.Path, "dimension name");
                Check(d.Value, row.Path, "dimension value");
            }
        }

        return errors;

        void Check(string? text, string path, string field)
        {
            if (text is not null && !IsValidUtf16(text))
            {
                errors.Add(new FrameworkError(path, $"The {field} holds a lone UTF-16 surrogate, which cannot be written as UTF-8."));
            }
        }

    }

    /// <summary>Whether every surrogate in <paramref name="text"/> is part of a pair.</summary>
    public static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of dimension <paramref name="name"/> on the row, or empty.</summary>
    public static string DimensionCell(FlatRow row, string name)
    {
        foreach (var d in row.Dimensions)
        {
            if (string.Equals(d.Name, name, StringComparison.Ordinal))
            {
                return d.Value;
            }
        }

        return "";
    }
}
