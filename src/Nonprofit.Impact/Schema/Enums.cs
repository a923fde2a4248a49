
namespace Nonprofit.Impact;

/// <summary>
/// How an indicator is measured. The numeric values are the codes of IATI's <c>IndicatorMeasure</c> codelist,
/// so an export writes them unchanged into <c>indicator/@measure</c>.
/// </summary>
public enum IndicatorMeasure
{
    /// <summary>A count or amount in a unit (IATI code 1).</summary>
    Unit = 1,

    /// <summary>A percentage (IATI code 2).</summary>
    Percentage = 2,

    /// <summary>A category without order (IATI code 3).</summary>
    Nominal = 3,

    /// <summary>A category with an order, such as a rating (IATI code 4).</summary>
    Ordinal = 4,

    /// <summary>Free text (IATI code 5): targets and actuals are narratives, not numbers.</summary>
    Qualitative = 5,
}

/// <summary>How measurements of an indicator combine within a period and a disaggregation.</summary>
public enum IndicatorAggregation
{
    /// <summary>Values add up (people reached, sessions held).</summary>
    Sum = 0,

    /// <summary>The arithmetic mean of the values (a score, a time to referral).</summary>
    Mean = 1,

    /// <summary>The value with the latest timestamp (a stock such as beds available).</summary>
    Last = 2,

    /// <summary>The number of distinct values (distinct pseudonymous case numbers, distinct villages).</summary>
    DistinctCount = 3,
}

/// <summary>Which way an indicator should move; exported as IATI's <c>indicator/@ascending</c>.</summary>
public enum IndicatorDirection
{
    /// <summary>Higher is better (IATI <c>ascending="1"</c>).</summary>
    Increase = 0,

    /// <summary>Lower is better (IATI <c>ascending="0"</c>).</summary>
    Decrease = 1,
}

/// <summary>
/// The level of a result in a results chain. The numeric values are the codes of IATI's <c>ResultType</c>
/// codelist.
/// </summary>
public enum ResultType
{
    /// <summary>What the activity delivers (IATI code 1).</summary>
    Output = 1,

    /// <summary>The change it brings about for the people served (IATI code 2).</summary>
    Outcome = 2,

    /// <summary>The long-term change it contributes to (IATI code 3).</summary>
    Impact = 3,

    /// <summary>Any other result (IATI code 9).</summary>
    Other = 9,
}

/// <summary>The length of an aggregation period. Periods are calendar periods in UTC; weeks are ISO weeks (Monday first).</summary>
public enum PeriodLength
{
    /// <summary>One UTC calendar day.</summary>
    Day = 0,

    /// <summary>One ISO week, Monday to Sunday.</summary>
    Week = 1,

    /// <summary>One calendar month.</summary>
    Month = 2,

    /// <summary>One calendar quarter (January–March, ...).</summary>
    Quarter = 3,

    /// <summary>One calendar year.</summary>
    Year = 4,
}
