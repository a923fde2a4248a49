using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Nonprofit.Impact.Catalog;

namespace Nonprofit.Impact.Iati;

/// <summary>
/// The state of one read of an IATI activity file (see <see cref="IatiImporter"/> for the mapping). Every error
/// names the element or attribute and the line, never a value from the file.
/// </summary>
internal sealed class IatiActivityReader
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly CancellationToken _cancellationToken;
    private readonly ResultsFramework _framework = new();
    private readonly List<(int Activity, int Result, int Indicator, IndicatorDefinition Definition)> _indicators = [];
    private readonly HashSet<string> _activityIds = new(StringComparer.Ordinal);

    public IatiActivityReader(XmlReader reader, CancellationToken cancellationToken)
    {
        _reader = reader;
        _lineInfo = reader as IXmlLineInfo;
        _cancellationToken = cancellationToken;
    }

    public int LineNumber => _lineInfo?.LineNumber ?? 0;

    public int LinePosition => _lineInfo?.LinePosition ?? 0;

    public async Task<ResultsFramework> ReadAsync()
    {
        if (await _reader.MoveToContentAsync().ConfigureAwait(false) != XmlNodeType.Element)
        {
            throw Error("The file holds no root element");
        }

        if (_reader.LocalName != "iati-activities" || _reader.NamespaceURI.Length != 0)
        {
            throw Error("The root element must be iati-activities (an IATI activity file)");
        }

        var version = _reader.GetAttribute("version");
        if (version is not null && !version.Trim().StartsWith("2.", StringComparison.Ordinal))
        {
            throw Error("iati-activities/@version is not an IATI 2.x version");
        }

        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            if (_reader.LocalName == "iati-activity")
            {
                await ReadActivityAsync(_framework.Activities.Count + 1).ConfigureAwait(false);
            }
            else
            {
                await _reader.SkipAsync().ConfigureAwait(false);
            }
        }

        // Whatever follows the root (comments, whitespace) must still be well-formed.
        while (await _reader.ReadAsync().ConfigureAwait(false))
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        if (_framework.Activities.Count == 0)
        {
            throw new IatiFormatException("The file holds no iati-activity.");
        }

        var prefixed = _framework.Activities.Count > 1;
        foreach (var (activity, result, indicator, definition) in _indicators)
        {
            definition.Id = prefixed
                ? string.Create(CultureInfo.InvariantCulture, $"a{activity}.r{result}.i{indicator}")
                : string.Create(CultureInfo.InvariantCulture, $"r{result}.i{indicator}");
        }

        var errors = _framework.Validate();
        if (errors.Count > 0)
        {
            // Only paths: the validator's messages may quote values from the file.
            throw new IatiFormatException(
                "The file's results do not make a valid results framework; check "
                + string.Join(", ", errors.Select(e => e.Path).Distinct().Take(10)) + ".");
        }

        return _framework;
    }

    private async Task ReadActivityAsync(int activityNumber)
    {
        var (line, position) = Position();
        var activity = new ActivityInfo
        {
            Status = "",
            DefaultLanguage = _reader.GetAttribute("lang", XmlNamespace),
            DefaultCurrency = _reader.GetAttribute("default-currency"),
        };
        var results = new List<Result>();
        var locationRefs = new HashSet<string>(StringComparer.Ordinal);
        var unnamedLocations = new List<int>();
        var hasIdentifier = false;
        var hasReportingOrg = false;
        var hasGeneralDescription = false;

        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            switch (_reader.LocalName)
            {
                case "iati-identifier":
                    if (hasIdentifier)
                    {
                        throw Error("iati-activity has more than one iati-identifier");
                    }

                    hasIdentifier = true;
                    activity.Identifier = (await _reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                    break;

                case "reporting-org":
                    if (hasReportingOrg)
                    {
                        throw Error("iati-activity has more than one reporting-org");
                    }

                    hasReportingOrg = true;
                    if (string.IsNullOrWhiteSpace(_reader.GetAttribute("ref")))
                    {
                        throw Error("reporting-org/@ref is missing: the model needs the reporting organisation's identifier");
                    }

                    activity.ReportingOrg = await ReadOrganisationAsync().ConfigureAwait(false);
                    break;

                case "title":
                    activity.Title = await ReadTextAsync().ConfigureAwait(false);
                    break;

                case "description":
                    var type = Code("type");
                    var description = await ReadTextAsync().ConfigureAwait(false);
                    if (description is not null && type is (null or "1") && !hasGeneralDescription)
                    {
                        activity.Description = description;
                        hasGeneralDescription = true;
                    }
                    else if (activity.Description is null)
                    {
                        activity.Description = description;
                    }

                    break;

                case "participating-org":
                    activity.ParticipatingOrgs.Add(await ReadOrganisationAsync().ConfigureAwait(false));
                    break;

                case "activity-status":
                    activity.Status = Code("code") ?? throw Error("activity-status/@code is missing");
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "activity-date":
                    activity.Dates.Add(new ActivityDate
                    {
                        Type = Code("type") ?? throw Error("activity-date/@type is missing"),
                        Date = ParseDate(_reader.GetAttribute("iso-date"), "activity-date/@iso-date"),
                    });
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "recipient-country":
                    activity.RecipientCountries.Add(Code("code") ?? throw Error("recipient-country/@code is missing"));
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "location":
                    var (locationLine, locationPosition) = Position();
                    var location = await ReadLocationAsync().ConfigureAwait(false);
                    if (location.Ref.Length == 0)
                    {
                        unnamedLocations.Add(activity.Locations.Count);
                    }
                    else if (!locationRefs.Add(location.Ref))
                    {
                        throw Error("location/@ref repeats the ref of an earlier location of the activity", locationLine, locationPosition);
                    }

                    activity.Locations.Add(location);
                    break;

                case "result":
                    results.Add(await ReadResultAsync(activityNumber, results.Count + 1).ConfigureAwait(false));
                    break;

                default:
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        if (activity.Identifier.Length == 0)
        {
            throw Error("iati-activity has no iati-identifier (or an empty one)", line, position);
        }

        if (!_activityIds.Add(activity.Identifier))
        {
            throw Error("iati-activity repeats the iati-identifier of an earlier activity", line, position);
        }

        if (!hasReportingOrg)
        {
            throw Error("iati-activity has no reporting-org", line, position);
        }

        foreach (var index in unnamedLocations)
        {
            var generated = string.Create(CultureInfo.InvariantCulture, $"location-{index + 1}");
            while (!locationRefs.Add(generated))
            {
                generated += "_";
            }

            activity.Locations[index].Ref = generated;
        }

        _framework.Activities.Add(activity);
        foreach (var result in results)
        {
            result.Activity = activity.Identifier;
            _framework.Results.Add(result);
        }
    }

    private async Task<OrganisationInfo> ReadOrganisationAsync()
    {
        var organisation = new OrganisationInfo { Ref = Code("ref"), Type = Code("type"), Role = Code("role") };
        organisation.Name = await ReadTextAsync().ConfigureAwait(false);
        return organisation;
    }

    private async Task<LocationInfo> ReadLocationAsync()
    {
        var location = new LocationInfo { Ref = Code("ref") ?? "" };
        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            switch (_reader.LocalName)
            {
                case "name":
                    location.Name = await ReadTextAsync().ConfigureAwait(false);
                    break;

                case "administrative":
                    location.AdministrativeCode ??= Code("code") ?? throw Error("administrative/@code is missing");
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "point":
                    var pointDepth = await EnterAsync().ConfigureAwait(false);
                    while (await NextChildAsync(pointDepth).ConfigureAwait(false))
                    {
                        if (_reader.LocalName == "pos")
                        {
                            var (line, position) = Position();
                            var pos = await _reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                            (location.Latitude, location.Longitude) = ParsePoint(pos, line, position);
                        }
                        else
                        {
                            await _reader.SkipAsync().ConfigureAwait(false);
                        }
                    }

                    break;

                default:
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        return location;
    }

    private async Task<Result> ReadResultAsync(int activityNumber, int resultNumber)
    {
        var (line, position) = Position();
        var type = Code("type");
        if (!int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var typeCode) || !Enum.IsDefined((ResultType)typeCode))
        {
            throw Error("result/@type is missing or not a ResultType code (1, 2, 3 or 9)");
        }

        var result = new Result { Type = (ResultType)typeCode, AggregationStatus = ParseBoolean("result", "aggregation-status") };
        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            switch (_reader.LocalName)
            {
                case "title":
                    result.Title = await ReadTextAsync().ConfigureAwait(false);
                    break;

                case "description":
                    result.Description = await ReadTextAsync().ConfigureAwait(false);
                    break;

                case "reference":
                    result.References.Add(ReadReference("result/reference", "vocabulary-uri"));
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "indicator":
                    var indicator = await ReadIndicatorAsync().ConfigureAwait(false);
                    result.Indicators.Add(indicator);
                    _indicators.Add((activityNumber, resultNumber, result.Indicators.Count, indicator));
                    break;

                default:
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        if (result.Title is null)
        {
            throw Error("result has no title with a narrative", line, position);
        }

        return result;
    }

    private async Task<IndicatorDefinition> ReadIndicatorAsync()
    {
        var (line, position) = Position();
        var measure = Code("measure");
        if (!int.TryParse(measure, NumberStyles.None, CultureInfo.InvariantCulture, out var measureCode) || !Enum.IsDefined((IndicatorMeasure)measureCode))
        {
            throw Error("indicator/@measure is missing or not an IndicatorMeasure code (1 to 5)");
        }

        var indicator = new IndicatorDefinition
        {
            Measure = (IndicatorMeasure)measureCode,
            Direction = ParseBoolean("indicator", "ascending") switch
            {
                true => IndicatorDirection.Increase,
                false => IndicatorDirection.Decrease,
                null => null,
            },
            AggregationStatus = ParseBoolean("indicator", "aggregation-status"),
        };

        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            switch (_reader.LocalName)
            {
                case "title":
                    indicator.Name = await ReadTextAsync().ConfigureAwait(false);
                    break;

                case "description":
                    indicator.Description = await ReadTextAsync().ConfigureAwait(false);
                    break;

                case "reference":
                    indicator.References.Add(ReadReference("indicator/reference", "indicator-uri"));
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "baseline":
                    if (indicator.Baseline is not null)
                    {
                        throw Error("indicator has a second baseline; the model holds one baseline per indicator, so the file cannot be imported without losing one");
                    }

                    indicator.Baseline = await ReadBaselineAsync(indicator).ConfigureAwait(false);
                    break;

                case "period":
                    indicator.Periods.Add(await ReadPeriodAsync(indicator).ConfigureAwait(false));
                    break;

                default:
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        if (indicator.Name is null)
        {
            throw Error("indicator has no title with a narrative", line, position);
        }

        return indicator;
    }

    private CodeReference ReadReference(string element, string uriAttribute)
    {
        var reference = new CodeReference
        {
            Vocabulary = Code("vocabulary") ?? throw Error($"{element}/@vocabulary is missing"),
            Code = Code("code") ?? "",
        };
        var uri = _reader.GetAttribute(uriAttribute)?.Trim();
        if (uriAttribute == "indicator-uri")
        {
            reference.IndicatorUri = uri;
        }
        else
        {
            reference.VocabularyUri = uri;
        }

        if (reference.Code.Length == 0 && string.IsNullOrEmpty(reference.IndicatorUri))
        {
            throw Error($"{element}/@code is missing");
        }

        if (reference.Vocabulary == CodeReference.SdgIndicatorVocabulary && reference.Code.Length > 0 && !SdgCatalog.IsKnownCode(reference.Code))
        {
            throw Error($"{element}/@code is not a goal, target or indicator of the SDG global indicator framework (vocabulary 9)");
        }

        return reference;
    }

    private async Task<IndicatorBaseline> ReadBaselineAsync(IndicatorDefinition indicator)
    {
        var baseline = new IndicatorBaseline();
        if (_reader.GetAttribute("year") is { } yearText)
        {
            if (!int.TryParse(yearText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2200)
            {
                throw Error("baseline/@year is not a year between 1900 and 2200");
            }

            baseline.Year = year;
        }

        if (_reader.GetAttribute("iso-date") is { } isoDate)
        {
            baseline.IsoDate = ParseDate(isoDate, "baseline/@iso-date");
        }

        baseline.Value = ReadValue(indicator, "baseline");
        baseline.Comment = await ReadValueChildrenAsync(indicator, baseline.Dimensions, baseline.Locations).ConfigureAwait(false);
        return baseline;
    }

    private async Task<IndicatorPeriod> ReadPeriodAsync(IndicatorDefinition indicator)
    {
        var (line, position) = Position();
        var period = new IndicatorPeriod();
        var hasStart = false;
        var hasEnd = false;
        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            switch (_reader.LocalName)
            {
                case "period-start":
                    period.Start = ParseDate(_reader.GetAttribute("iso-date"), "period-start/@iso-date");
                    hasStart = true;
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "period-end":
                    period.End = ParseDate(_reader.GetAttribute("iso-date"), "period-end/@iso-date");
                    hasEnd = true;
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "target":
                    period.Targets.Add(await ReadPeriodValueAsync(indicator, "target").ConfigureAwait(false));
                    break;

                case "actual":
                    period.Actuals.Add(await ReadPeriodValueAsync(indicator, "actual").ConfigureAwait(false));
                    break;

                default:
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        if (!hasStart || !hasEnd)
        {
            throw Error(hasStart ? "period has no period-end" : "period has no period-start", line, position);
        }

        if (period.End < period.Start)
        {
            throw Error("period-end is before period-start", line, position);
        }

        return period;
    }

    private async Task<PeriodValue> ReadPeriodValueAsync(IndicatorDefinition indicator, string element)
    {
        var value = new PeriodValue { Value = ReadValue(indicator, element) };
        value.Comment = await ReadValueChildrenAsync(indicator, value.Dimensions, value.Locations).ConfigureAwait(false);
        return value;
    }

    /// <summary>Reads the location refs, dimensions and comment of a baseline, target or actual; returns the comment.</summary>
    private async Task<LocalizedText?> ReadValueChildrenAsync(IndicatorDefinition indicator, IList<DimensionValue> dimensions, IList<string> locations)
    {
        LocalizedText? comment = null;
        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            switch (_reader.LocalName)
            {
                case "location":
                    locations.Add(Code("ref") ?? throw Error("location/@ref is missing or empty"));
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "dimension":
                    var name = _reader.GetAttribute("name");
                    var dimensionValue = _reader.GetAttribute("value");
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        throw Error("dimension/@name is missing or empty");
                    }

                    if (string.IsNullOrWhiteSpace(dimensionValue))
                    {
                        throw Error("dimension/@value is missing or empty");
                    }

                    dimensions.Add(new DimensionValue(name, dimensionValue));
                    var definition = indicator.FindDimension(name);
                    if (definition is null)
                    {
                        definition = new DimensionDefinition { Name = name };
                        indicator.Dimensions.Add(definition);
                    }

                    if (!definition.AllowedValues.Contains(dimensionValue))
                    {
                        definition.AllowedValues.Add(dimensionValue);
                    }

                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;

                case "comment":
                    comment = await ReadTextAsync().ConfigureAwait(false);
                    break;

                default:
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        return comment;
    }

    private string? ReadValue(IndicatorDefinition indicator, string element)
    {
        var value = _reader.GetAttribute("value");
        if (indicator.Measure is IndicatorMeasure.Unit or IndicatorMeasure.Percentage
            && !string.IsNullOrEmpty(value) && ValueJsonConverter.ParseNumber(value) is null)
        {
            throw Error($"{element}/@value is not a number, but the indicator's measure is unit or percentage");
        }

        return value;
    }

    /// <summary>Reads the narratives of the current element; <see langword="null"/> when it has none.</summary>
    private async Task<LocalizedText?> ReadTextAsync()
    {
        List<Narrative>? narratives = null;
        var depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            if (_reader.LocalName == "narrative")
            {
                var language = _reader.GetAttribute("lang", XmlNamespace);
                var text = await _reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                (narratives ??= []).Add(new Narrative(text, language));
            }
            else
            {
                await _reader.SkipAsync().ConfigureAwait(false);
            }
        }

        return narratives is null ? null : new LocalizedText(narratives);
    }

    /// <summary>Moves into the current element; returns its depth, or -1 when it was empty (and has been passed).</summary>
    private async Task<int> EnterAsync()
    {
        if (_reader.IsEmptyElement)
        {
            await _reader.ReadAsync().ConfigureAwait(false);
            return -1;
        }

        var depth = _reader.Depth;
        await ReadOrThrowAsync().ConfigureAwait(false);
        return depth;
    }

    /// <summary>Moves to the next child element in no namespace; returns <see langword="false"/> after passing the parent's end tag.</summary>
    private async Task<bool> NextChildAsync(int depth)
    {
        if (depth < 0)
        {
            return false;
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    await _reader.ReadAsync().ConfigureAwait(false);
                    return false;
                case XmlNodeType.Element when _reader.NamespaceURI.Length == 0:
                    return true;
                case XmlNodeType.Element:
                    // Extensions in other namespaces (allowed by the schema) are not part of the model.
                    await _reader.SkipAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.None:
                    throw Error("The file ends before the document is complete");
                default:
                    await ReadOrThrowAsync().ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task ReadOrThrowAsync()
    {
        if (!await _reader.ReadAsync().ConfigureAwait(false))
        {
            throw Error("The file ends before the document is complete");
        }
    }

    /// <summary>An attribute holding a code or a reference, trimmed; <see langword="null"/> when absent or blank.</summary>
    private string? Code(string attribute)
    {
        var value = _reader.GetAttribute(attribute)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private bool? ParseBoolean(string element, string attribute)
    {
        var text = _reader.GetAttribute(attribute)?.Trim();
        return text switch
        {
            null => null,
            "1" or "true" => true,
            "0" or "false" => false,
            _ => throw Error($"{element}/@{attribute} is not a boolean (1, 0, true or false)"),
        };
    }

    private DateOnly ParseDate(string? text, string what)
    {
        var s = text?.Trim();
        if (s is not null && s.Length >= 10 && IsTimeZone(s.AsSpan(10))
            && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw Error(text is null ? $"{what} is missing" : $"{what} is not a date (yyyy-MM-dd)");
    }

    private static bool IsTimeZone(ReadOnlySpan<char> zone) =>
        zone.Length == 0 || zone is "Z"
        || (zone.Length == 6 && zone[0] is '+' or '-' && char.IsAsciiDigit(zone[1]) && char.IsAsciiDigit(zone[2]) && zone[3] == ':'
            && char.IsAsciiDigit(zone[4]) && char.IsAsciiDigit(zone[5]));

    private static (double Latitude, double Longitude) ParsePoint(string pos, int line, int position)
    {
        var parts = pos.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180)
        {
            return (latitude, longitude);
        }

        throw Error("point/pos must be two numbers, latitude (-90 to 90) then longitude (-180 to 180)", line, position);
    }

    private (int Line, int Position) Position() => (LineNumber, LinePosition);

    private IatiFormatException Error(string message) => new(message, LineNumber, LinePosition);

    private static IatiFormatException Error(string message, int line, int position) => new(message, line, position);
}
