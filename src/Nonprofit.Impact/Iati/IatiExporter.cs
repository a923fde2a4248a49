using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Nonprofit.Impact.Catalog;
using Nonprofit.Impact.Export;

namespace Nonprofit.Impact.Iati;

/// <summary>
/// Writes a <see cref="ResultsFramework"/> as an IATI 2.03 activity file (<c>iati-activities</c>, one
/// <c>iati-activity</c> per <see cref="ActivityInfo"/>, each with its results), valid against the IATI 2.03
/// activity schema. The file is streamed with an <see cref="XmlWriter"/>; nothing is written until the whole
/// framework has been checked, so a framework IATI cannot carry never leaves a partial file.
/// </summary>
/// <remarks>
/// <para>
/// Mapping: <see cref="ActivityInfo"/> → <c>iati-identifier</c>, <c>reporting-org</c>, <c>title</c>,
/// <c>description type="1"</c>, <c>participating-org</c>, <c>activity-status</c>, <c>activity-date</c>,
/// <c>recipient-country</c>, <c>location</c> (<c>@ref</c>, <c>name</c>, <c>administrative</c>,
/// <c>point/pos</c> as "latitude longitude" in EPSG:4326). <see cref="Result"/> → <c>result</c>;
/// <see cref="IndicatorDefinition"/> → <c>indicator</c> with <c>@measure</c>, <c>@ascending</c> (from
/// <see cref="IndicatorDefinition.Direction"/>), <c>@aggregation-status</c>, <c>reference</c>, <c>baseline</c>
/// and <c>period</c> with <c>target</c> and <c>actual</c> (<c>location/@ref</c>, <c>dimension</c>, <c>comment</c>).
/// Each SDG indicator reference (vocabulary 9) also yields activity-level <c>tag</c> elements for its goal
/// (<c>TagVocabulary</c> 2) and target (<c>TagVocabulary</c> 3), once per activity.
/// </para>
/// <para>
/// IATI 2.03 has no place for: <see cref="ResultsFramework.Name"/>, <see cref="IndicatorDefinition.Unit"/>,
/// <see cref="IndicatorDefinition.Aggregation"/>, the allowed values and HXL attributes of
/// <see cref="IndicatorDefinition.Dimensions"/> (only the dimension values on baselines, targets and actuals
/// are written), <see cref="CodeReference.VocabularyUri"/> on indicator references (IATI allows it on result
/// references only) and <see cref="CodeReference.IndicatorUri"/> on result references (IATI allows it on
/// indicator references only). Those are not written.
/// </para>
/// </remarks>
public sealed partial class IatiExporter : IFrameworkExporter
{
    /// <summary>The IATI standard version the exporter writes.</summary>
    public const string IatiVersion = "2.03";

