using System;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.Impact;

/// <summary>
/// A results framework: the activities an organisation reports on, their results (output, outcome, impact),
/// each result's indicators with baseline, periods, targets and actuals. It maps one to one onto IATI 2.03
/// <c>iati-activity/result</c> and is what <c>nonprofit impact validate</c> checks and the exporters write.
/// </summary>
/// <remarks>Load and save it with <see cref="ResultsFrameworkJson"/>; check it with <see cref="Validate"/>.</remarks>
public sealed class ResultsFramework
{
    /// <summary>Gets or sets a name for the framework (for reports).</summary>
    public string? Name { get; set; }

    /// <summary>Gets the activities (projects, programmes) the results belong to. IATI export needs at least one.</summary>
    public IList<ActivityInfo> Activities { get; } = new List<ActivityInfo>();

    /// <summary>Gets the results, in reporting order.</summary>
    public IList<Result> Results { get; } = new List<Result>();

    /// <summary>Gets every indicator of every result, in order.</summary>
    /// <returns>The indicators.</returns>
    public IEnumerable<IndicatorDefinition> EnumerateIndicators() => Results.SelectMany(r => r.Indicators);

    /// <summary>Finds an indicator by its <see cref="IndicatorDefinition.Id"/>.</summary>
    /// <param name="indicatorId">The id.</param>
    /// <returns>The indicator, or <see langword="null"/>.</returns>
    public IndicatorDefinition? FindIndicator(string indicatorId) =>
        EnumerateIndicators().FirstOrDefault(i => string.Equals(i.Id, indicatorId, StringComparison.Ordinal));

    /// <summary>Checks the framework; each error names the JSON path of what is wrong.</summary>
    /// <returns>The errors, empty when the framework is valid.</returns>
    public IReadOnlyList<FrameworkError> Validate() => FrameworkValidator.Validate(this);

    /// <summary>Throws when <see cref="Validate"/> finds errors.</summary>
    /// <exception cref="FrameworkValidationException">The framework is invalid; the exception lists every error.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new FrameworkValidationException(errors);
        }
    }
}

/// <summary>An IATI activity: the project or programme results are reported for.</summary>
public sealed class ActivityInfo
{
    /// <summary>Gets or sets the globally unique IATI identifier (reporting org ref, a hyphen, the activity's own id).</summary>
    public string Identifier { get; set; } = "";

    /// <summary>Gets or sets the default language of narratives (ISO 639-1), exported as <c>xml:lang</c>.</summary>
    public string? DefaultLanguage { get; set; }

    /// <summary>Gets or sets the default currency (ISO 4217), exported as <c>default-currency</c>.</summary>
    public string? DefaultCurrency { get; set; }

    /// <summary>Gets or sets the organisation that reports the activity.</summary>
    public OrganisationInfo ReportingOrg { get; set; } = new();

    /// <summary>Gets or sets the activity's title.</summary>
    public LocalizedText? Title { get; set; }

    /// <summary>Gets or sets the activity's description.</summary>
    public LocalizedText? Description { get; set; }

    /// <summary>Gets the organisations taking part, with their IATI <c>OrganisationRole</c> code.</summary>
    public IList<OrganisationInfo> ParticipatingOrgs { get; } = new List<OrganisationInfo>();

    /// <summary>Gets or sets the IATI <c>ActivityStatus</c> code (1 pipeline, 2 implementation, 3 finalisation, 4 closed ...).</summary>
    public string Status { get; set; } = "2";

    /// <summary>Gets the activity dates (IATI <c>ActivityDateType</c>: 1 planned start, 2 actual start, 3 planned end, 4 actual end).</summary>
    public IList<ActivityDate> Dates { get; } = new List<ActivityDate>();

    /// <summary>Gets the ISO 3166-1 alpha-2 codes of the recipient countries.</summary>
    public IList<string> RecipientCountries { get; } = new List<string>();

    /// <summary>Gets the locations results can refer to by <see cref="LocationInfo.Ref"/>.</summary>
    public IList<LocationInfo> Locations { get; } = new List<LocationInfo>();
}

/// <summary>An organisation in IATI: a reference, a type and a name.</summary>
public sealed class OrganisationInfo
{
    /// <summary>Gets or sets the organisation identifier (e.g. <c>GB-COH-11126312</c>).</summary>
    public string? Ref { get; set; }

    /// <summary>Gets or sets the IATI <c>OrganisationType</c> code (e.g. 21 international NGO, 22 national NGO).</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the IATI <c>OrganisationRole</c> code, for participating organisations (1 funding, 2 accountable, 3 extending, 4 implementing).</summary>
    public string? Role { get; set; }

