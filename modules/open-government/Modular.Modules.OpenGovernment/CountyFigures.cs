using Marten;
using Modular.Contracts.Extensions;
using Modular.Kit.Records;
using Modular.Modules.OpenGovernment.DisclosureRequests;
using Modular.Modules.OpenGovernment.PowerList;

namespace Modular.Modules.OpenGovernment;

/// <summary>
/// The county's view of the townships' power lists and disclosure requests for a year: one query for the list as it
/// stood on 31 December (what the annual report counts) and one for the year's requests, across every township asked
/// about. "Answered on time": a request received in the year and answered by its reply's last day (Art 33, with its
/// extension and the consultation pauses, as the request's own clock reckons it).
/// </summary>
internal sealed class CountyFigures(IQuerySession session, ReplyClock clock) : ICountyFigures
{
    public async Task<IReadOnlyList<CountyFigure>> GetAsync(IReadOnlyCollection<string> townships, int year, CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var powers = await session.QueryAsync(townships, PowerListQueries.InForceOn(yearEnd), cancellationToken);
        var requests = await session.QueryAsync<DisclosureRequest>(townships, r => r.ReceivedOn >= yearStart && r.ReceivedOn <= yearEnd, cancellationToken);
        return
        [
            new("power-list-items", new("权责清单事项", "Power-list items"), powers.ToDictionary(p => p.Key, p => (decimal)p.Value.Count)),
            new("disclosure-received", new("依申请公开收到", "Disclosure requests received"), requests.ToDictionary(r => r.Key, r => (decimal)r.Value.Count)),
            new("disclosure-on-time", new("依申请公开按期答复", "Disclosure requests answered on time"),
                requests.ToDictionary(r => r.Key, r => (decimal)r.Value.Count(x => x.AnsweredOn is { } on && on <= clock.DueOn(x).Date))),
        ];
    }
}
