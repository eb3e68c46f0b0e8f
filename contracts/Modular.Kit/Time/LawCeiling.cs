using Modular.Contracts.Time;

namespace Modular.Kit.Time;

/// <summary>
/// The one rule "a local period may not outlast the law", in the two readings a statute leaves open. Whichever a
/// module picks, a deadline never ends after the law's own last day: the choice is only whether a setting that could
/// (working days under a calendar-day law, over a holiday) is refused or taken and held back by the law's date.
/// </summary>
public enum LawCeiling
{
    /// <summary>
    /// The same unit and no longer (or calendar days under a working-day law, which never pass it): any other setting
    /// is refused, so the setting's own date is always the deadline and a page can show the period as the clock counts it.
    /// </summary>
    SameUnitNoLonger,

    /// <summary>
    /// Any unit, no more days than the law's; the deadline is the earlier of the setting's and the law's date
    /// (<see cref="LawCeilings.DeadlineUnderLaw"/>). For a province's rule written in working days under a calendar-day
    /// statute (legal aid: decisions in 5 working days where the law gives 7 days), which a township must be able to set.
    /// </summary>
    EarlierDateWins,
}

/// <summary>The two halves of <see cref="LawCeiling"/>: which settings it admits, and the deadline under it.</summary>
public static class LawCeilings
{
    /// <summary>Whether <paramref name="setting"/> may stand under <paramref name="law"/> in this reading.</summary>
    public static bool Admits(this LawCeiling ceiling, StatutoryPeriod setting, StatutoryPeriod law) =>
        ceiling == LawCeiling.EarlierDateWins ? setting.Length <= law.Length : setting.NoLongerThan(law);

    /// <summary>
    /// The setting's deadline, or the law's where that ends earlier (a working-day setting across a long holiday).
    /// Under <see cref="LawCeiling.SameUnitNoLonger"/> the setting's date is never the later one, so either reading may
    /// call this.
    /// </summary>
    public static StatutoryDate DeadlineUnderLaw(this IStatutoryClock clock, DateOnly trigger, StatutoryPeriod setting, StatutoryPeriod law)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var local = clock.Deadline(trigger, setting);
        if (setting == law)
        {
            return local;
        }

        var legal = clock.Deadline(trigger, law);
        return legal.Date < local.Date ? legal : local;
    }
}
