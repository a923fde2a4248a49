using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact.Export;

/// <summary>
/// Writes a results framework's actuals (and, optionally, targets) as the JSON payload of the DHIS2 Web API's
/// <c>POST /api/dataValueSets</c>.
/// </summary>
/// <remarks>
/// <para>The payload has this shape, with every value a JSON string:</para>
/// <code>
/// {"dataSet":"...","completeDate":"yyyy-MM-dd","dataValues":[
///   {"dataElement":"...","period":"202401","orgUnit":"...","categoryOptionCombo":"...","attributeOptionCombo":"...","value":"12","comment":"..."}]}
/// </code>
/// <para>
/// <c>dataSet</c>, <c>completeDate</c>, <c>attributeOptionCombo</c> and <c>comment</c> are written only when
/// configured. Each data value carries its own period and organisation unit, as in DHIS2's "sending large bulks of
/// data values" form. Source: DHIS2 developer manual, Web API, "Data values" / "Sending data values" (read at
/// https://docs.dhis2.org/master/en/developer/html/webapi_data_values.html), whose JSON form is
/// <c>{"dataSet","completeDate","period","orgUnit","attributeOptionCombo","dataValues":[{"dataElement","categoryOptionCombo","value","comment"}]}</c>
/// with values as strings, and the period format table of <see cref="Dhis2Period"/>.
/// </para>
/// <para>
/// One data value is written per actual (and per target with <see cref="Dhis2ExportOptions.IncludeTargets"/>), in
/// framework order. Baselines have no DHIS2 period and are not exported. Numbers are written in invariant culture
/// without exponent where possible (<c>1e3</c> becomes <c>1000</c>); text values of qualitative indicators as they
/// are. Each value must name at most one location (DHIS2 stores one organisation unit per value); none means
/// <see cref="Dhis2Mapping.DefaultOrgUnit"/>.
/// </para>
/// <para>
/// Nothing is written unless the whole framework maps: the exporter checks every value first and throws
/// <see cref="Dhis2MappingException"/> with all problems, then streams the JSON with <see cref="Utf8JsonWriter"/>.
/// Values without a value, and unmapped indicators when <see cref="Dhis2ExportOptions.SkipUnmappedIndicators"/> is
/// set, are left out and listed in the <see cref="Dhis2ExportReport"/> of <see cref="ExportWithReportAsync"/>.
/// </para>
/// </remarks>
public sealed class Dhis2Exporter : IFrameworkExporter
{
    private const int FlushThreshold = 16 * 1024;

    private readonly Dhis2Mapping _mapping;
    private readonly Dhis2ExportOptions _options;

