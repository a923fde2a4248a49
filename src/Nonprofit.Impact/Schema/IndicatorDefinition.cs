using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Nonprofit.Impact;

/// <summary>
/// An indicator: what is measured, how values combine, how they are disaggregated and where the indicator
/// sits in standard vocabularies (SDG, IRIS+, IATI), with its baseline and its periods of targets and actuals.
/// </summary>
public sealed class IndicatorDefinition
{
    /// <summary>Gets or sets the id the application records measurements against (letters, digits, '.', '-', '_').</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the indicator's name (IATI <c>indicator/title</c>).</summary>
    public LocalizedText? Name { get; set; }

    /// <summary>Gets or sets what the indicator measures and how.</summary>
    public LocalizedText? Description { get; set; }

    /// <summary>Gets or sets how the indicator is measured.</summary>
    public IndicatorMeasure Measure { get; set; } = IndicatorMeasure.Unit;

    /// <summary>Gets or sets the unit as a UCUM code (<c>{person}</c>, <c>%</c>, <c>h</c>, <c>kg</c>); annotations in braces count things.</summary>
    public string? Unit { get; set; }

    /// <summary>Gets or sets how values combine within a period and disaggregation.</summary>
    public IndicatorAggregation Aggregation { get; set; } = IndicatorAggregation.Sum;

    /// <summary>Gets or sets which way is better, or <see langword="null"/> when neither.</summary>
    public IndicatorDirection? Direction { get; set; }

    /// <summary>Gets or sets whether the indicator's data can be aggregated across activities (IATI <c>aggregation-status</c>).</summary>
    public bool? AggregationStatus { get; set; }

    /// <summary>Gets the dimensions measurements are disaggregated by (sex, age band, location ...), each with its allowed values.</summary>
    public IList<DimensionDefinition> Dimensions { get; } = new List<DimensionDefinition>();

    /// <summary>Gets the indicator's codes in vocabularies: SDG indicator codes, IRIS+ ids, IATI vocabularies, the organisation's own.</summary>
    public IList<CodeReference> References { get; } = new List<CodeReference>();

    /// <summary>Gets or sets the baseline: the value before the activity.</summary>
    public IndicatorBaseline? Baseline { get; set; }

    /// <summary>Gets the reporting periods with their targets and actuals.</summary>
    public IList<IndicatorPeriod> Periods { get; } = new List<IndicatorPeriod>();

    /// <summary>Finds a dimension by name.</summary>
    /// <param name="name">The dimension's name.</param>
    /// <returns>The dimension, or <see langword="null"/>.</returns>
    public DimensionDefinition? FindDimension(string name)
    {
        foreach (var d in Dimensions)
        {
            if (string.Equals(d.Name, name, StringComparison.Ordinal))
            {
                return d;
            }
        }

        return null;
    }
}

/// <summary>A disaggregation dimension of an indicator, such as <c>sex</c> with values <c>female</c>, <c>male</c>.</summary>
public sealed class DimensionDefinition
{
    /// <summary>Gets or sets the dimension's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets the values a measurement may carry for this dimension; a value outside the list is rejected.</summary>
    public IList<string> AllowedValues { get; } = new List<string>();

    /// <summary>Gets or sets the HXL attribute this dimension's values map to in HXL exports (for example <c>+f</c> for female when the dimension is sex); see <see cref="HxlAttributes"/>.</summary>
    public string? HxlAttribute { get; set; }

    /// <summary>Gets the HXL attribute of each allowed value (for example <c>female → +f</c>, <c>0-4 → +infants</c>), used by the HXL exporter.</summary>
    public IDictionary<string, string> HxlAttributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A dimension and its value on a baseline, target or actual (IATI <c>dimension/@name</c>, <c>@value</c>).</summary>
/// <param name="Name">The dimension's name.</param>
/// <param name="Value">The value.</param>
public sealed record DimensionValue(string Name, string Value);

/// <summary>An indicator's baseline.</summary>
public sealed class IndicatorBaseline
{
    /// <summary>Gets or sets the year of the baseline.</summary>
    public int? Year { get; set; }

    /// <summary>Gets or sets the date of the baseline.</summary>
    public DateOnly? IsoDate { get; set; }

    /// <summary>Gets or sets the value: a number for quantitative indicators, text for qualitative ones.</summary>
    [JsonConverter(typeof(ValueJsonConverter))]
    public string? Value { get; set; }

    /// <summary>Gets or sets a comment.</summary>
    public LocalizedText? Comment { get; set; }

    /// <summary>Gets the disaggregation of the value.</summary>
    public IList<DimensionValue> Dimensions { get; } = new List<DimensionValue>();

    /// <summary>Gets the <see cref="LocationInfo.Ref"/>s the value applies to.</summary>
    public IList<string> Locations { get; } = new List<string>();
}

/// <summary>A reporting period of an indicator, with targets and actuals.</summary>
public sealed class IndicatorPeriod
{
    /// <summary>Gets or sets the first day of the period.</summary>
    public DateOnly Start { get; set; }

    /// <summary>Gets or sets the last day of the period (inclusive, as in IATI).</summary>
    public DateOnly End { get; set; }

    /// <summary>Gets the targets: usually one, or one per disaggregation.</summary>
    public IList<PeriodValue> Targets { get; } = new List<PeriodValue>();

    /// <summary>Gets the actuals: usually one, or one per disaggregation.</summary>
    public IList<PeriodValue> Actuals { get; } = new List<PeriodValue>();
}

/// <summary>A target or an actual value of a period.</summary>
public sealed class PeriodValue
{
    /// <summary>Gets or sets the value: a number for quantitative indicators, text for qualitative ones.</summary>
    [JsonConverter(typeof(ValueJsonConverter))]
    public string? Value { get; set; }

    /// <summary>Gets or sets a comment.</summary>
    public LocalizedText? Comment { get; set; }

    /// <summary>Gets the disaggregation of the value.</summary>
    public IList<DimensionValue> Dimensions { get; } = new List<DimensionValue>();

    /// <summary>Gets the <see cref="LocationInfo.Ref"/>s the value applies to.</summary>
    public IList<string> Locations { get; } = new List<string>();

    /// <summary>Gets the value as a number, or <see langword="null"/> when it is absent or not a number.</summary>
    /// <returns>The number.</returns>
    public double? NumericValue() => ValueJsonConverter.ParseNumber(Value);
}
