namespace Modular.Kit.Time;

/// <summary>
/// Periods counted in whole years, as 民法典 第二百零一条 counts them: the period ends on the corresponding day of its
/// last year, and where that year has no such day (29 February) on the last day of the month. For dates a rule gives
/// in years (a certificate valid for five years, reviewed every three), which the day-counting clock does not cover.
/// </summary>
public static class YearPeriods
{
    public static DateOnly YearsAfter(DateOnly start, int years)
    {
        var year = start.Year + years;
        return new DateOnly(year, start.Month, Math.Min(start.Day, DateTime.DaysInMonth(year, start.Month)));
    }
}
