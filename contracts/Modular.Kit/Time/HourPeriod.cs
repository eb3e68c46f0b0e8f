using Modular.Kit.Input;

namespace Modular.Kit.Time;

/// <summary>
/// A period counted in hours from an instant, where a rule says "within 24 hours" (an online message answered, a
/// detained applicant's request forwarded): it runs through nights, weekends and holidays, so it is not a
/// <see cref="Modular.Contracts.Time.StatutoryPeriod"/> of days and never goes through the working-day calendar.
/// </summary>
public readonly record struct HourPeriod(int Hours)
{
    /// <summary>The instant the period ends: exactly <see cref="Hours"/> after <paramref name="start"/>.</summary>
    public DateTimeOffset DueAt(DateTimeOffset start) => start.AddHours(Hours);

    public override string ToString() => $"{Hours}小时";
}

/// <summary>Reading an hour-period setting, the way <see cref="PeriodSettings"/> reads a day-period one.</summary>
public static class HourPeriods
{
    /// <summary>Reads an hour-period setting, refused when it would be longer than the law's (or the standard's).</summary>
    public static HourPeriod? Hours(this InputErrors errors, string field, int? hours, HourPeriod longest, string chinese, string english) =>
        errors.Number(field, hours, $"{chinese}（小时）", $"{english} (hours)", 1, longest.Hours) is { } h ? new HourPeriod(h) : null;
}
