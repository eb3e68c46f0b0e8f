using Marten;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;

namespace Modular.Modules.Mediation.Households;

/// <summary>A household as another area links to it: no personal data beyond the head's name.</summary>
internal sealed record HouseholdSummary(Guid Id, string Number, string Village, string HeadName, IReadOnlyList<SpecialGroup> SpecialGroups, int Members);

/// <summary>
/// The ledger as the disputes area sees it, to link a dispute to the households of its parties and to know at once
/// whether a special group is involved.
/// </summary>
internal sealed class HouseholdDirectory(IQuerySession session)
{
    /// <summary>The households among <paramref name="ids"/> on this township's ledger, closed ones included (a link outlives a move).</summary>
    public async Task<IReadOnlyList<HouseholdSummary>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var households = await session.LoadManyAsync<Household>(ct, ids.Distinct());
        return [.. households.OrderBy(h => h.Number, StringComparer.Ordinal).Select(Summary)];
    }

    /// <summary>Open households of <paramref name="village"/> (any when empty) whose 户号 or head's name contains <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<HouseholdSummary>> FindAsync(string? village, string? text, int take, CancellationToken ct)
    {
        var query = session.Query<Household>().Where(h => !h.IsClosed);
        if (!string.IsNullOrWhiteSpace(village))
        {
            var v = village.Trim();
            query = query.Where(h => h.Village == v);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(h => h.Number.Contains(t) || h.HeadName.Contains(t));
        }

        var households = await query.OrderBy(h => h.Number).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return [.. households.Select(Summary)];
    }

    private static HouseholdSummary Summary(Household h) => new(h.Id, h.Number, h.Village, h.HeadName, h.SpecialGroups, h.Members.Count);
}
