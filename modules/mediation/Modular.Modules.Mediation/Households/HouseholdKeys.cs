using Marten;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Households;

/// <summary>
/// The keys the ledger's records hold, for the host's start-up backfill: every household's 户号 (closed ones keep
/// theirs) and the ID numbers of the members of open households, as the ledger's own steps claim them.
/// </summary>
internal sealed class HouseholdKeys(IQuerySession session) : IHeldKeys
{
    public async Task<IReadOnlyList<HeldKey>> HeldAsync(CancellationToken cancellationToken)
    {
        var households = await session.Query<Household>().ToListAsync(cancellationToken);
        return
        [
            .. households.Select(h => new HeldKey(HouseholdNumbers.NumberKey(h.Number), h.Id.ToString())),
            .. households.Where(h => !h.IsClosed).SelectMany(h => h.Members)
                .Select(m => new HeldKey(HouseholdNumbers.IdNumberKey(m.IdNumber), m.Id.ToString())),
        ];
    }
}
