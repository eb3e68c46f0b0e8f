using Marten;

namespace Modular.Kit.Steps;

/// <summary>A key an existing record holds, and who holds it (the record's or member's id).</summary>
public sealed record HeldKey(UniqueKey Key, string Holder);

/// <summary>
/// The keys a module's records hold in the current township, so that records saved before their keys were claimed get
/// their claims. Register it among the module's services like an extension point: at start-up the host asks it in
/// every township where the module is enabled and claims what is missing (<see cref="ClaimBackfill"/>).
/// </summary>
public interface IHeldKeys
{
    Task<IReadOnlyList<HeldKey>> HeldAsync(CancellationToken cancellationToken);
}

/// <summary>A key held by more than one holder: left as it is for a person to settle, and reported.</summary>
public sealed record KeyConflict(string Scope, string KeyId, IReadOnlyList<string> Holders);

/// <summary>What a backfill did in one township: claims inserted, and the conflicts it found.</summary>
public sealed record BackfillOutcome(int Claimed, IReadOnlyList<KeyConflict> Conflicts);

/// <summary>
/// Claims the keys of records that hold them without a claim (saved before the claims existed), in the session's
/// township. Idempotent: a key already claimed is left alone, so it can run at every start. A key that two records
/// hold (a duplicate from before the claims) is a conflict: the first holder gets the claim, so no third record can
/// join them, and the conflict is reported rather than thrown, since a start-up must not fail on old data.
/// </summary>
public static class ClaimBackfill
{
    private const int Batch = 500;

    public static async Task<BackfillOutcome> RunAsync(IDocumentSession session, IReadOnlyList<HeldKey> held, CancellationToken ct)
    {
        var byKey = held.GroupBy(h => h.Key.Id, StringComparer.Ordinal).ToList();
        var claims = new Dictionary<string, UniqueKeyClaim>(StringComparer.Ordinal);
        foreach (var ids in byKey.Select(g => g.Key).Chunk(Batch))
        {
            foreach (var claim in await session.LoadManyAsync<UniqueKeyClaim>(ct, ids))
            {
                claims[claim.Id] = claim;
            }
        }

        var conflicts = new List<KeyConflict>();
        var missing = new List<HeldKey>();
        foreach (var group in byKey)
        {
            var holders = group.Select(h => h.Holder).Distinct(StringComparer.Ordinal).ToList();
            if (claims.TryGetValue(group.Key, out var claim) && !holders.Contains(claim.Holder, StringComparer.Ordinal))
            {
                holders.Insert(0, claim.Holder);
            }

            if (holders.Count > 1)
            {
                conflicts.Add(new KeyConflict(group.First().Key.Scope, group.Key, holders));
            }

            if (claim is null)
            {
                missing.Add(group.First());
            }
        }

        var claimed = 0;
        foreach (var batch in missing.Chunk(Batch))
        {
            claimed += await ClaimAsync(session, batch, ct);
        }

        return new BackfillOutcome(claimed, conflicts);
    }

    // The host may already answer requests: one of them can claim a key of the batch meanwhile. Then the batch goes
    // again one key at a time, leaving the keys taken to their new holders.
    private static async Task<int> ClaimAsync(IDocumentSession session, HeldKey[] batch, CancellationToken ct)
    {
        foreach (var held in batch)
        {
            UniqueKeys.Claim(session, held.Key, held.Holder);
        }

        try
        {
            await session.SaveChangesAsync(ct);
            return batch.Length;
        }
        catch (Exception clash) when (UniqueKeys.IsClash(clash))
        {
            session.EjectAllPendingChanges();
        }

        var claimed = 0;
        foreach (var held in batch)
        {
            UniqueKeys.Claim(session, held.Key, held.Holder);
            try
            {
                await session.SaveChangesAsync(ct);
                claimed++;
            }
            catch (Exception clash) when (UniqueKeys.IsClash(clash))
            {
                session.EjectAllPendingChanges();
            }
        }

        return claimed;
    }
}
