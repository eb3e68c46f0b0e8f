using Marten;
using Modular.Contracts.Extensions;
using Modular.Kit;
using Modular.Kit.Records;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Petitions;

namespace Modular.Modules.Mediation;

/// <summary>
/// The county's view of the townships' disputes and petitions for a year: one query for the disputes and one for the
/// petitions across every township asked about, each township counted by the same rules as its own annual report.
/// </summary>
internal sealed class CountyFigures(IQuerySession session, PetitionClock clock) : ICountyFigures
{
    public async Task<IReadOnlyList<CountyFigure>> GetAsync(IReadOnlyCollection<string> townships, int year, CancellationToken cancellationToken)
    {
        var (from, to) = Period.Year(year);
        var disputes = await session.QueryAsync(townships, DisputeFigures.TouchedIn(from, to), cancellationToken);
        var petitions = await session.QueryAsync(townships, PetitionFigures.ReceivedIn(from, to), cancellationToken);
        var d = disputes.ToDictionary(t => t.Key, t => DisputeFigures.Count(from, to, t.Value, c => c));
        var p = petitions.ToDictionary(t => t.Key, t => PetitionFigures.Count(clock, from, to, t.Value));
        return
        [
            new("disputes-screened", new("矛盾纠纷排查", "Disputes screened"), d.ToDictionary(x => x.Key, x => (decimal)x.Value.Screened)),
            new("disputes-resolved", new("矛盾纠纷化解", "Disputes resolved"), d.ToDictionary(x => x.Key, x => (decimal)x.Value.Resolved)),
            new("petitions-received", new("受理信访事项", "Petitions received"), p.ToDictionary(x => x.Key, x => (decimal)x.Value.Received)),
            new("petitions-on-time", new("信访按期办结", "Petitions closed on time"), p.ToDictionary(x => x.Key, x => (decimal)x.Value.ClosedOnTime)),
        ];
    }
}