    /// <summary>The <c>point/@srsName</c> written for latitude/longitude points: WGS 84 (EPSG:4326).</summary>
    public const string Wgs84SrsName = "http://www.opengis.net/def/crs/EPSG/0/4326";

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string SdgGoalTagVocabulary = "2";
    private const string SdgTargetTagVocabulary = "3";

    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes an exporter that stamps files with the system clock.</summary>
    public IatiExporter()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Initializes an exporter.</summary>
    /// <param name="timeProvider">The clock for <c>iati-activities/@generated-datetime</c>.</param>
    public IatiExporter(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public string Format => "iati";

    /// <inheritdoc/>
    public string FileExtension => ".xml";

    /// <summary>
    /// Gets the IATI <c>GeographicVocabulary</c> code written as <c>location/administrative/@vocabulary</c> for
    /// <see cref="LocationInfo.AdministrativeCode"/> (the model keeps no vocabulary for that code).
    /// Defaults to <c>G1</c> (GeoNames); set it to the vocabulary your administrative codes come from
    /// (<c>A1</c> GAUL, <c>A2</c> UN SALB, <c>A3</c> GADM, <c>A4</c> ISO 3166-1, <c>G2</c> OpenStreetMap).
    /// </summary>
    public string AdministrativeVocabulary { get; init; } = "G1";

    /// <summary>
    /// Lists what stops <paramref name="framework"/> from being exported: the framework's own validation errors
    /// and what IATI 2.03 requires that the model leaves optional (an activity's title, description,
    /// reporting organisation type and name, participating organisations, status and dates; at least one
    /// indicator per result; a baseline year).
    /// </summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The errors, each with the JSON path of what is missing or wrong; empty when the framework can be exported.</returns>
    public IReadOnlyList<FrameworkError> FindExportErrors(ResultsFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var errors = new List<FrameworkError>(framework.Validate());
        if (framework.Activities.Count == 0)
        {
            errors.Add(new("activities", "IATI 2.03 needs at least one activity: add the project or programme the results belong to."));
        }

        if (string.IsNullOrWhiteSpace(AdministrativeVocabulary) || !XmlCharsValid(AdministrativeVocabulary))
        {
            errors.Add(new("administrativeVocabulary", "The exporter's administrative vocabulary must be a GeographicVocabulary code."));
        }

        for (var a = 0; a < framework.Activities.Count; a++)
        {
            if (framework.Activities[a] is { } activity)
            {
                CheckActivity(activity, $"activities[{a}]", errors);
            }
        }

        for (var r = 0; r < framework.Results.Count; r++)
        {
            if (framework.Results[r] is { } result)
            {
                CheckResult(result, $"results[{r}]", errors);
            }
        }

        return errors;
    }

    /// <summary>Writes <paramref name="framework"/> as an IATI 2.03 activity file (UTF-8, no BOM).</summary>
    /// <param name="framework">A framework for which <see cref="FindExportErrors"/> finds nothing.</param>
    /// <param name="destination">The stream to write; it is flushed, not closed.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when the file is written and flushed.</returns>
    /// <exception cref="ArgumentException">The framework is invalid or lacks what IATI 2.03 requires; the message lists the path of every problem (such as <c>activities[0].title</c>) and nothing is written.</exception>
    public async Task ExportAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(destination);
        var errors = FindExportErrors(framework);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"The framework cannot be exported as IATI {IatiVersion}; {errors.Count} problem(s): "
                + string.Join("; ", errors.Take(20)) + (errors.Count > 20 ? "; ..." : "") + ".",
                nameof(framework));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var settings = new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",

