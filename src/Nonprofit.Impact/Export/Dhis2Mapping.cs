using System;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.Impact.Export;

/// <summary>
/// How a results framework maps onto a DHIS2 instance's metadata: data elements, organisation units, category
/// option combinations, and the data set. All identifiers are DHIS2 UIDs (or codes, if the import is run with
/// <c>idScheme=CODE</c>).
/// </summary>
public sealed class Dhis2Mapping
{
    /// <summary>Gets or sets the data set the values are reported for (<c>dataSet</c>), if any.</summary>
    public string? DataSet { get; set; }

    /// <summary>Gets or sets the date the data set's registration is complete (<c>completeDate</c>), if any; requires <see cref="DataSet"/>.</summary>
    public DateOnly? CompleteDate { get; set; }

    /// <summary>Gets the data element of each indicator's actuals, by <see cref="IndicatorDefinition.Id"/>.</summary>
    public IDictionary<string, string> DataElements { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the data element of each indicator's targets, by <see cref="IndicatorDefinition.Id"/>; used when <see cref="Dhis2ExportOptions.IncludeTargets"/> is set.</summary>
    public IDictionary<string, string> TargetDataElements { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the organisation unit of each location, by <see cref="LocationInfo.Ref"/>.</summary>
    public IDictionary<string, string> OrgUnits { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the organisation unit of values that name no location.</summary>
    public string? DefaultOrgUnit { get; set; }

    /// <summary>
    /// Gets or sets whether a location missing from <see cref="OrgUnits"/> uses its activity's
    /// <see cref="LocationInfo.AdministrativeCode"/> as the organisation unit.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool UseAdministrativeCodes { get; set; }

    /// <summary>
    /// Gets the category option combination of each disaggregation, by its key (see <see cref="CombinationKey"/>):
    /// <c>name=value</c> pairs sorted by dimension name and joined by <c>;</c>, such as <c>age=5-17;sex=female</c>.
    /// </summary>
    public IDictionary<string, string> CategoryOptionCombos { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the category option combination of values with no disaggregation (DHIS2's <c>default</c> combination).</summary>
    public string? DefaultCategoryOptionCombo { get; set; }

    /// <summary>Gets or sets the attribute option combination written on every value, if any.</summary>
    public string? AttributeOptionCombo { get; set; }

    /// <summary>Builds the key of a disaggregation in <see cref="CategoryOptionCombos"/>.</summary>
    /// <param name="dimensions">The dimension values.</param>
    /// <returns><c>name=value</c> pairs sorted ordinally by name and joined by <c>;</c>; empty when there are none.</returns>
    public static string CombinationKey(IEnumerable<DimensionValue> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        return string.Join(';', dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Name + "=" + d.Value));
    }
}
