using Modular.Contracts.Time;

namespace Modular.Modules.Notebook.Matters;

/// <summary>
/// When an open matter falls due, as the clock counted it: provisional when a year the period reaches has no official
/// holiday calendar yet (<see cref="StatutoryDate.UnconfiguredYears"/>), which the due list and the page mark themselves.
/// </summary>
internal sealed record MatterDue(StatutoryDate Due, bool Overdue)
{
    public DateOnly DueOn => Due.Date;

    public bool Provisional => Due.IsProvisional;
}

/// <summary>
/// The matter's statutory deadline, counted by the host's <see cref="IStatutoryClock"/> from the day of the step that starts
/// it (here the recording). A module needs one for every period its statute sets. It is computed each time it is read,
/// never stored: next year's holiday calendar may arrive meanwhile and turn a provisional date into the final one.
/// </summary>
internal sealed class MatterClock(IStatutoryClock clock)
{
    // TODO: the real period and the article that sets it, e.g. 信访工作条例 Art 34: 60 days from acceptance, one extension of 30.
    public static readonly StatutoryPeriod ClosePeriod = StatutoryPeriod.WorkingDays(20);

    public static readonly LocalizedText Rule = new("登记之日起20个工作日内办结", "Closed within 20 working days of being recorded");

    public DateOnly Today => clock.Today;

    /// <summary>Null once the matter is closed: nothing falls due any more.</summary>
    public MatterDue? For(Matter matter)
    {
        if (matter.State != MatterState.Open)
        {
            return null;
        }

        var due = clock.Deadline(matter.OpenedOn, ClosePeriod);
        return new MatterDue(due, due.Date < clock.Today);
    }
}

/// <summary>
/// The open matters falling due by the horizon, overdue ones included, for the township's due list and home page
/// (<see cref="IDeadlineSource"/>). A module needs one as soon as a step of its statute has a time limit; each item names
/// the record, links to its page and says the rule behind the date.
/// </summary>
internal sealed class MatterDeadlines(IQuerySession session, MatterClock clock) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var open = await session.Query<Matter>().Where(m => m.State == MatterState.Open).ToListAsync(cancellationToken);
        return
        [
            .. open
                .Select(m => (Matter: m, Due: clock.For(m)!))
                .Where(x => x.Due.DueOn <= horizon)
                .OrderBy(x => x.Due.DueOn)
                .Select(x => new DueItem(
                    new($"事项 {x.Matter.Number} 办结", $"Close matter {x.Matter.Number}"),
                    x.Due.Due,
                    $"notebook/matters/{x.Matter.Id}",
                    MatterClock.Rule)),
        ];
    }
}
