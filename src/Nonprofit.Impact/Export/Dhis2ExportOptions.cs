using System;

namespace Nonprofit.Impact.Export;

/// <summary>Options of <see cref="Dhis2Exporter"/>.</summary>
public sealed class Dhis2ExportOptions
{
    /// <summary>Gets or sets whether targets are exported too, to the data elements of <see cref="Dhis2Mapping.TargetDataElements"/>.</summary>
    /// <value>The default is <see langword="false"/>: actuals only.</value>
    public bool IncludeTargets { get; set; }

    /// <summary>
    /// Gets or sets whether an indicator with no data element mapped is skipped (and listed in
    /// <see cref="Dhis2ExportReport.Skipped"/>) instead of failing the export.
    /// </summary>
    /// <value>The default is <see langword="false"/>: an unmapped indicator is an error.</value>
    public bool SkipUnmappedIndicators { get; set; }

    /// <summary>Gets or sets whether values' comments are written as DHIS2 <c>comment</c>s.</summary>
    /// <value>The default is <see langword="false"/>: comments are free text and may hold personal data, and DHIS2 shows them to every user who can see the value.</value>
    public bool IncludeComments { get; set; }

    /// <summary>Gets or sets the language (ISO 639-1) of comments.</summary>
    /// <value>The default is <see langword="null"/>: each comment's first narrative.</value>
    public string? Language { get; set; }

    /// <summary>
    /// Gets or sets the DHIS2 period of a period that is not a calendar day, ISO week, month, quarter, half-year or
    /// year (for example a financial year, <c>2024April</c>); return <see langword="null"/> to report the period as an error.
    /// </summary>
    /// <value>The default is <see langword="null"/>: such periods are errors.</value>
    public Func<IndicatorDefinition, IndicatorPeriod, string?>? PeriodFallback { get; set; }

    /// <summary>Gets or sets whether the JSON is indented.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Indented { get; set; }
}
