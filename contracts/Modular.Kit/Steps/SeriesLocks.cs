using System.Security.Cryptography;
using System.Text;
using Marten;

namespace Modular.Kit.Steps;

/// <summary>
/// The lock a unit of work holds on a township's series of record numbers from the moment it reads the counter until
/// it commits: a PostgreSQL transaction-scoped advisory lock, taken in the session's own transaction. Registrations on
/// one series then wait for each other (a few milliseconds each) instead of reading the same counter, racing and
/// drawing again: with 16 clerks on one township the versioned counter alone lost about one race in ten even after 8
/// retries, and the clerk was told "someone else changed this".
/// </summary>
/// <remarks>
/// Why a lock in the saving transaction, not a PostgreSQL sequence: a registry's numbers are gap-free (2020-0001,
/// 2020-0002… with none missing, as a paper register is kept and inspected), and a sequence hands out numbers outside
/// the transaction, so every refused or failed save would leave a hole. Under the lock the counter is read, counted on
/// and stored in the transaction that saves the record; a save that fails rolls the number back with it.
/// Why an advisory lock, not <c>SELECT … FOR UPDATE</c> on the counter's row: the first number of a year has no row to
/// lock yet (two registrations would both insert it), and the lock needs no knowledge of Marten's table layout.
/// The lock is per counter type and township, not per year or key, so a unit of work that draws numbers of several
/// years (an import) takes one lock and cannot deadlock with another. The two-integer form keeps the kit's locks apart
/// from Marten's own (the one-bigint form). The versioned counter stays as the net under it: a writer that does not
/// lock (an integration-event handler numbering in the relay's unit of work) still cannot take a number twice.
/// </remarks>
internal static class SeriesLocks
{
    // "KIT#" in ASCII: the class of every series lock, so pg_locks shows them as the kit's.
    private const int LockClass = 0x4B495423;

    /// <summary>
    /// Starts the session's transaction, if it has none, and waits for the series of <typeparamref name="TCounter"/> in
    /// the session's township; held until the session commits or rolls back.
    /// </summary>
    public static async Task HoldAsync<TCounter>(IDocumentSession session, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?, ?)", ct, LockClass, LockOf(typeof(TCounter), session.TenantId));
    }

    /// <summary>The series' lock number: a hash of the counter's type and the township (a collision only makes two series wait for each other).</summary>
    internal static int LockOf(Type counter, string tenantId) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{counter.FullName}|{tenantId}")), 0);
}
