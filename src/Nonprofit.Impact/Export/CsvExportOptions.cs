namespace Nonprofit.Impact.Export;

/// <summary>Options of <see cref="CsvExporter"/>.</summary>
public sealed class CsvExportOptions
{
    /// <summary>Gets or sets the language (ISO 639-1) of result titles and indicator names.</summary>
    /// <value>The default is <see langword="null"/>: each text's first narrative.</value>
    public string? Language { get; set; }

    /// <summary>
    /// Gets or sets whether cells a spreadsheet could run as a formula get a leading apostrophe: cells starting with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, except plain numbers such as <c>-3.5</c>
    /// or <c>+2e3</c>, which stay numbers.
    /// </summary>
    /// <value>The default is <see langword="true"/>. Turn it off only when no spreadsheet will open the file, since the apostrophe changes the text.</value>
    public bool ProtectAgainstFormulas { get; set; } = true;
}
