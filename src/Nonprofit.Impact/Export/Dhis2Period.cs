using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nonprofit.Impact.Export;

/// <summary>Derives a DHIS2 period identifier from a period's first and last day.</summary>
/// <remarks>
/// The identifiers follow the period format of the DHIS2 Web API ("Date and period format": day <c>yyyyMMdd</c>,
/// week <c>yyyyWn</c>, month <c>yyyyMM</c>, quarter <c>yyyyQn</c>, six-month <c>yyyySn</c>, year <c>yyyy</c>), as read
/// in the manual's source (the "Date and period format" section added to <c>dhis2_user_man_web_api.xml</c>,
/// https://lists.launchpad.net/dhis2-devs/msg17285.html) and the current table reproduced at
/// https://khisr.damurka.com/articles/date-format.html. DHIS2 writes the week number without a leading zero
/// (<c>2004W10</c>, <c>2015WedW5</c>), so ISO week 5 of 2024 is <c>2024W5</c>. Weeks are ISO weeks (Monday to
/// Sunday) and belong to their ISO week-numbering year, so 2024-12-30 to 2025-01-05 is <c>2025W1</c>.
/// </remarks>
public static class Dhis2Period
{
    /// <summary>Derives the DHIS2 period of a calendar day, ISO week, month, quarter, half-year or year.</summary>
    /// <param name="start">The first day of the period.</param>
    /// <param name="end">The last day of the period (inclusive, as in IATI).</param>
    /// <param name="period">The DHIS2 period identifier, such as <c>202401</c>, <c>2024Q1</c>, <c>2024W5</c>.</param>
    /// <returns><see langword="true"/> when the dates span exactly one such period.</returns>
    public static bool TryFromDates(DateOnly start, DateOnly end, [NotNullWhen(true)] out string? period)
    {
        period = null;
        if (end < start)
        {
            return false;
        }

        var year = start.Year.ToString("D4", CultureInfo.InvariantCulture);
        if (start == end)
        {
            period = start.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        }
        else if (start.DayOfWeek == DayOfWeek.Monday && end == start.AddDays(6))
        {
            var date = start.ToDateTime(TimeOnly.MinValue);
            period = ISOWeek.GetYear(date).ToString("D4", CultureInfo.InvariantCulture) + "W"
                + ISOWeek.GetWeekOfYear(date).ToString(CultureInfo.InvariantCulture);
        }
        else if (start.Day == 1 && end == start.AddMonths(1).AddDays(-1))
        {
            period = year + start.Month.ToString("D2", CultureInfo.InvariantCulture);
        }
        else if (start.Day == 1 && start.Month % 3 == 1 && end == start.AddMonths(3).AddDays(-1))
        {
            period = year + "Q" + ((start.Month + 2) / 3).ToString(CultureInfo.InvariantCulture);
        }
        else if (start.Day == 1 && start.Month is 1 or 7 && end == start.AddMonths(6).AddDays(-1))
        {
            period = year + (start.Month == 1 ? "S1" : "S2");
        }
        else if (start.Day == 1 && start.Month == 1 && end == new DateOnly(start.Year, 12, 31))
        {
            period = year;
        }

        return period is not null;
    }
}
