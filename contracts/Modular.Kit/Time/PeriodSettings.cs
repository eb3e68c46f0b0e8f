using System.Globalization;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;
using Modular.Kit.Input;

namespace Modular.Kit.Time;

/// <summary>
/// A township's own period (a local practice, or a statutory one it may shorten) kept as a setting: a length and a unit,
/// so a page and a report can say whether it counts calendar or working days, and the clock counts it the same way.
/// </summary>
public static class PeriodSettings
{
    /// <summary>No township practice runs longer than a year; a longer number is a typing slip.</summary>
    public const int MaxLength = 365;

    /// <summary>
    /// Reads a period from its two fields. A missing unit is calendar days: that is what a setting stored before units
    /// existed meant, so a client that still sends only the length keeps its meaning. <paramref name="longest"/> is the
    /// law's period where the setting may only shorten it, held to it as <paramref name="ceiling"/> says.
    /// </summary>
    public static StatutoryPeriod? Period(
        this InputErrors errors, string field, string unitField, int? length, string? unit, string chinese, string english, StatutoryPeriod? longest = null,
        LawCeiling ceiling = LawCeiling.SameUnitNoLonger)
    {
        var days = errors.Number(field, length, chinese, english, 1, MaxLength);
        var counted = errors.Choice<PeriodUnit>(unitField, unit, $"{chinese}的计算方式", $"unit of the {english}", required: false) ?? PeriodUnit.CalendarDays;
        if (days is null || errors.Has(unitField))
        {
            return null;
        }

        var period = new StatutoryPeriod(days.Value, counted);
        if (longest is { } law && !ceiling.Admits(period, law))
        {
            errors.Add(field, $"{chinese}不能长于法定的{Label(law).Chinese}", $"The {english} cannot be longer than the statutory {Label(law).English}.");
            return null;
        }

        return period;
    }

    /// <summary>
    /// Whether a setting ends no later than the law's period, whatever the dates: the same unit and no longer, or
    /// calendar days under a working-day law (N calendar days, moved off a rest day, never pass the N-th working day).
    /// Working days under a calendar-day law can pass it over a long holiday, so they are refused.
    /// </summary>
    public static bool NoLongerThan(this StatutoryPeriod setting, StatutoryPeriod law) =>
        setting.Length <= law.Length && (setting.Unit == law.Unit || setting.Unit == PeriodUnit.CalendarDays);

    /// <summary>The period as a page says it: <c>30日</c> / <c>30 days</c>, <c>3个工作日</c> / <c>3 working days</c>.</summary>
    public static LocalizedText Label(StatutoryPeriod period)
    {
        var n = period.Length.ToString(CultureInfo.InvariantCulture);
        return period.Unit == PeriodUnit.WorkingDays
            ? new($"{n}个工作日", period.Length == 1 ? "1 working day" : $"{n} working days")
            : new($"{n}日", period.Length == 1 ? "1 day" : $"{n} days");
    }

    /// <summary>The unit alone, for a choice on a settings page.</summary>
    public static LocalizedText UnitLabel(PeriodUnit unit) =>
        unit == PeriodUnit.WorkingDays ? new("工作日", "working days") : new("日（自然日）", "calendar days");
}

/// <summary>A period as the API answers it: the unit by name (never a number) and the words a page shows.</summary>
public sealed record PeriodView(int Length, string Unit, LocalizedText Label)
{
    public static PeriodView Of(StatutoryPeriod period) => new(period.Length, period.Unit.ToString(), PeriodSettings.Label(period));
}