            // Entitize keeps carriage returns and tabs in narratives and attribute values exactly as they are.
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };

        var writer = XmlWriter.Create(destination, settings);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteStartDocumentAsync().ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "iati-activities", null).ConfigureAwait(false);
            await Attribute(writer, "version", IatiVersion).ConfigureAwait(false);
            var now = _timeProvider.GetUtcNow().UtcDateTime;
            await Attribute(writer, "generated-datetime", now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).ConfigureAwait(false);
            foreach (var activity in framework.Activities)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var results = framework.Results
                    .Where(r => r.Activity is null ? framework.Activities.Count == 1 : string.Equals(r.Activity, activity.Identifier, StringComparison.Ordinal))
                    .ToList();
                await WriteActivityAsync(writer, activity, results, cancellationToken).ConfigureAwait(false);
            }

            await writer.WriteEndElementAsync().ConfigureAwait(false);
            await writer.WriteEndDocumentAsync().ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteActivityAsync(XmlWriter writer, ActivityInfo activity, List<Result> results, CancellationToken cancellationToken)
    {
        await writer.WriteStartElementAsync(null, "iati-activity", null).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(activity.DefaultLanguage))
        {
            await writer.WriteAttributeStringAsync("xml", "lang", XmlNamespace, activity.DefaultLanguage).ConfigureAwait(false);
        }

        await OptionalAttribute(writer, "default-currency", activity.DefaultCurrency).ConfigureAwait(false);

        await writer.WriteElementStringAsync(null, "iati-identifier", null, activity.Identifier).ConfigureAwait(false);

        await writer.WriteStartElementAsync(null, "reporting-org", null).ConfigureAwait(false);
        await Attribute(writer, "ref", activity.ReportingOrg.Ref!).ConfigureAwait(false);
        await Attribute(writer, "type", activity.ReportingOrg.Type!).ConfigureAwait(false);
        await WriteNarrativesAsync(writer, activity.ReportingOrg.Name!).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);

        await WriteTextElementAsync(writer, "title", activity.Title).ConfigureAwait(false);

        await writer.WriteStartElementAsync(null, "description", null).ConfigureAwait(false);
        await Attribute(writer, "type", "1").ConfigureAwait(false);
        await WriteNarrativesAsync(writer, activity.Description!).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);

        foreach (var org in activity.ParticipatingOrgs)
        {
            await writer.WriteStartElementAsync(null, "participating-org", null).ConfigureAwait(false);
            await OptionalAttribute(writer, "ref", org.Ref).ConfigureAwait(false);
            await OptionalAttribute(writer, "type", org.Type).ConfigureAwait(false);
            await Attribute(writer, "role", org.Role!).ConfigureAwait(false);
            if (org.Name is not null)
            {
                await WriteNarrativesAsync(writer, org.Name).ConfigureAwait(false);
            }

            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        await writer.WriteStartElementAsync(null, "activity-status", null).ConfigureAwait(false);
        await Attribute(writer, "code", activity.Status).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);

        foreach (var date in activity.Dates)
        {
            await writer.WriteStartElementAsync(null, "activity-date", null).ConfigureAwait(false);
            await Attribute(writer, "type", date.Type).ConfigureAwait(false);
            await Attribute(writer, "iso-date", FormatDate(date.Date)).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        foreach (var country in activity.RecipientCountries)
        {
            await writer.WriteStartElementAsync(null, "recipient-country", null).ConfigureAwait(false);
            await Attribute(writer, "code", country).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        foreach (var location in activity.Locations)
        {
            await WriteLocationAsync(writer, location).ConfigureAwait(false);
        }

        foreach (var (vocabulary, code) in SdgTags(results))
        {
            await writer.WriteStartElementAsync(null, "tag", null).ConfigureAwait(false);
            await Attribute(writer, "vocabulary", vocabulary).ConfigureAwait(false);
            await Attribute(writer, "code", code).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        foreach (var result in results)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteResultAsync(writer, result, cancellationToken).ConfigureAwait(false);
        }

        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private async Task WriteLocationAsync(XmlWriter writer, LocationInfo location)
    {
        await writer.WriteStartElementAsync(null, "location", null).ConfigureAwait(false);
        await Attribute(writer, "ref", location.Ref).ConfigureAwait(false);
        await WriteTextElementAsync(writer, "name", location.Name).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(location.AdministrativeCode))
        {
            await writer.WriteStartElementAsync(null, "administrative", null).ConfigureAwait(false);
            await Attribute(writer, "vocabulary", AdministrativeVocabulary).ConfigureAwait(false);
            await Attribute(writer, "code", location.AdministrativeCode).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        if (location.Latitude is { } latitude && location.Longitude is { } longitude)
        {
            await writer.WriteStartElementAsync(null, "point", null).ConfigureAwait(false);
            await Attribute(writer, "srsName", Wgs84SrsName).ConfigureAwait(false);
            var pos = latitude.ToString("R", CultureInfo.InvariantCulture) + " " + longitude.ToString("R", CultureInfo.InvariantCulture);
            await writer.WriteElementStringAsync(null, "pos", null, pos).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteResultAsync(XmlWriter writer, Result result, CancellationToken cancellationToken)
    {
        await writer.WriteStartElementAsync(null, "result", null).ConfigureAwait(false);
        await Attribute(writer, "type", ((int)result.Type).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await OptionalBoolean(writer, "aggregation-status", result.AggregationStatus).ConfigureAwait(false);
        await WriteTextElementAsync(writer, "title", result.Title).ConfigureAwait(false);
        await WriteTextElementAsync(writer, "description", result.Description).ConfigureAwait(false);
        foreach (var reference in result.References)
        {
            await writer.WriteStartElementAsync(null, "reference", null).ConfigureAwait(false);
            await Attribute(writer, "vocabulary", reference.Vocabulary).ConfigureAwait(false);
            await Attribute(writer, "code", reference.Code).ConfigureAwait(false);
            await OptionalAttribute(writer, "vocabulary-uri", reference.VocabularyUri).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        foreach (var indicator in result.Indicators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteIndicatorAsync(writer, indicator).ConfigureAwait(false);
        }

        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteIndicatorAsync(XmlWriter writer, IndicatorDefinition indicator)
    {
        await writer.WriteStartElementAsync(null, "indicator", null).ConfigureAwait(false);
        await Attribute(writer, "measure", ((int)indicator.Measure).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (indicator.Direction is { } direction)
        {
            await Attribute(writer, "ascending", direction == IndicatorDirection.Increase ? "1" : "0").ConfigureAwait(false);
        }

        await OptionalBoolean(writer, "aggregation-status", indicator.AggregationStatus).ConfigureAwait(false);
        await WriteTextElementAsync(writer, "title", indicator.Name).ConfigureAwait(false);
        await WriteTextElementAsync(writer, "description", indicator.Description).ConfigureAwait(false);
        foreach (var reference in indicator.References)
        {
            await writer.WriteStartElementAsync(null, "reference", null).ConfigureAwait(false);
            await Attribute(writer, "vocabulary", reference.Vocabulary).ConfigureAwait(false);
            await Attribute(writer, "code", reference.Code).ConfigureAwait(false);
            await OptionalAttribute(writer, "indicator-uri", reference.IndicatorUri).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        if (indicator.Baseline is { } baseline)
        {
            await writer.WriteStartElementAsync(null, "baseline", null).ConfigureAwait(false);
            if (baseline.IsoDate is { } isoDate)
            {
                await Attribute(writer, "iso-date", FormatDate(isoDate)).ConfigureAwait(false);
            }

            var year = baseline.Year ?? baseline.IsoDate!.Value.Year;
            await Attribute(writer, "year", year.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await OptionalAttribute(writer, "value", baseline.Value).ConfigureAwait(false);
            await WriteLocationRefsAsync(writer, baseline.Locations).ConfigureAwait(false);
            await WriteDimensionsAsync(writer, baseline.Dimensions).ConfigureAwait(false);
            await WriteTextElementAsync(writer, "comment", baseline.Comment).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        foreach (var period in indicator.Periods)
        {
            await writer.WriteStartElementAsync(null, "period", null).ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "period-start", null).ConfigureAwait(false);
            await Attribute(writer, "iso-date", FormatDate(period.Start)).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "period-end", null).ConfigureAwait(false);
            await Attribute(writer, "iso-date", FormatDate(period.End)).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            foreach (var target in period.Targets)
            {
                await WritePeriodValueAsync(writer, "target", target).ConfigureAwait(false);
            }

            foreach (var actual in period.Actuals)
            {
                await WritePeriodValueAsync(writer, "actual", actual).ConfigureAwait(false);
            }

            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WritePeriodValueAsync(XmlWriter writer, string name, PeriodValue value)
    {
        await writer.WriteStartElementAsync(null, name, null).ConfigureAwait(false);
        await OptionalAttribute(writer, "value", value.Value).ConfigureAwait(false);
        await WriteLocationRefsAsync(writer, value.Locations).ConfigureAwait(false);
        await WriteDimensionsAsync(writer, value.Dimensions).ConfigureAwait(false);
        await WriteTextElementAsync(writer, "comment", value.Comment).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteLocationRefsAsync(XmlWriter writer, IList<string> locations)
    {
        foreach (var location in locations)
        {
            await writer.WriteStartElementAsync(null, "location", null).ConfigureAwait(false);
            await Attribute(writer, "ref", location).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteDimensionsAsync(XmlWriter writer, IList<DimensionValue> dimensions)
    {
        foreach (var dimension in dimensions)
        {
            await writer.WriteStartElementAsync(null, "dimension", null).ConfigureAwait(false);
            await Attribute(writer, "name", dimension.Name).ConfigureAwait(false);
            await Attribute(writer, "value", dimension.Value).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteTextElementAsync(XmlWriter writer, string name, LocalizedText? text)
    {
        if (text is null)
        {
            return;
        }

        await writer.WriteStartElementAsync(null, name, null).ConfigureAwait(false);
        await WriteNarrativesAsync(writer, text).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteNarrativesAsync(XmlWriter writer, LocalizedText text)
    {
        foreach (var narrative in text.Narratives)
        {
            await writer.WriteStartElementAsync(null, "narrative", null).ConfigureAwait(false);
            if (narrative.Language is not null)
            {
                await writer.WriteAttributeStringAsync("xml", "lang", XmlNamespace, narrative.Language).ConfigureAwait(false);
            }

            await writer.WriteStringAsync(narrative.Text).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
    }

    private static Task Attribute(XmlWriter writer, string name, string value) => writer.WriteAttributeStringAsync(null, name, null, value);

    private static Task OptionalAttribute(XmlWriter writer, string name, string? value) =>
        value is null ? Task.CompletedTask : writer.WriteAttributeStringAsync(null, name, null, value);

    private static Task OptionalBoolean(XmlWriter writer, string name, bool? value) =>
        value is { } b ? writer.WriteAttributeStringAsync(null, name, null, b ? "1" : "0") : Task.CompletedTask;

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The SDG goal and target tags of the results' SDG indicator references, each once, in order of first use.</summary>
    private static List<(string Vocabulary, string Code)> SdgTags(List<Result> results)
    {
        var tags = new List<(string, string)>();
        foreach (var reference in results.SelectMany(r => r.Indicators).SelectMany(i => i.References))
        {
            if (reference.Vocabulary != CodeReference.SdgIndicatorVocabulary || string.IsNullOrEmpty(reference.Code))
            {
                continue;
            }

            var (goal, target) = ResolveSdg(reference.Code);
            if (goal is { } g && !tags.Contains((SdgGoalTagVocabulary, g)))
            {
                tags.Add((SdgGoalTagVocabulary, g));
            }

            if (target is { } t && !tags.Contains((SdgTargetTagVocabulary, t)))
            {
                tags.Add((SdgTargetTagVocabulary, t));
            }
        }

        return tags;
    }

    /// <summary>The goal number and target code an SDG code (indicator, target or goal) belongs to.</summary>
    internal static (string? Goal, string? Target) ResolveSdg(string code)
    {
        var catalog = SdgCatalog.Default;
        var targetCode = catalog.FindIndicator(code)?.Target ?? code;
        if (catalog.FindTarget(targetCode) is { } target)
        {
            return (target.Goal.ToString(CultureInfo.InvariantCulture), target.Code);
        }

        return int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var goal) && catalog.FindGoal(goal) is not null
            ? (goal.ToString(CultureInfo.InvariantCulture), null)
            : (null, null);
    }

    private static void CheckActivity(ActivityInfo activity, string path, List<FrameworkError> errors)
    {
        CheckText(activity.Identifier, $"{path}.identifier", errors);
        CheckLanguage(activity.DefaultLanguage, $"{path}.defaultLanguage", errors);
        CheckText(activity.DefaultCurrency, $"{path}.defaultCurrency", errors);
        if (activity.Title is null)
        {
            errors.Add(new($"{path}.title", "Required by IATI 2.03: the activity's title."));
        }

        if (activity.Description is null)
        {
            errors.Add(new($"{path}.description", "Required by IATI 2.03: the activity's description."));
        }

        CheckText(activity.Title, $"{path}.title", errors);
        CheckText(activity.Description, $"{path}.description", errors);

        if (activity.ReportingOrg is { } reporting)
        {
            CheckText(reporting.Ref, $"{path}.reportingOrg.ref", errors);
            if (string.IsNullOrWhiteSpace(reporting.Type))
            {
                errors.Add(new($"{path}.reportingOrg.type", "Required by IATI 2.03: the reporting organisation's OrganisationType code."));
            }

            if (reporting.Name is null)
            {
                errors.Add(new($"{path}.reportingOrg.name", "Required by IATI 2.03: the reporting organisation's name."));
            }

            CheckText(reporting.Type, $"{path}.reportingOrg.type", errors);
            CheckText(reporting.Name, $"{path}.reportingOrg.name", errors);
        }

        if (activity.ParticipatingOrgs.Count == 0)
        {
            errors.Add(new($"{path}.participatingOrgs", "Required by IATI 2.03: at least one participating organisation (for example the reporting organisation with role 4, implementing)."));
        }

        for (var p = 0; p < activity.ParticipatingOrgs.Count; p++)
        {
            var ppath = $"{path}.participatingOrgs[{p}]";
            if (activity.ParticipatingOrgs[p] is not { } org)
            {
                errors.Add(new(ppath, "A participating organisation must not be null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(org.Role))
            {
                errors.Add(new($"{ppath}.role", "Required by IATI 2.03: the OrganisationRole code (1 funding, 2 accountable, 3 extending, 4 implementing)."));
            }

            CheckText(org.Ref, $"{ppath}.ref", errors);
            CheckText(org.Type, $"{ppath}.type", errors);
            CheckText(org.Role, $"{ppath}.role", errors);
            CheckText(org.Name, $"{ppath}.name", errors);
        }

        if (string.IsNullOrWhiteSpace(activity.Status))
        {
            errors.Add(new($"{path}.status", "Required by IATI 2.03: the ActivityStatus code."));
        }

        CheckText(activity.Status, $"{path}.status", errors);
        if (activity.Dates.Count == 0)
        {
            errors.Add(new($"{path}.dates", "Required by IATI 2.03: at least one activity date (for example type 1, planned start)."));
        }

        for (var d = 0; d < activity.Dates.Count; d++)
        {
            if (activity.Dates[d] is not { } date)
            {
                errors.Add(new($"{path}.dates[{d}]", "A date must not be null."));
            }
            else if (string.IsNullOrWhiteSpace(date.Type))
            {
                errors.Add(new($"{path}.dates[{d}].type", "Required by IATI 2.03: the ActivityDateType code."));
            }
            else
            {
                CheckText(date.Type, $"{path}.dates[{d}].type", errors);
            }
        }

        for (var c = 0; c < activity.RecipientCountries.Count; c++)
        {
            if (string.IsNullOrWhiteSpace(activity.RecipientCountries[c]))
            {
                errors.Add(new($"{path}.recipientCountries[{c}]", "A recipient country code must not be empty."));
            }
            else
            {
                CheckText(activity.RecipientCountries[c], $"{path}.recipientCountries[{c}]", errors);
            }
        }

        for (var l = 0; l < activity.Locations.Count; l++)
        {
            if (activity.Locations[l] is not { } location)
            {
                continue;
            }

            var lpath = $"{path}.locations[{l}]";
            if (location.Latitude.HasValue != location.Longitude.HasValue)
            {
                errors.Add(new(location.Latitude.HasValue ? $"{lpath}.longitude" : $"{lpath}.latitude", "IATI points need both latitude and longitude: set both or neither."));
            }

            CheckText(location.Ref, $"{lpath}.ref", errors);
            CheckText(location.Name, $"{lpath}.name", errors);
            CheckText(location.AdministrativeCode, $"{lpath}.administrativeCode", errors);
        }
    }

    private static void CheckResult(Result result, string path, List<FrameworkError> errors)
    {
        CheckText(result.Title, $"{path}.title", errors);
        CheckText(result.Description, $"{path}.description", errors);
        CheckReferences(result.References, $"{path}.references", resultLevel: true, errors);
        if (result.Indicators.Count == 0)
        {
            errors.Add(new($"{path}.indicators", "Required by IATI 2.03: at least one indicator per result."));
        }

        for (var i = 0; i < result.Indicators.Count; i++)
        {
            if (result.Indicators[i] is not { } indicator)
            {
                continue;
            }

            var ipath = $"{path}.indicators[{i}]";
            CheckText(indicator.Name, $"{ipath}.name", errors);
            CheckText(indicator.Description, $"{ipath}.description", errors);
            CheckReferences(indicator.References, $"{ipath}.references", resultLevel: false, errors);
            if (indicator.Baseline is { } baseline)
            {
                if (baseline.Year is null && baseline.IsoDate is null)
                {
                    errors.Add(new($"{ipath}.baseline.year", "Required by IATI 2.03: the baseline's year (or its isoDate, whose year is used)."));
                }

                CheckText(baseline.Value, $"{ipath}.baseline.value", errors);
                CheckText(baseline.Comment, $"{ipath}.baseline.comment", errors);
                CheckValueParts(baseline.Dimensions, baseline.Locations, $"{ipath}.baseline", errors);
            }

            for (var p = 0; p < indicator.Periods.Count; p++)
            {
                if (indicator.Periods[p] is not { } period)
                {
                    continue;
                }

                CheckPeriodValues(period.Targets, $"{ipath}.periods[{p}].targets", errors);
                CheckPeriodValues(period.Actuals, $"{ipath}.periods[{p}].actuals", errors);
            }
        }
    }

    private static void CheckPeriodValues(IList<PeriodValue> values, string path, List<FrameworkError> errors)
    {
        for (var v = 0; v < values.Count; v++)
        {
            if (values[v] is { } value)
            {
                CheckText(value.Value, $"{path}[{v}].value", errors);
                CheckText(value.Comment, $"{path}[{v}].comment", errors);
                CheckValueParts(value.Dimensions, value.Locations, $"{path}[{v}]", errors);
            }
        }
    }

    private static void CheckValueParts(IList<DimensionValue> dimensions, IList<string> locations, string path, List<FrameworkError> errors)
    {
        for (var d = 0; d < dimensions.Count; d++)
        {
            if (dimensions[d] is { } dimension)
            {
                CheckText(dimension.Name, $"{path}.dimensions[{d}].name", errors);
                CheckText(dimension.Value, $"{path}.dimensions[{d}].value", errors);
            }
        }

        for (var l = 0; l < locations.Count; l++)
        {
            CheckText(locations[l], $"{path}.locations[{l}]", errors);
        }
    }

    private static void CheckReferences(IList<CodeReference> references, string path, bool resultLevel, List<FrameworkError> errors)
    {
        for (var k = 0; k < references.Count; k++)
        {
            if (references[k] is not { } reference)
            {
                continue;
            }

            var rpath = $"{path}[{k}]";
            if (string.IsNullOrWhiteSpace(reference.Code))
            {
                errors.Add(new($"{rpath}.code", "Required by IATI 2.03: the code in the vocabulary (a URI alone is not enough)."));
            }

            CheckText(reference.Vocabulary, $"{rpath}.vocabulary", errors);
            CheckText(reference.Code, $"{rpath}.code", errors);
            CheckUri(resultLevel ? reference.VocabularyUri : reference.IndicatorUri, resultLevel ? $"{rpath}.vocabularyUri" : $"{rpath}.indicatorUri", errors);
        }
    }

    private static void CheckUri(string? uri, string path, List<FrameworkError> errors)
    {
        if (uri is null)
        {
            return;
        }

        if (!XmlCharsValid(uri) || !Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _))
        {
            errors.Add(new(path, "Must be a URI."));
        }
    }

    private static void CheckLanguage(string? language, string path, List<FrameworkError> errors)
    {
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            errors.Add(new(path, "Must be a language code such as en or fr (xml:lang)."));
        }
    }

    private static void CheckText(LocalizedText? text, string path, List<FrameworkError> errors)
    {
        if (text is null)
        {
            return;
        }

        for (var n = 0; n < text.Narratives.Count; n++)
        {
            var narrative = text.Narratives[n];
            if (narrative is null)
            {
                errors.Add(new($"{path}[{n}]", "A narrative must not be null."));
                continue;
            }

            CheckText(narrative.Text, text.Narratives.Count == 1 ? path : $"{path}[{n}].text", errors);
            CheckLanguage(narrative.Language, $"{path}[{n}].lang", errors);
        }
    }

    private static void CheckText(string? text, string path, List<FrameworkError> errors)
    {
        if (text is not null && !XmlCharsValid(text))
        {
            errors.Add(new(path, "Contains a character XML 1.0 cannot carry (a control character or a lone surrogate)."));
        }
    }

    private static bool XmlCharsValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    [GeneratedRegex("^([A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
