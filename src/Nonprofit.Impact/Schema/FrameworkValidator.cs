using System;
using System.Collections.Generic;
using System.Globalization;

namespace Nonprofit.Impact;

/// <summary>Checks a <see cref="ResultsFramework"/> and reports every error with its JSON path.</summary>
internal static class FrameworkValidator
{
    public static IReadOnlyList<FrameworkError> Validate(ResultsFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var errors = new List<FrameworkError>();
        var activityIds = new HashSet<string>(StringComparer.Ordinal);

        for (var a = 0; a < framework.Activities.Count; a++)
        {
            var activity = framework.Activities[a];
            var path = $"activities[{a}]";
            if (activity is null)
            {
                errors.Add(new($"{path}", "An activity must not be null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(activity.Identifier))
            {
                errors.Add(new($"{path}.identifier", "Required: the activity's IATI identifier (reporting organisation ref, '-', the activity's own id)."));
            }
            else if (!activityIds.Add(activity.Identifier))
            {
                errors.Add(new($"{path}.identifier", $"Duplicate activity identifier '{activity.Identifier}'."));
            }

            if (activity.ReportingOrg is null || string.IsNullOrWhiteSpace(activity.ReportingOrg.Ref))
            {
                errors.Add(new($"{path}.reportingOrg.ref", "Required: the reporting organisation's identifier."));
            }

            var locationRefs = new HashSet<string>(StringComparer.Ordinal);
            for (var l = 0; l < activity.Locations.Count; l++)
            {
                var location = activity.Locations[l];
                if (string.IsNullOrWhiteSpace(location?.Ref))
                {
                    errors.Add(new($"{path}.locations[{l}].ref", "Required: the reference results use for this location."));
                }
                else if (!locationRefs.Add(location.Ref))
                {
                    errors.Add(new($"{path}.locations[{l}].ref", $"Duplicate location reference '{location.Ref}'."));
                }

                if (location?.Latitude is { } lat && (lat < -90 || lat > 90 || !double.IsFinite(lat)))
                {
                    errors.Add(new($"{path}.locations[{l}].latitude", "Must be between -90 and 90."));
                }

                if (location?.Longitude is { } lon && (lon < -180 || lon > 180 || !double.IsFinite(lon)))
                {
                    errors.Add(new($"{path}.locations[{l}].longitude", "Must be between -180 and 180."));
                }
            }
        }

        var indicatorIds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < framework.Results.Count; r++)
        {
            var result = framework.Results[r];
            var path = $"results[{r}]";
            if (result is null)
            {
                errors.Add(new(path, "A result must not be null."));
                continue;
            }

            if (result.Activity is not null && !activityIds.Contains(result.Activity))
            {
                errors.Add(new($"{path}.activity", $"No activity has the identifier '{result.Activity}'."));
            }
            else if (result.Activity is null && framework.Activities.Count > 1)
            {
                errors.Add(new($"{path}.activity", "Required when the framework has more than one activity: the identifier of the result's activity."));
            }

            if (!Enum.IsDefined(result.Type))
            {
                errors.Add(new($"{path}.type", "Must be output, outcome, impact or other."));
            }

            if (result.Title is null)
            {
                errors.Add(new($"{path}.title", "Required: the result's title."));
            }

            ValidateReferences(result.References, $"{path}.references", errors);

            for (var i = 0; i < result.Indicators.Count; i++)
            {
                var indicator = result.Indicators[i];
                var ipath = $"{path}.indicators[{i}]";
                if (indicator is null)
                {
                    errors.Add(new(ipath, "An indicator must not be null."));
                    continue;
                }

                ValidateIndicator(indicator, ipath, errors);
                if (!string.IsNullOrEmpty(indicator.Id))
                {
                    if (indicatorIds.TryGetValue(indicator.Id, out var first))
                    {
                        errors.Add(new($"{ipath}.id", $"Duplicate indicator id '{indicator.Id}' (first at {first})."));
                    }
                    else
                    {
                        indicatorIds.Add(indicator.Id, ipath);
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>Validates one indicator on its own (also used by the recorder).</summary>
    public static void ValidateIndicator(IndicatorDefinition indicator, string path, List<FrameworkError> errors)
    {
        if (string.IsNullOrEmpty(indicator.Id))
        {
            errors.Add(new($"{path}.id", "Required: the id measurements are recorded against."));
        }
        else if (!IsValidId(indicator.Id))
        {
            errors.Add(new($"{path}.id", "Use only letters, digits, '.', '-' and '_' (at most 100 characters)."));
        }

        if (indicator.Name is null)
        {
            errors.Add(new($"{path}.name", "Required: the indicator's name."));
        }

        if (!Enum.IsDefined(indicator.Measure))
        {
            errors.Add(new($"{path}.measure", "Must be unit, percentage, nominal, ordinal or qualitative."));
        }

        if (!Enum.IsDefined(indicator.Aggregation))
        {
            errors.Add(new($"{path}.aggregation", "Must be sum, mean, last or distinctCount."));
        }

        if (indicator.Direction is { } direction && !Enum.IsDefined(direction))
        {
            errors.Add(new($"{path}.direction", "Must be increase or decrease."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < indicator.Dimensions.Count; d++)
        {
            var dimension = indicator.Dimensions[d];
            var dpath = $"{path}.dimensions[{d}]";
            if (string.IsNullOrWhiteSpace(dimension?.Name))
            {
                errors.Add(new($"{dpath}.name", "Required: the dimension's name (sex, age, location ...)."));
                continue;
            }

            if (!names.Add(dimension.Name))
            {
                errors.Add(new($"{dpath}.name", $"Duplicate dimension '{dimension.Name}'."));
            }

            if (dimension.AllowedValues.Count == 0)
            {
                errors.Add(new($"{dpath}.allowedValues", "List the values this dimension may take; a measurement with any other value is rejected."));
            }

            var values = new HashSet<string>(StringComparer.Ordinal);
            for (var v = 0; v < dimension.AllowedValues.Count; v++)
            {
                if (string.IsNullOrWhiteSpace(dimension.AllowedValues[v]))
                {
                    errors.Add(new($"{dpath}.allowedValues[{v}]", "A value must not be empty."));
                }
                else if (PersonalDataHeuristics.LooksPersonal(dimension.AllowedValues[v]))
                {
                    // Not quoted: it may be personal data.
                    errors.Add(new($"{dpath}.allowedValues[{v}]", "Looks like personal data (a phone number, an email, a bank or card number); dimensions hold categories, never people."));
                }
                else if (!values.Add(dimension.AllowedValues[v]))
                {
                    errors.Add(new($"{dpath}.allowedValues[{v}]", $"Duplicate value '{dimension.AllowedValues[v]}'."));
                }
            }

            foreach (var key in dimension.HxlAttributes.Keys)
            {
                if (!values.Contains(key))
                {
                    errors.Add(new($"{dpath}.hxlAttributes.{key}", "Maps a value that is not among the allowed values."));
                }
            }
        }

        ValidateReferences(indicator.References, $"{path}.references", errors);

        var quantitative = indicator.Measure is IndicatorMeasure.Unit or IndicatorMeasure.Percentage;
        if (indicator.Baseline is { } baseline)
        {
            var bpath = $"{path}.baseline";
            if (baseline.Year is { } year && (year < 1900 || year > 2200))
            {
                errors.Add(new($"{bpath}.year", $"{year.ToString(CultureInfo.InvariantCulture)} is not a plausible year (1900-2200)."));
            }

            ValidateValue(baseline.Value, quantitative, $"{bpath}.value", errors);
            ValidateDimensions(indicator, baseline.Dimensions, bpath, errors);
            ValidateLocations(baseline.Locations, bpath, errors);
        }

        for (var p = 0; p < indicator.Periods.Count; p++)
        {
            var period = indicator.Periods[p];
            var ppath = $"{path}.periods[{p}]";
            if (period is null)
            {
                errors.Add(new(ppath, "A period must not be null."));
                continue;
            }

            if (period.End < period.Start)
            {
                errors.Add(new($"{ppath}.end", "The period ends before it starts."));
            }

            for (var t = 0; t < period.Targets.Count; t++)
            {
                ValidatePeriodValue(indicator, period.Targets[t], quantitative, $"{ppath}.targets[{t}]", errors);
            }

            for (var t = 0; t < period.Actuals.Count; t++)
            {
                ValidatePeriodValue(indicator, period.Actuals[t], quantitative, $"{ppath}.actuals[{t}]", errors);
            }
        }
    }

    /// <summary>Ids are letters, digits, '.', '-', '_' so they work as metric tags, file names and DHIS2 codes.</summary>
    public static bool IsValidId(string id)
    {
        if (id.Length is 0 or > 100)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidatePeriodValue(IndicatorDefinition indicator, PeriodValue? value, bool quantitative, string path, List<FrameworkError> errors)
    {
        if (value is null)
        {
            errors.Add(new(path, "A value must not be null."));
            return;
        }

        ValidateValue(value.Value, quantitative, $"{path}.value", errors);
        ValidateDimensions(indicator, value.Dimensions, path, errors);
        ValidateLocations(value.Locations, path, errors);
    }

    private static void ValidateValue(string? value, bool quantitative, string path, List<FrameworkError> errors)
    {
        if (quantitative && value is not null && value.Length > 0 && ValueJsonConverter.ParseNumber(value) is null)
        {
            errors.Add(new(path, "The indicator is quantitative (unit or percentage): the value must be a number."));
        }
    }

    private static void ValidateDimensions(IndicatorDefinition indicator, IList<DimensionValue> dimensions, string path, List<FrameworkError> errors)
    {
        for (var d = 0; d < dimensions.Count; d++)
        {
            var dv = dimensions[d];
            var dpath = $"{path}.dimensions[{d}]";
            if (dv is null || string.IsNullOrWhiteSpace(dv.Name))
            {
                errors.Add(new($"{dpath}.name", "Required: the dimension's name."));
                continue;
            }

            var definition = indicator.FindDimension(dv.Name);
            if (definition is null)
            {
                errors.Add(new($"{dpath}.name", $"The indicator declares no dimension '{dv.Name}'; add it to the indicator's dimensions."));
            }
            else if (!definition.AllowedValues.Contains(dv.Value))
            {
                errors.Add(new($"{dpath}.value", $"Not an allowed value of dimension '{dv.Name}' (the value is not shown: it could be personal data)."));
            }
        }
    }

    private static void ValidateLocations(IList<string> locations, string path, List<FrameworkError> errors)
    {
        for (var l = 0; l < locations.Count; l++)
        {
            if (string.IsNullOrWhiteSpace(locations[l]))
            {
                errors.Add(new($"{path}.locations[{l}]", "A location reference must not be empty."));
            }
        }
    }

    private static void ValidateReferences(IList<CodeReference> references, string path, List<FrameworkError> errors)
    {
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            if (string.IsNullOrWhiteSpace(reference?.Vocabulary))
            {
                errors.Add(new($"{path}[{i}].vocabulary", "Required: the vocabulary's IATI code (9 = SDG indicators, 99 = the organisation's own)."));
            }

            if (string.IsNullOrWhiteSpace(reference?.Code) && string.IsNullOrWhiteSpace(reference?.IndicatorUri))
            {
                errors.Add(new($"{path}[{i}].code", "Required: the code in the vocabulary."));
            }
            else if (reference!.Vocabulary == CodeReference.SdgIndicatorVocabulary && !string.IsNullOrEmpty(reference.Code)
                && !Catalog.SdgCatalog.IsKnownCode(reference.Code))
            {
                errors.Add(new($"{path}[{i}].code", $"'{reference.Code}' is not a goal, target or indicator of the SDG global indicator framework."));
            }
        }
    }
}
