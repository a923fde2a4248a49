using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact.Export;

/// <summary>
/// Writes a results framework as one flat CSV table (RFC 4180): one row per baseline, target and actual.
/// </summary>
/// <remarks>
/// <para>
/// Columns, in order: <c>activity</c>, <c>result_type</c>, <c>result_title</c>, <c>indicator_id</c>,
/// <c>indicator_name</c>, <c>measure</c>, <c>unit</c>, <c>kind</c> (<c>baseline</c>, <c>target</c> or
/// <c>actual</c>), <c>period_start</c>, <c>period_end</c> (<c>yyyy-MM-dd</c>), <c>value</c>, then one column per
/// dimension name declared by any indicator (sorted ordinally; a name equal to a fixed column's gets the prefix
/// <c>dimension_</c>), then <c>location</c> and <c>sdg_codes</c>. Several locations or SDG codes are joined with
/// <c>;</c>. A baseline's period is its ISO date (as start and end) or else its year (January 1 to December 31).
/// </para>
/// <para>
/// The file is UTF-8 without a byte order mark, records end with CRLF, the first record is the header; a field is
/// quoted, with its quotes doubled, when it holds a comma, a quote, a CR or an LF. Values are written as they are in
/// the framework (invariant culture). Against CSV injection, a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a CR gets a leading apostrophe unless it is a plain number (see
/// <see cref="CsvExportOptions.ProtectAgainstFormulas"/>).
/// </para>
/// <para>Comments are not exported: they are free text and may hold personal data.</para>
/// </remarks>
public sealed class CsvExporter : IFrameworkExporter
{
    private readonly CsvExportOptions _options;

    /// <summary>Initializes the exporter.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public CsvExporter(CsvExportOptions? options = null)
    {
        _options = options ?? new CsvExportOptions();
    }

    /// <inheritdoc/>
    public string Format => "csv";

    /// <inheritdoc/>
    public string FileExtension => ".csv";

    /// <inheritdoc/>
    /// <exception cref="FrameworkValidationException">The framework is invalid, or holds text that cannot be written as UTF-8; nothing was written.</exception>
    public async Task ExportAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(destination);
        framework.EnsureValid();
        if (FlatRows.InvalidText(framework, _options.Language) is { Count: > 0 } errors)
        {
            throw new FrameworkValidationException(errors);
        }

        var dimensions = FlatRows.DimensionNames(framework);
        var protect = _options.ProtectAgainstFormulas;
        var writer = CsvFormat.OpenWriter(destination);
        await using (writer.ConfigureAwait(false))
        {
            var buffer = new StringBuilder();
            var cells = new List<string>(FlatRows.LeadingColumns);
            cells.Add("value");
            cells.AddRange(DimensionHeaders(dimensions));
            cells.Add("location");
            cells.Add("sdg_codes");
            await CsvFormat.WriteRecordAsync(writer, buffer, cells, protect, cancellationToken).ConfigureAwait(false);

            foreach (var row in FlatRows.Enumerate(framework))
            {
                FlatRows.AddLeadingCells(cells, row, _options.Language);
                cells.Add(row.Value ?? "");
                FlatRows.AddTrailingCells(cells, row, dimensions);
                await CsvFormat.WriteRecordAsync(writer, buffer, cells, protect, cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The dimension columns' headers: the names, prefixed with <c>dimension_</c> when equal to a fixed column's.</summary>
    internal static IEnumerable<string> DimensionHeaders(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var fixedColumn = Array.IndexOf(FlatRows.LeadingColumns, name) >= 0 || name is "value" or "location" or "sdg_codes";
            yield return fixedColumn ? "dimension_" + name : name;
        }
    }
}
