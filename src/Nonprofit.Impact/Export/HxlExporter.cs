using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact.Export;

/// <summary>
/// Writes a results framework as an HXL 1.1 table: the CSV table of <see cref="CsvExporter"/> with a row of HXL
/// hashtags right after the header, so humanitarian tools (HDX, HXL Proxy) recognise its columns.
/// </summary>
/// <remarks>
/// <para>
/// HXL (Humanitarian Exchange Language, https://hxlstandard.org, tagging conventions and hashtag dictionary of
/// version 1.1, https://hxlstandard.org/standard/1-1final/dictionary/) tags a column with a hashtag and attributes,
/// such as <c>#reached+f+children</c>; attribute order does not matter. Every hashtag written matches
/// <c>#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*</c> and is a core hashtag of the dictionary (<c>#activity</c>,
/// <c>#indicator</c>, <c>#date</c>, <c>#reached</c>, <c>#targeted</c>, <c>#beneficiary</c>, <c>#adm1</c>). Attributes
/// are the dictionary's where it has one (<c>+code</c>, <c>+name</c>, <c>+type</c>, <c>+text</c>, <c>+start</c>,
/// <c>+end</c>, <c>+f</c>, <c>+children</c> ...) and otherwise extension attributes of this library
/// (<c>+result</c>, <c>+unit</c>, <c>+kind</c>, <c>+sdg</c>, <c>+baseline</c>, and dimension attributes such as
/// <c>+sex</c>), which follow the syntax but are not in the dictionary.
/// </para>
/// <para>
/// Columns and hashtags, one row per baseline, target and actual (the default): <c>activity</c>
/// <c>#activity+code</c>; <c>result_type</c> <c>#indicator+result+type</c>; <c>result_title</c>
/// <c>#indicator+result+name</c>; <c>indicator_id</c> <c>#indicator+code</c>; <c>indicator_name</c>
/// <c>#indicator+name</c>; <c>measure</c> <c>#indicator+type</c>; <c>unit</c> <c>#indicator+unit</c>; <c>kind</c>
/// <c>#indicator+kind</c>; <c>period_start</c> <c>#date+start</c>; <c>period_end</c> <c>#date+end</c>. Since a column
/// has one hashtag while the CSV's single <c>value</c> column mixes kinds, the value is split by kind: <c>baseline</c>
/// <c>#reached+baseline</c>, <c>target</c> <c>#targeted</c>, <c>actual</c> <c>#reached</c> for unit and percentage
/// indicators (HXL's <c>#reached</c> and <c>#targeted</c> hold numbers), and <c>value_text</c>
/// <c>#indicator+text</c> for nominal, ordinal and qualitative ones; each row fills one of them. Then one column
/// per dimension, tagged <see cref="HxlExportOptions.DimensionHashtag"/> (<c>#beneficiary</c>) plus the dimension's
/// <see cref="DimensionDefinition.HxlAttribute"/> (or its name made into an attribute), such as
/// <c>#beneficiary+sex</c>; then <c>location</c> <see cref="HxlExportOptions.LocationHashtag"/> (<c>#adm1+code</c>)
/// and <c>sdg_codes</c> <c>#indicator+code+sdg</c>.
/// </para>
/// <para>
/// With <see cref="HxlExportOptions.PivotDimensions"/>, there is one row per indicator, period (or baseline) and
/// location, without <c>kind</c> and dimension columns; <c>location</c> and <c>sdg_codes</c> follow
/// <c>period_end</c>, then one value column per kind and disaggregation used, whose attributes are the dimension
/// values' <see cref="DimensionDefinition.HxlAttributes"/> in dimension-name order: <c>#reached</c> (total),
/// <c>#reached+children+f</c>, <c>#targeted+children+f</c>, <c>#reached+baseline+children+f</c> ... (headers
/// <c>actual</c>, <c>actual_children_f</c>, ...). Values of other measures go to <c>#indicator+text+baseline</c>,
/// <c>+targeted</c> and <c>+reached</c> columns and cannot be disaggregated. A dimension value without an HXL
/// attribute, or two values for the same cell, is an error (<see cref="FrameworkValidationException"/>, thrown
/// before anything is written).
/// </para>
/// <para>Quoting, encoding and formula protection are those of <see cref="CsvExporter"/>; comments are not exported.</para>
/// </remarks>
public sealed class HxlExporter : IFrameworkExporter
{
    private static readonly string[] s_leadingTags =
        ["#activity+code", "#indicator+result+type", "#indicator+result+name", "#indicator+code", "#indicator+name", "#indicator+type", "#indicator+unit", "#indicator+kind", "#date+start", "#date+end"];