    /// <summary>Gets or sets the name.</summary>
    public LocalizedText? Name { get; set; }
}

/// <summary>An IATI activity date.</summary>
public sealed class ActivityDate
{
    /// <summary>Gets or sets the IATI <c>ActivityDateType</c> code.</summary>
    public string Type { get; set; } = "1";

    /// <summary>Gets or sets the date.</summary>
    public DateOnly Date { get; set; }
}

/// <summary>A place an activity works in, which targets and actuals can refer to.</summary>
public sealed class LocationInfo
{
    /// <summary>Gets or sets the reference results use for this location (IATI <c>location/@ref</c>).</summary>
    public string Ref { get; set; } = "";

    /// <summary>Gets or sets the location's name.</summary>
    public LocalizedText? Name { get; set; }

    /// <summary>Gets or sets an administrative code (for example a DHIS2 org unit or an ISO 3166-2 code).</summary>
    public string? AdministrativeCode { get; set; }

    /// <summary>Gets or sets the latitude (WGS 84) of a point for the location, if any.</summary>
    public double? Latitude { get; set; }

    /// <summary>Gets or sets the longitude (WGS 84) of a point for the location, if any.</summary>
    public double? Longitude { get; set; }
}

/// <summary>A result of an activity: an output, an outcome or an impact, measured by indicators.</summary>
public sealed class Result
{
    /// <summary>Gets or sets the <see cref="ActivityInfo.Identifier"/> of the activity the result belongs to; may be omitted when the framework has one activity.</summary>
    public string? Activity { get; set; }

    /// <summary>Gets or sets the level of the result.</summary>
    public ResultType Type { get; set; } = ResultType.Output;

    /// <summary>Gets or sets whether the result's data can be aggregated across activities (IATI <c>aggregation-status</c>).</summary>
    public bool? AggregationStatus { get; set; }

    /// <summary>Gets or sets the title.</summary>
    public LocalizedText? Title { get; set; }

    /// <summary>Gets or sets the description.</summary>
    public LocalizedText? Description { get; set; }

    /// <summary>Gets the result's references in external vocabularies (IATI <c>result/reference</c>).</summary>
    public IList<CodeReference> References { get; } = new List<CodeReference>();

    /// <summary>Gets the indicators that measure the result.</summary>
    public IList<IndicatorDefinition> Indicators { get; } = new List<IndicatorDefinition>();
}

/// <summary>A code in a vocabulary, such as an SDG indicator (<c>vocabulary="9"</c>, <c>code="5.2.1"</c>).</summary>
public sealed class CodeReference
{
    /// <summary>Gets or sets the vocabulary's IATI code (<c>IndicatorVocabulary</c> or <c>ResultVocabulary</c>; 99 = the reporting organisation's own).</summary>
    public string Vocabulary { get; set; } = "";

    /// <summary>Gets or sets the code in that vocabulary.</summary>
    public string Code { get; set; } = "";

    /// <summary>Gets or sets the vocabulary's URI (for <c>99</c> vocabularies, such as IRIS+).</summary>
    public string? VocabularyUri { get; set; }

    /// <summary>Gets or sets a URI for the indicator itself (IATI <c>indicator/reference/@indicator-uri</c>).</summary>
    public string? IndicatorUri { get; set; }

    /// <summary>IATI's <c>IndicatorVocabulary</c> code for UN SDG indicators.</summary>
    public const string SdgIndicatorVocabulary = "9";

    /// <summary>IATI's vocabulary code for the reporting organisation's own codes.</summary>
    public const string ReportingOrganisationVocabulary = "99";

    /// <summary>The vocabulary URI used for IRIS+ metric ids (with vocabulary 99).</summary>
    public const string IrisPlusVocabularyUri = "https://iris.thegiin.org/metrics/";

    /// <summary>Creates a reference to an SDG indicator such as <c>5.2.1</c>.</summary>
    /// <param name="indicatorCode">The SDG indicator code.</param>
    /// <returns>The reference.</returns>
    public static CodeReference Sdg(string indicatorCode) => new() { Vocabulary = SdgIndicatorVocabulary, Code = indicatorCode };

    /// <summary>Creates a reference to an IRIS+ metric such as <c>PI4060</c>.</summary>
    /// <param name="metricId">The IRIS+ metric id.</param>
    /// <returns>The reference.</returns>
    public static CodeReference IrisPlus(string metricId) =>
        new() { Vocabulary = ReportingOrganisationVocabulary, Code = metricId, VocabularyUri = IrisPlusVocabularyUri };
}
