using Marten;
using Modular.Kit;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>What became of the leads one liaison reported in a period, by where each stands now.</summary>
internal sealed record LeadTally(int Reported, int BecameDisputes, int Closed, int Open)
{
    public static readonly LeadTally None = new(0, 0, 0, 0);
}

/// <summary>A liaison with the tally of a period, as the roster shows it.</summary>
internal sealed record LiaisonCounts(LiaisonView Liaison, LeadTally Leads);

internal sealed record LiaisonCountSet(DateOnly From, DateOnly To, IReadOnlyList<LiaisonCounts> Liaisons, LeadTally Total);

/// <summary>Counts each liaison's leads reported in a period: the figure the center reviews its liaisons by.</summary>
internal sealed class LeadCounts(IQuerySession session)
{
    /// <summary>The roster rows given, each with its tally (zero when the liaison reported nothing in the period).</summary>
    public async Task<LiaisonCountSet> ForRosterAsync(IReadOnlyList<LiaisonView> roster, Period period, CancellationToken ct)
    {
        var tallies = await PerLiaisonAsync(period, ct);
        var rows = roster.Select(l => new LiaisonCounts(l, tallies.GetValueOrDefault(l.Id, LeadTally.None))).ToList();
        var total = new LeadTally(
            rows.Sum(r => r.Leads.Reported), rows.Sum(r => r.Leads.BecameDisputes), rows.Sum(r => r.Leads.Closed), rows.Sum(r => r.Leads.Open));
        return new LiaisonCountSet(period.From, period.To, rows, total);
    }

    private async Task<IReadOnlyDictionary<Guid, LeadTally>> PerLiaisonAsync(Period period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var leads = await session.Query<Lead>()
            .Where(l => l.ReportedOn >= from && l.ReportedOn <= to)
            .Select(l => new { l.LiaisonId, l.State })
            .ToListAsync(ct);
        return leads.GroupBy(l => l.LiaisonId).ToDictionary(g => g.Key, g => Tally(g.Select(l => l.State)));
    }

    private static LeadTally Tally(IEnumerable<LeadState> states)
    {
        var list = states.ToList();
        return new LeadTally(
            list.Count, list.Count(s => s == LeadState.BecameDispute), list.Count(s => s == LeadState.Closed), list.Count(s => s == LeadState.Reported));
    }
}
