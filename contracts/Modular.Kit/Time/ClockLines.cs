using Modular.Contracts.Time;

namespace Modular.Kit.Time;

/// <summary>
/// The clock run backwards, for queries: a due list or a dashboard asks the database for records whose trigger lies
/// on or before a line, and the line must be the one the per-record clock draws, rest days and make-up days included.
/// </summary>
public static class ClockLines
{
    /// <summary>The latest trigger day whose <paramref name="period"/> ends on or before <paramref name="day"/>.</summary>
    public static DateOnly LastTriggerDueBy(this IStatutoryClock clock, StatutoryPeriod period, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(clock);

        // A period's last day is never earlier than trigger + length, and the deadline never moves back as the trigger
        // moves forward: search the triggers below that bound.
        var high = day.AddDays(-period.Length);
        if (Ends(clock, high, period) <= day)
        {
            return high;
        }

        var step = period.Length + 16;
        var low = high.AddDays(-step);
        while (Ends(clock, low, period) > day)
        {
            high = low;
            step *= 2;
            low = low.AddDays(-step);
        }

        // Ends(low) <= day < Ends(high): narrow until they are neighbours.
        while (high.DayNumber - low.DayNumber > 1)
        {
            var middle = DateOnly.FromDayNumber(low.DayNumber + ((high.DayNumber - low.DayNumber) / 2));
            if (Ends(clock, middle, period) <= day)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The latest trigger day whose <paramref name="period"/> has ended before <paramref name="today"/> (is overdue today).</summary>
    public static DateOnly LastTriggerOverdueOn(this IStatutoryClock clock, StatutoryPeriod period, DateOnly today) =>
        clock.LastTriggerDueBy(period, today.AddDays(-1));

    private static DateOnly Ends(IStatutoryClock clock, DateOnly trigger, StatutoryPeriod period) => clock.Deadline(trigger, period).Date;
}