    private const int KindColumn = 7;
    private const string SdgTag = "#indicator+code+sdg";

    private readonly HxlExportOptions _options;

    /// <summary>Initializes the exporter.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A hashtag in <paramref name="options"/> is not HXL syntax.</exception>
    public HxlExporter(HxlExportOptions? options = null)
    {
        _options = options ?? new HxlExportOptions();
        if (!HxlSyntax.IsValidHashtag(_options.LocationHashtag))
        {
            throw new ArgumentException("LocationHashtag is not an HXL hashtag such as #adm1+code.", nameof(options));
        }

        if (!HxlSyntax.IsValidHashtag(_options.DimensionHashtag))
        {
            throw new ArgumentException("DimensionHashtag is not an HXL hashtag such as #beneficiary.", nameof(options));
        }
    }

    /// <inheritdoc/>
    public string Format => "hxl";

    /// <inheritdoc/>
    public string FileExtension => ".csv";

    /// <inheritdoc/>
    /// <exception cref="FrameworkValidationException">The framework is invalid, or cannot be written as HXL (an HXL attribute is missing or malformed, or text cannot be written as UTF-8); nothing was written.</exception>
    public Task ExportAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(destination);
        framework.EnsureValid();
        if (FlatRows.InvalidText(framework, _options.Language) is { Count: > 0 } errors)
        {
            throw new FrameworkValidationException(errors);
        }

