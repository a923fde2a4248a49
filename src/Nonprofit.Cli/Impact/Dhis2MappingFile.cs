using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Impact;
using Nonprofit.Impact.Export;

namespace Nonprofit.Cli.Impact;

/// <summary>
/// The DHIS2 mapping of <c>nonprofit impact export --format dhis2</c>: read from the JSON file of
/// <c>--dhis2-mapping</c> (the properties of <see cref="Dhis2Mapping"/> in camelCase), or else the default identity
/// mapping by code.
/// </summary>
internal static class Dhis2MappingFile
{
    /// <summary>The DHIS2 code of the default category option combination.</summary>
    public const string DefaultCategoryOptionComboCode = "default";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads a mapping file.</summary>
    /// <exception cref="CliException">The file cannot be read or is not a mapping; the message names the JSON path and line, never a value.</exception>
    public static async Task<Dhis2Mapping> ReadAsync(string path, CancellationToken cancellationToken)
    {
        const string What = "--dhis2-mapping";
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<Dhis2Mapping>(stream, s_options, cancellationToken).ConfigureAwait(false)
                    ?? throw new CliException(ExitCodes.BadInput, $"{What}: {path} holds JSON null, not a DHIS2 mapping.");
            }
        }
        catch (JsonException ex)
        {
            // The serializer's message can quote the input: report only the path, the position and the kind of problem.
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$"
                ? ""
                : " at " + (ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path);
            var line = ex.LineNumber is { } n ? FormattableString.Invariant($" (line {n + 1}, byte {ex.BytePositionInLine + 1})") : "";
            var problem = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "an unknown property (expected dataSet, completeDate, dataElements, targetDataElements, orgUnits, defaultOrgUnit, useAdministrativeCodes, categoryOptionCombos, defaultCategoryOptionCombo, attributeOptionCombo)"
                : "malformed JSON or a value of the wrong type";
            throw new CliException(ExitCodes.BadInput, $"{What}: {path}: {problem}{where}{line}.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.BadInput, $"{What}: {path}: permission denied.");
        }
        catch (IOException)
        {
            throw new CliException(ExitCodes.BadInput, $"{What}: {path}: cannot be read.");
        }
    }

    /// <summary>
    /// Builds the default identity mapping, for a DHIS2 import with <c>idScheme=CODE</c>: each indicator's data
    /// element (actuals and targets) has the indicator's id as code; a location's org unit has the location's
    /// administrative code as code, or its ref when it has none; a disaggregation's category option combination has
    /// its combination key (<c>age=5-17;sex=female</c>) as code; values without disaggregation go to DHIS2's
    /// <c>default</c> combination and values without location to <paramref name="defaultOrgUnit"/>.
    /// </summary>
    public static Dhis2Mapping CreateDefault(ResultsFramework framework, string? defaultOrgUnit)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var mapping = new Dhis2Mapping
        {
            DefaultOrgUnit = defaultOrgUnit,
            DefaultCategoryOptionCombo = DefaultCategoryOptionComboCode,

            // A ref that activities give different administrative codes resolves through its own activity's code.
            UseAdministrativeCodes = true,
        };

        var codes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var refs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var activity in framework.Activities)
        {
            foreach (var location in activity.Locations)
            {
                refs.Add(location.Ref);
                if (!string.IsNullOrEmpty(location.AdministrativeCode))
                {
                    if (!codes.TryGetValue(location.Ref, out var set))
                    {
                        codes[location.Ref] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(location.AdministrativeCode);
                }
            }
        }

        foreach (var indicator in framework.EnumerateIndicators())
        {
            mapping.DataElements[indicator.Id] = indicator.Id;
            mapping.TargetDataElements[indicator.Id] = indicator.Id;
            foreach (var period in indicator.Periods)
            {
                foreach (var value in EnumerateValues(period))
                {
                    foreach (var location in value.Locations)
                    {
                        refs.Add(location);
                    }

                    var key = Dhis2Mapping.CombinationKey(value.Dimensions);
                    if (key.Length > 0)
                    {
                        mapping.CategoryOptionCombos[key] = key;
                    }
                }
            }
        }

        foreach (var reference in refs)
        {
            if (!codes.TryGetValue(reference, out var set))
            {
                mapping.OrgUnits[reference] = reference;
            }
            else if (set.Count == 1)
            {
                foreach (var code in set)
                {
                    mapping.OrgUnits[reference] = code;
                }
            }
        }

        return mapping;
    }

    private static IEnumerable<PeriodValue> EnumerateValues(IndicatorPeriod period)
    {
        foreach (var target in period.Targets)
        {
            yield return target;
        }

        foreach (var actual in period.Actuals)
        {
            yield return actual;
        }
    }
}
