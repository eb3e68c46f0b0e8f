using System.Globalization;
using Modular.Kit;

namespace Modular.Modules.Notebook.Matters;

/// <summary>The matters of a period: recorded in it, closed in it, and of those recorded the ones still open.</summary>
internal sealed record MatterFigureSet(Period Period, int Recorded, int Closed, int StillOpen);

/// <summary>
/// Figures over a period (the kit's <see cref="Period"/>: a calendar year unless the reader says otherwise), for the
/// annual report and the public summary. Counted from the records each time they are read, so every figure can be traced
/// to the ledger it links to.
/// </summary>
internal sealed class MatterFigures(IQuerySession session)
{
    public async Task<MatterFigureSet> ForAsync(Period period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var recorded = session.Query<Matter>().Where(m => m.OpenedOn >= from && m.OpenedOn <= to);
        var closed = await session.Query<Matter>().CountAsync(m => m.ClosedOn >= from && m.ClosedOn <= to, ct);
        return new MatterFigureSet(period, await recorded.CountAsync(ct), closed, await recorded.CountAsync(m => m.State == MatterState.Open, ct));
    }

    /// <summary>A count as every figure of the platform shows it: plain digits, whatever the reader's language.</summary>
    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The township home page's figures (<see cref="IDashboardFigures"/>): the work at hand, each linked to the ledger it
/// counts, and highlighted (<c>Attention</c>) only when something is overdue. A module needs them when the township
/// should see its workload at a glance.
/// </summary>
internal sealed class MatterDashboard(IQuerySession session, MatterClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var open = await session.Query<Matter>().Where(m => m.State == MatterState.Open).ToListAsync(cancellationToken);
        var overdue = open.Count(m => clock.For(m)!.Overdue);
        var closed = await session.LoadAsync<ClosedMatterTally>(ClosedMatterTally.Key(clock.Today.Year), cancellationToken);
        return
        [
            new(new("办理中的事项", "Matters open"), MatterFigures.Count(open.Count), "notebook/matters"),
            new(new("逾期未办结的事项", "Matters overdue"), MatterFigures.Count(overdue), "notebook/matters", overdue > 0),
            new(new("本年办结的事项", "Matters closed this year"), MatterFigures.Count(closed?.Count ?? 0), "notebook/matters"),
        ];
    }
}