        return _options.PivotDimensions
            ? WritePivotedAsync(framework, destination, cancellationToken)
            : WriteLongAsync(framework, destination, cancellationToken);
    }

    private async Task WriteLongAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken)
    {
        var dimensions = FlatRows.DimensionNames(framework);
        var errors = new List<FrameworkError>();
        var dimensionTags = DimensionTags(framework, dimensions, errors);
        ThrowIfAny(errors);

        var protect = _options.ProtectAgainstFormulas;
        var writer = CsvFormat.OpenWriter(destination);
        await using (writer.ConfigureAwait(false))
        {
            var buffer = new StringBuilder();
            var cells = new List<string>(FlatRows.LeadingColumns) { "baseline", "target", "actual", "value_text" };
            cells.AddRange(CsvExporter.DimensionHeaders(dimensions));
            cells.Add("location");
            cells.Add("sdg_codes");
            await CsvFormat.WriteRecordAsync(writer, buffer, cells, protect, cancellationToken).ConfigureAwait(false);

            cells.AddRange(s_leadingTags);
            cells.AddRange(["#reached+baseline", "#targeted", "#reached", "#indicator+text"]);
            cells.AddRange(dimensionTags);
            cells.Add(_options.LocationHashtag);
            cells.Add(SdgTag);
            await CsvFormat.WriteRecordAsync(writer, buffer, cells, protect, cancellationToken).ConfigureAwait(false);

            foreach (var row in FlatRows.Enumerate(framework))
            {
                FlatRows.AddLeadingCells(cells, row, _options.Language);
                var slot = FlatRows.IsQuantitative(row.Indicator) ? (int)row.Kind : 3;
                for (var i = 0; i < 4; i++)
                {
                    cells.Add(i == slot ? row.Value ?? "" : "");
                }

                FlatRows.AddTrailingCells(cells, row, dimensions);
                await CsvFormat.WriteRecordAsync(writer, buffer, cells, protect, cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private List<string> DimensionTags(ResultsFramework framework, List<string> dimensions, List<FrameworkError> errors)
    {
        var declared = new Dictionary<string, (string Tag, string Path)>(StringComparer.Ordinal);
        for (var r = 0; r < framework.Results.Count; r++)
        {
            var indicators = framework.Results[r].Indicators;
            for (var i = 0; i < indicators.Count; i++)
            {
                for (var d = 0; d < indicators[i].Dimensions.Count; d++)
                {
                    var dimension = indicators[i].Dimensions[d];
                    if (dimension.HxlAttribute is null)
                    {
                        continue;
                    }

                    var path = $"results[{r}].indicators[{i}].dimensions[{d}].hxlAttribute";
                    var attributes = new List<string>();
                    if (!HxlSyntax.TryParseAttributes(dimension.HxlAttribute, attributes))
                    {
                        errors.Add(new FrameworkError(path,
                            $"Indicator '{indicators[i].Id}': the HXL attribute of dimension '{dimension.Name}' is not an HXL attribute (a letter, then lower-case letters, digits or '_', such as +sex)."));
                        continue;
                    }

                    var tag = HxlSyntax.With(_options.DimensionHashtag, attributes);
                    if (!declared.TryGetValue(dimension.Name, out var first))
                    {
                        declared.Add(dimension.Name, (tag, path));
                    }
                    else if (first.Tag != tag)
                    {
                        errors.Add(new FrameworkError(path,
                            $"Indicator '{indicators[i].Id}': dimension '{dimension.Name}' has another HXL attribute than at {first.Path}; one column needs one hashtag."));
                    }
                }
            }
        }

        return [.. dimensions.Select(name => declared.TryGetValue(name, out var d)
            ? d.Tag
            : HxlSyntax.With(_options.DimensionHashtag, [HxlSyntax.AttributeFromName(name)]))];
    }

    private async Task WritePivotedAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken)
    {
        // First pass: every row's column, so the header is known and every error is found before writing.
        var errors = new List<FrameworkError>();
        var columns = new HashSet<PivotColumn>();
        var cells = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in FlatRows.Enumerate(framework))
        {
            if (PivotColumnOf(row, errors) is not { } column)
            {
                continue;
            }

            columns.Add(column);
            if (!cells.Add(string.Join('\n', row.GroupPath, row.LocationCell, column.Kind.ToString(), column.Text.ToString(), column.Attributes)))
            {
                errors.Add(new FrameworkError(row.Path,
                    $"Indicator '{row.Indicator.Id}': another {FlatRows.KindName(row.Kind)} of the same period and location has the same HXL attributes, so both would fall in one cell."));
            }
        }

        ThrowIfAny(errors);
        var ordered = columns.OrderBy(c => c.Text).ThenBy(c => c.Kind).ThenBy(c => c.Attributes.Length > 0).ThenBy(c => c.Attributes, StringComparer.Ordinal).ToList();
        var index = new Dictionary<PivotColumn, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            index.Add(ordered[i], i);
        }

        var protect = _options.ProtectAgainstFormulas;
        var writer = CsvFormat.OpenWriter(destination);
        await using (writer.ConfigureAwait(false))
        {
            var buffer = new StringBuilder();
            var record = new List<string>(FlatRows.LeadingColumns);
            record.RemoveAt(KindColumn);
            record.Add("location");
            record.Add("sdg_codes");
            record.AddRange(ordered.Select(c => c.Header));
            await CsvFormat.WriteRecordAsync(writer, buffer, record, protect, cancellationToken).ConfigureAwait(false);

            record.AddRange(s_leadingTags);
            record.RemoveAt(KindColumn);
            record.Add(_options.LocationHashtag);
            record.Add(SdgTag);
            record.AddRange(ordered.Select(c => c.Hashtag));
            await CsvFormat.WriteRecordAsync(writer, buffer, record, protect, cancellationToken).ConfigureAwait(false);

            var group = new List<FlatRow>();
            foreach (var row in FlatRows.Enumerate(framework))
            {
                if (group.Count > 0 && group[0].GroupPath != row.GroupPath)
                {
                    await WriteGroupAsync(group).ConfigureAwait(false);
                }

                group.Add(row);
            }

            await WriteGroupAsync(group).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);

            async Task WriteGroupAsync(List<FlatRow> rows)
            {
                foreach (var location in rows.Select(r => r.LocationCell).Distinct(StringComparer.Ordinal).ToList())
                {
                    var values = new string[ordered.Count];
                    FlatRow? first = null;
                    foreach (var row in rows)
                    {
                        if (row.LocationCell == location)
                        {
                            first ??= row;
                            values[index[PivotColumnOf(row, errors)!]] = row.Value ?? "";
                        }
                    }

                    FlatRows.AddLeadingCells(record, first!, _options.Language, includeKind: false);
                    record.Add(location);
                    record.Add(FlatRows.SdgCodes(first!.Indicator));
                    record.AddRange(values.Select(v => v ?? ""));
                    await CsvFormat.WriteRecordAsync(writer, buffer, record, protect, cancellationToken).ConfigureAwait(false);
                }

                rows.Clear();
            }
        }
    }

    private static PivotColumn? PivotColumnOf(FlatRow row, List<FrameworkError> errors)
    {
        if (!FlatRows.IsQuantitative(row.Indicator))
        {
            if (row.Dimensions.Count > 0)
            {
                errors.Add(new FrameworkError(row.Path,
                    $"Indicator '{row.Indicator.Id}': a {FlatRows.MeasureName(row.Indicator.Measure)} value cannot be pivoted by dimension (HXL's #reached and #targeted hold numbers); export without PivotDimensions."));
                return null;
            }

            return new PivotColumn(row.Kind, Text: true, "");
        }

        var attributes = new List<string>();
        foreach (var value in row.Dimensions.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var d = IndexOfDimension(row.Indicator, value.Name);
            var dimension = row.Indicator.Dimensions[d];
            var v = dimension.AllowedValues.IndexOf(value.Value);
            var path = $"{row.IndicatorPath}.dimensions[{HxlSyntax.Index(d)}]";
            if (!dimension.HxlAttributes.TryGetValue(value.Value, out var text))
            {
                errors.Add(new FrameworkError($"{path}.hxlAttributes",
                    $"Indicator '{row.Indicator.Id}': pivoting needs an HXL attribute for every value of dimension '{dimension.Name}', and allowedValues[{HxlSyntax.Index(v)}] has none (used at {row.Path})."));
                return null;
            }

            if (!HxlSyntax.TryParseAttributes(text, attributes))
            {
                errors.Add(new FrameworkError($"{path}.hxlAttributes",
                    $"Indicator '{row.Indicator.Id}': the HXL attribute of allowedValues[{HxlSyntax.Index(v)}] of dimension '{dimension.Name}' is not an HXL attribute (a letter, then lower-case letters, digits or '_', such as +f)."));
                return null;
            }
        }

        return new PivotColumn(row.Kind, Text: false, string.Concat(attributes.Select(a => "+" + a)));
    }

    private static int IndexOfDimension(IndicatorDefinition indicator, string name)
    {
        for (var d = 0; d < indicator.Dimensions.Count; d++)
        {
            if (string.Equals(indicator.Dimensions[d].Name, name, StringComparison.Ordinal))
            {
                return d;
            }
        }

        // The framework is valid, so every dimension value names a declared dimension.
        throw new InvalidOperationException("A dimension value names no declared dimension.");
    }

    private static void ThrowIfAny(List<FrameworkError> errors)
    {
        if (errors.Count > 0)
        {
            throw new FrameworkValidationException(errors);
        }
    }

    /// <summary>A value column of the pivoted table: a kind, numbers or text, and the HXL attributes of a disaggregation (<c>+children+f</c>).</summary>
    private sealed record PivotColumn(FlatValueKind Kind, bool Text, string Attributes)
    {
        public string Hashtag => Text
            ? "#indicator+text" + Kind switch { FlatValueKind.Baseline => "+baseline", FlatValueKind.Target => "+targeted", _ => "+reached" }
            : Kind switch { FlatValueKind.Baseline => "#reached+baseline", FlatValueKind.Target => "#targeted", _ => "#reached" } + Attributes;

        public string Header => FlatRows.KindName(Kind) + (Text ? "_text" : Attributes.Replace('+', '_'));
    }
}
