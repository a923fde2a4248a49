using System;

namespace Nonprofit.Impact;

/// <summary>Calendar arithmetic for aggregation periods (UTC days, ISO weeks, months, quarters, years).</summary>
public static class PeriodMath
{
    /// <summary>Gets the first day of the period of <paramref name="length"/> that contains <paramref name="day"/>.</summary>
    /// <param name="day">A day.</param>
    /// <param name="length">The period length.</param>
    /// <returns>The period's first day.</returns>
    public static DateOnly PeriodStart(DateOnly day, PeriodLength length) => length switch
    {
        PeriodLength.Day => day,
        PeriodLength.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        PeriodLength.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodLength.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        PeriodLength.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, "Use Day, Week, Month, Quarter or Year."),
    };

    /// <summary>Gets the last day (inclusive) of the period of <paramref name="length"/> that contains <paramref name="day"/>.</summary>
    /// <param name="day">A day.</param>
    /// <param name="length">The period length.</param>
    /// <returns>The period's last day.</returns>
    public static DateOnly PeriodEnd(DateOnly day, PeriodLength length)
    {
        var start = PeriodStart(day, length);
        return length switch
        {
            PeriodLength.Day => start,
            PeriodLength.Week => start.AddDays(6),
            PeriodLength.Month => start.AddMonths(1).AddDays(-1),
            PeriodLength.Quarter => start.AddMonths(3).AddDays(-1),
            _ => start.AddYears(1).AddDays(-1),
        };
    }

    /// <summary>Gets the UTC day of an instant.</summary>
    /// <param name="timestamp">The instant.</param>
    /// <returns>Its UTC calendar day.</returns>
    public static DateOnly UtcDay(DateTimeOffset timestamp) => DateOnly.FromDayNumber((int)(timestamp.UtcTicks / TimeSpan.TicksPerDay));
}
