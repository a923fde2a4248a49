namespace Nonprofit.Impact.Export;

/// <summary>Options of <see cref="HxlExporter"/>.</summary>
public sealed class HxlExportOptions
{
    /// <summary>
    /// Gets or sets whether dimension values become attributes of the value columns, one row per indicator, period and
    /// location (<c>#reached+f+children</c>), instead of one row per value with a column per dimension.
    /// </summary>
    /// <value>The default is <see langword="false"/>. Pivoting needs an HXL attribute (<see cref="DimensionDefinition.HxlAttributes"/>) for every dimension value used.</value>
    public bool PivotDimensions { get; set; }

    /// <summary>Gets or sets the hashtag of the location column.</summary>
    /// <value>The default is <c>#adm1+code</c> (first-level administrative area, by code, such as ISO 3166-2 <c>KE-047</c>); use <c>#loc+code</c> for other places.</value>
    public string LocationHashtag { get; set; } = "#adm1+code";

    /// <summary>Gets or sets the hashtag of dimension columns, to which each dimension's attribute is added (<c>#beneficiary+sex</c>); used when not pivoting.</summary>
    /// <value>The default is <c>#beneficiary</c>.</value>
    public string DimensionHashtag { get; set; } = "#beneficiary";

    /// <summary>Gets or sets the language (ISO 639-1) of result titles and indicator names.</summary>
    /// <value>The default is <see langword="null"/>: each text's first narrative.</value>
    public string? Language { get; set; }

    /// <summary>Gets or sets whether cells a spreadsheet could run as a formula get a leading apostrophe (see <see cref="CsvExportOptions.ProtectAgainstFormulas"/>).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ProtectAgainstFormulas { get; set; } = true;
}
