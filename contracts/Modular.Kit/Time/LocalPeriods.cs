using Modular.Contracts.Time;
using Modular.Kit.Input;

namespace Modular.Kit.Time;

/// <summary>
/// A township's own setting of a period the law (or a national standard) sets: the law's period is the default and
/// the floor of protection, so a setting may shorten it, never lengthen it.
/// </summary>
public static class LocalPeriods
{
    /// <summary>
    /// True when <paramref name="setting"/> never ends after <paramref name="law"/>: no longer, and counted in calendar
    /// days only where the law counts calendar days or working days (n calendar days never end after n working days:
    /// a calendar period's last day on a rest day moves to the next working day, which is at the latest the nth).
    /// </summary>
    public static bool WithinLaw(StatutoryPeriod setting, StatutoryPeriod law) =>
        setting.Length >= 1 && setting.Length <= law.Length && (law.Unit == PeriodUnit.WorkingDays || setting.Unit == PeriodUnit.CalendarDays);

    /// <summary>Reads a day-period setting (its length and unit), refused when it would be longer than the law's.</summary>
    public static StatutoryPeriod? Read(InputErrors errors, string field, int? length, string? unit, StatutoryPeriod law, string chinese, string english)
    {
        var days = errors.Number($"{field}.length", length, $"{chinese}的天数", $"{english} (days)", 1, law.Length);
        var counted = errors.Choice<PeriodUnit>($"{field}.unit", unit, $"{chinese}的计算方式", $"{english}'s unit");
        if (days is not { } d || counted is not { } u)
        {
            return null;
        }

        var period = new StatutoryPeriod(d, u);
        if (!WithinLaw(period, law))
        {
            errors.Add(field, $"{chinese}不能长于法定（国家标准）的{law}", $"{english} cannot be longer than the national {law}.");
            return null;
        }

        return period;
    }

    /// <summary>Reads an hour-period setting, refused when it would be longer than the law's.</summary>
    public static HourPeriod? ReadHours(InputErrors errors, string field, int? hours, HourPeriod law, string chinese, string english) =>
        errors.Number(field, hours, $"{chinese}（小时）", $"{english} (hours)", 1, law.Hours) is { } h ? new HourPeriod(h) : null;
}
