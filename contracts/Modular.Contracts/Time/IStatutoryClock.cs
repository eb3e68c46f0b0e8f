using System.Text.Json.Serialization;

namespace Modular.Contracts.Time;

/// <summary>
/// How a statute counts a period: calendar days (日) or working days (工作日). Written by name wherever it is stored or
/// answered; a stored number still reads (calendar days are 0, what a setting without a unit meant).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PeriodUnit>))]
public enum PeriodUnit
{
    CalendarDays = 0,
    WorkingDays = 1,
}

/// <summary>A statutory period such as "20 working days" (政府信息公开条例 Art 33) or "60 days" (信访工作条例 Art 34).</summary>
public readonly record struct StatutoryPeriod(int Length, PeriodUnit Unit)
{
    public static StatutoryPeriod CalendarDays(int days) => new(days, PeriodUnit.CalendarDays);

    public static StatutoryPeriod WorkingDays(int days) => new(days, PeriodUnit.WorkingDays);

    public override string ToString() => Unit == PeriodUnit.WorkingDays ? $"{Length}个工作日" : $"{Length}日";
}

/// <summary>
/// A stretch during which a clock stands still, such as a third-party consultation (政府信息公开条例 Art 32).
/// The clock stops after <paramref name="From"/> (the day the pause begins still counts) and runs again the day after
/// <paramref name="To"/>; a pause with no end has not ended yet.
/// </summary>
public readonly record struct ClockPause(DateOnly From, DateOnly? To);

/// <summary>
/// A date computed by the statutory clock. When a year the period touches has no official holiday calendar
/// configured, weekends alone were used for it and the date is provisional: the years are named so a page can say so.
/// </summary>
public sealed record StatutoryDate(DateOnly Date, IReadOnlyList<int> UnconfiguredYears)
{
    public bool IsProvisional => UnconfiguredYears.Count > 0;

    public static implicit operator DateOnly(StatutoryDate date) => date.Date;

    public override string ToString() => Date.ToString("yyyy-MM-dd");
}

/// <summary>
/// Counts statutory time the way 民法典 Arts 201 and 203 say: the day of the triggering event is not counted;
/// a calendar-day period whose last day is a rest day ends on the next working day; a working-day period counts only
/// working days (weekdays that are not official holidays, plus official make-up workdays).
/// </summary>
public interface IStatutoryClock
{
    /// <summary>Today in the township's time zone (Asia/Shanghai).</summary>
    DateOnly Today { get; }

    /// <summary>Whether <paramref name="date"/> is a working day in the official calendar.</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>The years for which an official holiday calendar is configured.</summary>
    IReadOnlyCollection<int> ConfiguredYears { get; }

    /// <summary>The last day of <paramref name="period"/> counted from <paramref name="trigger"/> (the event's day, not counted).</summary>
    StatutoryDate Deadline(DateOnly trigger, StatutoryPeriod period);

    /// <summary>
    /// The last day of <paramref name="period"/> from <paramref name="trigger"/>, pushed back by the time the clock stood
    /// still: each pause adds the days (of the period's unit) that fell inside it. A pause with no end pushes the deadline
    /// as if it ended today. To restart a clock (a corrected request arrives), call again with the new trigger.
    /// </summary>
    StatutoryDate Deadline(DateOnly trigger, StatutoryPeriod period, IEnumerable<ClockPause> pauses);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);
}
