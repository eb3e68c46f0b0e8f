using Marten;
using Marten.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Modular.Host.Identity;
using Modular.Host.Identity.Sessions;
using Modular.Host.Townships;

namespace Modular.Host.Caching;

/// <summary>
/// The one way to say "this changed" so that every instance's caches forget it: a PostgreSQL notification on
/// <see cref="Channel"/>, heard by each instance's <see cref="CacheInvalidationListener"/>. <see cref="Announce"/> queues
/// the notification in the session that makes the change, so it is sent when (and only if) that transaction commits
/// (<c>pg_notify</c> is transactional), and this instance forgets at once after the commit. Each cache keeps its own
/// lifetime as the net for a notification lost to a crash between commit and delivery. With a read replica, a change
/// that lag-tolerant reads refill (<see cref="CacheChange.RefilledFromReplica"/>) first tells the replica the primary's
/// WAL position after the commit, so the refill reads the primary until the standby has replayed it.
/// </summary>
internal sealed class CacheInvalidation(
    IDocumentStore store,
    IMemoryCache memory,
    IOutputCacheStore pages,
    TownshipDirectory townships,
    UserDirectory users,
    SessionRegistry sessions,
    Storage.ReadReplica replica,
    ILogger<CacheInvalidation> log)
{
    public const string Channel = "modular_cache";

    /// <summary>Sends <paramref name="change"/> with <paramref name="session"/>'s commit; nothing is announced if it rolls back.</summary>
    public void Announce(IDocumentSession session, CacheChange change)
    {
        Queue(session, change);
        session.Listeners.Add(new EvictAfterCommit(this, change));
    }

    /// <summary>
    /// For a change already committed (a module that has saved, then empties its public pages): forgets here at once,
    /// then tells the others. If the database cannot be reached the others are not told, but their listener has lost
    /// its connection too and forgets everything when it is back.
    /// </summary>
    public async Task AnnounceAsync(CacheChange change, CancellationToken cancellationToken)
    {
        await AfterCommitAsync(change, replicaFollows: true, cancellationToken);
        try
        {
            await using var session = store.LightweightSession();
            Queue(session, change);
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (Operations.DatabaseOutage.IsUnavailable(error))
        {
            log.LogWarning("Could not announce the cache change {Kind} of {Township}: the database is unavailable", change.Kind, change.Township);
        }
    }

    /// <summary>
    /// The committing node's part once <paramref name="change"/> is committed: the replica told how far the primary is
    /// (one statement, only with a replica, only for a change a lag-tolerant read refills and only for a commit in the
    /// platform database, <paramref name="replicaFollows"/>, whose standby the replica is: lag-tolerant reads of a
    /// township on a township database read that database), then this node forgets.
    /// </summary>
    private async Task AfterCommitAsync(CacheChange change, bool replicaFollows, CancellationToken cancellationToken)
    {
        if (replica.Freshness is { } freshness && change.RefilledFromReplica && replicaFollows)
        {
            try
            {
                await using var connection = store.Storage.Database.CreateConnection();
                await connection.OpenAsync(cancellationToken);
                freshness.Require(await Storage.ReplicaFreshness.PrimaryPositionAsync(connection, cancellationToken));
            }
            catch (Exception error) when (Operations.DatabaseOutage.IsUnavailable(error))
            {
                // The listener has lost the database too, and requires the primary's position when it is back.
                log.LogWarning("Could not read the primary's WAL position for the cache change {Kind} of {Township}", change.Kind, change.Township);
            }
        }

        await EvictLocalAsync(change, cancellationToken);
    }

    /// <summary>Whether <paramref name="database"/> is the platform database (always, with one database).</summary>
    private bool InPlatformDatabase(Marten.Storage.IMartenDatabase database) =>
        store.Options.Tenancy is not Storage.Databases.TownshipTenancy tenancy || ReferenceEquals(database, tenancy.Default.Database);

    /// <summary>Forgets what <paramref name="change"/> names in this instance's caches.</summary>
    public async ValueTask EvictLocalAsync(CacheChange change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case { Kind: CacheChange.TownshipKind, Township: { } slug }:
                townships.Evict(slug);
                (store.Options.Tenancy as Storage.Databases.TownshipTenancy)?.Forget(slug); // a move switches its database
                break;
            case { Kind: CacheChange.UserKind, Key: { } userName }:
                users.Evict(userName);
                break;
            case { Kind: CacheChange.SessionKind, Key: { } id }:
                sessions.Evict([id]);
                break;
            case { Kind: CacheChange.PublicPagesKind, Township: { } township }:
                await pages.EvictByTagAsync(Portal.PublicPagesPolicy.Tag(township), cancellationToken);
                break;
            case { Kind: CacheChange.TownshipCacheKind, Township: { } township, Key: { } key }:
                memory.Remove(TownshipCache.EntryKey(township, key));
                break;
            default:
                // "all", or a kind this version does not know (a newer instance sent it): forgetting everything is safe.
                await ClearLocalAsync(cancellationToken);
                break;
        }
    }

    /// <summary>Forgets everything this instance caches: after notifications may have been missed.</summary>
    public async ValueTask ClearLocalAsync(CancellationToken cancellationToken)
    {
        if (memory is MemoryCache concrete)
        {
            concrete.Clear();
        }

        (store.Options.Tenancy as Storage.Databases.TownshipTenancy)?.ForgetAll();

        await pages.EvictByTagAsync(Portal.PublicPagesPolicy.AllTag, cancellationToken);
    }

    /// <summary>
    /// A NOTIFY statement, not <c>select pg_notify(…)</c>: a statement in Marten's batch must not return rows, or the
    /// rows the batch's own operations return are read out of step. NOTIFY takes no parameters, so the payload is a
    /// literal: JSON as <see cref="System.Text.Json"/> writes it is ASCII with every quote and control character
    /// escaped, and single quotes are doubled all the same; the placeholder is a control character, never in it.
    /// </summary>
    private static void Queue(IDocumentSession session, CacheChange change) =>
        session.QueueSqlCommand('\u0001', $"NOTIFY {Channel}, '{change.ToPayload().Replace("'", "''", StringComparison.Ordinal)}'");

    private sealed class EvictAfterCommit(CacheInvalidation caches, CacheChange change) : DocumentSessionListenerBase
    {
        public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) =>
            await caches.AfterCommitAsync(change, caches.InPlatformDatabase(session.Database), token);
    }
}
