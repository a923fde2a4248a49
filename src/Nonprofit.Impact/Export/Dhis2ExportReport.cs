using System.Collections.Generic;

namespace Nonprofit.Impact.Export;

/// <summary>What a DHIS2 export wrote and what it left out, with why.</summary>
public sealed class Dhis2ExportReport
{
    /// <summary>Initializes the report.</summary>
    /// <param name="dataValueCount">The number of data values written.</param>
    /// <param name="skipped">What was left out.</param>
    public Dhis2ExportReport(int dataValueCount, IReadOnlyList<Dhis2SkippedItem> skipped)
    {
        DataValueCount = dataValueCount;
        Skipped = skipped;
    }

    /// <summary>Gets the number of data values written.</summary>
    public int DataValueCount { get; }

    /// <summary>Gets the indicators and values left out: unmapped indicators (when <see cref="Dhis2ExportOptions.SkipUnmappedIndicators"/> is set) and values without a value.</summary>
    public IReadOnlyList<Dhis2SkippedItem> Skipped { get; }
}

/// <summary>An indicator or a value a DHIS2 export left out.</summary>
/// <param name="IndicatorId">The indicator's id.</param>
/// <param name="Path">The path of what was left out, such as <c>results[0].indicators[1]</c> or <c>results[0].indicators[1].periods[2].actuals[0]</c>.</param>
/// <param name="Reason">Why (never a value).</param>
public sealed record Dhis2SkippedItem(string IndicatorId, string Path, string Reason);
