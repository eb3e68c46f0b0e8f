using Modular.Contracts.Time;

namespace Modular.Host.Time;

/// <summary>
/// Counts statutory periods as 民法典 Art 201 (the day of the event is not counted; counting starts the next day) and
/// Art 203 (a period whose last day is a rest day ends on the first working day after it) say.
/// </summary>
internal sealed class StatutoryClock(HolidayCalendar calendar, TimeProvider time) : IStatutoryClock
{
    public DateOnly Today => Modular.Kit.TownshipTime.Today(time);

    public IReadOnlyCollection<int> ConfiguredYears => calendar.ConfiguredYears;

    public bool IsWorkingDay(DateOnly date) => calendar.IsWorkingDay(date);

    public int WorkingDaysBetween(DateOnly from, DateOnly to) => calendar.WorkingDaysBetween(from, to);

    public StatutoryDate Deadline(DateOnly trigger, StatutoryPeriod period) => Deadline(trigger, period, []);

    public StatutoryDate Deadline(DateOnly trigger, StatutoryPeriod period, IEnumerable<ClockPause> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        if (period.Length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A statutory period is at least one day long.");
        }

        if (period.Unit is not (PeriodUnit.CalendarDays or PeriodUnit.WorkingDays))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period unit.");
        }

        var unconfigured = new List<int>();
        var deadline = LastDay(trigger, period.Length, period.Unit, unconfigured);
        var standingStill = 0;
        foreach (var (from, to) in StillSpans(trigger, pauses))
        {
            // A pause that begins after the last day cannot hold a clock that has already run out.
            if (from > deadline)
            {
                break;
            }

            standingStill += period.Unit == PeriodUnit.WorkingDays
                ? calendar.WorkingDaysBetween(from, to, unconfigured)
                : to.DayNumber - from.DayNumber;
            deadline = LastDay(trigger, period.Length + standingStill, period.Unit, unconfigured);
        }

        unconfigured.Sort();
        return new StatutoryDate(deadline, unconfigured);
    }

    private DateOnly LastDay(DateOnly trigger, int length, PeriodUnit unit, List<int> unconfigured)
    {
        if (unit == PeriodUnit.WorkingDays)
        {
            // Only working days are counted, so the n-th of them is itself a working day and never moves.
            return calendar.AddWorkingDays(trigger, length, unconfigured);
        }

        if (trigger.DayNumber + length > DateOnly.MaxValue.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The period runs past the last representable date.");
        }

        // Weekends and holidays count inside a calendar-day period; only its last day is moved off a rest day.
        return calendar.NextWorkingDayOnOrAfter(trigger.AddDays(length), unconfigured);
    }

    /// <summary>
    /// The spans (From, To] during which the clock stood still, clipped to the days after the trigger (the clock had not
    /// started before), sorted and merged so that overlapping pauses are counted once.
    /// </summary>
    private List<(DateOnly From, DateOnly To)> StillSpans(DateOnly trigger, IEnumerable<ClockPause> pauses)
    {
        var spans = new List<(DateOnly From, DateOnly To)>();
        DateOnly? today = null;
        foreach (var pause in pauses)
        {
            if (pause.To is { } end && end < pause.From)
            {
                throw new ArgumentException($"A pause cannot end ({end:yyyy-MM-dd}) before it begins ({pause.From:yyyy-MM-dd}).", nameof(pauses));
            }

            var to = pause.To ?? (today ??= Today);
            var from = pause.From < trigger ? trigger : pause.From;
            if (to > from)
            {
                spans.Add((from, to));
            }
        }

        spans.Sort(static (a, b) => a.From.CompareTo(b.From));
        var merged = new List<(DateOnly From, DateOnly To)>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                if (span.To > merged[^1].To)
                {
                    merged[^1] = (merged[^1].From, span.To);
                }
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