    /// <summary>Initializes the exporter.</summary>
    /// <param name="mapping">How indicators, locations and disaggregations map onto DHIS2 metadata.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public Dhis2Exporter(Dhis2Mapping mapping, Dhis2ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        _options = options ?? new Dhis2ExportOptions();
    }

    /// <inheritdoc/>
    public string Format => "dhis2";

    /// <inheritdoc/>
    public string FileExtension => ".json";

    /// <inheritdoc/>
    /// <exception cref="FrameworkValidationException">The framework is invalid.</exception>
    /// <exception cref="Dhis2MappingException">The mapping does not cover the framework; nothing was written.</exception>
    public Task ExportAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken = default) =>
        ExportWithReportAsync(framework, destination, cancellationToken);

    /// <summary>Writes the framework as a DHIS2 data value set and reports what was left out.</summary>
    /// <param name="framework">A valid framework.</param>
    /// <param name="destination">The stream to write (UTF-8, no BOM); left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>How many data values were written, and what was skipped.</returns>
    /// <exception cref="FrameworkValidationException">The framework is invalid.</exception>
    /// <exception cref="Dhis2MappingException">The mapping does not cover the framework; nothing was written.</exception>
    public async Task<Dhis2ExportReport> ExportWithReportAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(destination);
        framework.EnsureValid();

        // First pass: resolve every value without writing, so a mapping problem never leaves a partial payload.
        var errors = new List<FrameworkError>();
        var skipped = new List<Dhis2SkippedItem>();
        var places = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var value in Resolve(framework, errors, skipped))
        {
            if (!places.Add(string.Join('\n', value.DataElement, value.Period, value.OrgUnit, value.CategoryOptionCombo)))
            {
                errors.Add(new FrameworkError(value.Path,
                    $"Indicator '{value.IndicatorId}': a second value for the same dataElement, period, orgUnit and categoryOptionCombo as an earlier one; DHIS2 would keep only one. Aggregate them or tell them apart by dimension or location."));
            }

            count++;
        }

        if (_mapping.CompleteDate is not null && _mapping.DataSet is null)
        {
            errors.Add(new FrameworkError("", "Dhis2Mapping.CompleteDate needs Dhis2Mapping.DataSet: a completeDate registers a data set as complete."));
        }

        if (errors.Count > 0)
        {
            throw new Dhis2MappingException(errors);
        }

        var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = _options.Indented });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            if (_mapping.DataSet is { } dataSet)
            {
                writer.WriteString("dataSet", dataSet);
            }

            if (_mapping.CompleteDate is { } completeDate)
            {
                writer.WriteString("completeDate", completeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            writer.WriteStartArray("dataValues");
            foreach (var value in Resolve(framework, [], []))
            {
                writer.WriteStartObject();
                writer.WriteString("dataElement", value.DataElement);
                writer.WriteString("period", value.Period);
                writer.WriteString("orgUnit", value.OrgUnit);
                writer.WriteString("categoryOptionCombo", value.CategoryOptionCombo);
                if (_mapping.AttributeOptionCombo is { } attributeOptionCombo)
                {
                    writer.WriteString("attributeOptionCombo", attributeOptionCombo);
                }

                writer.WriteString("value", value.Value);
                if (value.Comment is not null)
                {
                    writer.WriteString("comment", value.Comment);
                }

                writer.WriteEndObject();
                if (writer.BytesPending > FlushThreshold)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Dhis2ExportReport(count, skipped);
    }

    private IEnumerable<ResolvedValue> Resolve(ResultsFramework framework, List<FrameworkError> errors, List<Dhis2SkippedItem> skipped)
    {
        for (var r = 0; r < framework.Results.Count; r++)
        {
            var result = framework.Results[r];
            var activity = FindActivity(framework, result);
            for (var i = 0; i < result.Indicators.Count; i++)
            {
                var indicator = result.Indicators[i];
                var path = $"results[{r}].indicators[{i}]";
                var actualElement = DataElement(indicator, _mapping.DataElements, "Dhis2Mapping.DataElements", HasValues(indicator, targets: false), path, errors, skipped);
                var targetElement = _options.IncludeTargets
                    ? DataElement(indicator, _mapping.TargetDataElements, "Dhis2Mapping.TargetDataElements", HasValues(indicator, targets: true), path, errors, skipped)
                    : null;

                for (var p = 0; p < indicator.Periods.Count; p++)
                {
                    var period = indicator.Periods[p];
                    var ppath = $"{path}.periods[{p}]";
                    var writesTargets = targetElement is not null && period.Targets.Count > 0;
                    var writesActuals = actualElement is not null && period.Actuals.Count > 0;
                    if (!writesTargets && !writesActuals)
                    {
                        continue;
                    }

                    var dhis2Period = Period(indicator, period, p, ppath, errors);
                    if (dhis2Period is null)
                    {
                        continue;
                    }

                    if (writesTargets)
                    {
                        for (var t = 0; t < period.Targets.Count; t++)
                        {
                            if (ResolveValue(indicator, activity, period.Targets[t], targetElement!, dhis2Period, $"{ppath}.targets[{t}]", errors, skipped) is { } value)
                            {
                                yield return value;
                            }
                        }
                    }

                    if (writesActuals)
                    {
                        for (var a = 0; a < period.Actuals.Count; a++)
                        {
                            if (ResolveValue(indicator, activity, period.Actuals[a], actualElement!, dhis2Period, $"{ppath}.actuals[{a}]", errors, skipped) is { } value)
                            {
                                yield return value;
                            }
                        }
                    }
                }
            }
        }
    }

    private string? DataElement(IndicatorDefinition indicator, IDictionary<string, string> elements, string mappingName, bool needed, string path,
        List<FrameworkError> errors, List<Dhis2SkippedItem> skipped)
    {
        if (elements.TryGetValue(indicator.Id, out var element) && !string.IsNullOrEmpty(element))
        {
            return element;
        }

        if (needed)
        {
            var message = $"Indicator '{indicator.Id}': no dataElement is mapped ({mappingName} has no key '{indicator.Id}').";
            if (_options.SkipUnmappedIndicators)
            {
                skipped.Add(new Dhis2SkippedItem(indicator.Id, path, message));
            }
            else
            {
                errors.Add(new FrameworkError(path, message));
            }
        }

        return null;
    }

    private string? Period(IndicatorDefinition indicator, IndicatorPeriod period, int index, string path, List<FrameworkError> errors)
    {
        if (Dhis2Period.TryFromDates(period.Start, period.End, out var derived))
        {
            return derived;
        }

        if (_options.PeriodFallback?.Invoke(indicator, period) is { Length: > 0 } fallback)
        {
            return fallback;
        }

        errors.Add(new FrameworkError(path,
            $"Indicator '{indicator.Id}', period {index.ToString(CultureInfo.InvariantCulture)} ({FlatRows.FormatDate(period.Start)} to {FlatRows.FormatDate(period.End)}): "
            + "not a calendar day, ISO week, month, quarter, half-year or year, so it has no DHIS2 period; set Dhis2ExportOptions.PeriodFallback or change the period."));
        return null;
    }

    private ResolvedValue? ResolveValue(IndicatorDefinition indicator, ActivityInfo? activity, PeriodValue value, string dataElement, string period, string path,
        List<FrameworkError> errors, List<Dhis2SkippedItem> skipped)
    {
        if (string.IsNullOrEmpty(value.Value))
        {
            skipped.Add(new Dhis2SkippedItem(indicator.Id, path, $"Indicator '{indicator.Id}': the value is empty; DHIS2 would read an empty value as a deletion."));
            return null;
        }

        var orgUnit = OrgUnit(indicator, activity, value, path, errors);
        var combination = CategoryOptionCombo(indicator, value, path, errors);
        if (orgUnit is null || combination is null)
        {
            return null;
        }

        var comment = _options.IncludeComments && value.Comment is { } text ? FlatRows.Text(text, _options.Language) : null;
        if (!FlatRows.IsValidUtf16(value.Value) || (comment is not null && !FlatRows.IsValidUtf16(comment)))
        {
            errors.Add(new FrameworkError(path, $"Indicator '{indicator.Id}': the value or its comment holds a lone UTF-16 surrogate, which cannot be written as JSON."));
            return null;
        }

        var written = FlatRows.IsQuantitative(indicator) ? NormalizeNumber(value.Value) : value.Value;
        return new ResolvedValue(indicator.Id, path, dataElement, period, orgUnit, combination, written, comment);
    }

    private string? OrgUnit(IndicatorDefinition indicator, ActivityInfo? activity, PeriodValue value, string path, List<FrameworkError> errors)
    {
        if (value.Locations.Count == 0)
        {
            if (!string.IsNullOrEmpty(_mapping.DefaultOrgUnit))
            {
                return _mapping.DefaultOrgUnit;
            }

            errors.Add(new FrameworkError(path, $"Indicator '{indicator.Id}': the value names no location and Dhis2Mapping.DefaultOrgUnit is not set."));
            return null;
        }

        if (value.Locations.Count > 1)
        {
            errors.Add(new FrameworkError(path,
                $"Indicator '{indicator.Id}': the value names {value.Locations.Count.ToString(CultureInfo.InvariantCulture)} locations, but a DHIS2 data value has one orgUnit; record one value per location."));
            return null;
        }

        var location = value.Locations[0];
        if (_mapping.OrgUnits.TryGetValue(location, out var orgUnit) && !string.IsNullOrEmpty(orgUnit))
        {
            return orgUnit;
        }

        if (_mapping.UseAdministrativeCodes && activity is not null)
        {
            foreach (var info in activity.Locations)
            {
                if (string.Equals(info.Ref, location, StringComparison.Ordinal) && !string.IsNullOrEmpty(info.AdministrativeCode))
                {
                    return info.AdministrativeCode;
                }
            }
        }

        errors.Add(new FrameworkError(path, $"Indicator '{indicator.Id}': no orgUnit is mapped for location '{location}' (Dhis2Mapping.OrgUnits)."));
        return null;
    }

    private string? CategoryOptionCombo(IndicatorDefinition indicator, PeriodValue value, string path, List<FrameworkError> errors)
    {
        var key = Dhis2Mapping.CombinationKey(value.Dimensions);
        if (key.Length == 0)
        {
            if (!string.IsNullOrEmpty(_mapping.DefaultCategoryOptionCombo))
            {
                return _mapping.DefaultCategoryOptionCombo;
            }

            errors.Add(new FrameworkError(path, $"Indicator '{indicator.Id}': the value has no disaggregation and Dhis2Mapping.DefaultCategoryOptionCombo is not set."));
            return null;
        }

        if (_mapping.CategoryOptionCombos.TryGetValue(key, out var combination) && !string.IsNullOrEmpty(combination))
        {
            return combination;
        }

        errors.Add(new FrameworkError(path, $"Indicator '{indicator.Id}': no categoryOptionCombo is mapped for the combination '{key}' (Dhis2Mapping.CategoryOptionCombos)."));
        return null;
    }

    private static bool HasValues(IndicatorDefinition indicator, bool targets)
    {
        foreach (var period in indicator.Periods)
        {
            if ((targets ? period.Targets : period.Actuals).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ActivityInfo? FindActivity(ResultsFramework framework, Result result)
    {
        var id = FlatRows.ActivityOf(framework, result);
        foreach (var activity in framework.Activities)
        {
            if (string.Equals(activity.Identifier, id, StringComparison.Ordinal))
            {
                return activity;
            }
        }

        return null;
    }

    /// <summary>Writes a number in invariant culture without exponent where a decimal can hold it (<c>1e3</c> → <c>1000</c>).</summary>
    internal static string NormalizeNumber(string value)
    {
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d.ToString(CultureInfo.InvariantCulture);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x.ToString("R", CultureInfo.InvariantCulture) : value;
    }

    private sealed record ResolvedValue(string IndicatorId, string Path, string DataElement, string Period, string OrgUnit, string CategoryOptionCombo, string Value, string? Comment);
}
