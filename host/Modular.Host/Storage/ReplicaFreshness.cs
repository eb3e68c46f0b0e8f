using Npgsql;
using NpgsqlTypes;

namespace Modular.Host.Storage;

/// <summary>
/// Whether the standby has replayed every change this node's caches were told about, so that a lag-tolerant read which
/// refills a cache from it cannot put back what the change replaced. A change that empties a cache a lag-tolerant read
/// refills (<see cref="Caching.CacheChange.RefilledFromReplica"/>) raises <see cref="Required"/> to the primary's WAL
/// insert position read after its commit: on the committing node after the commit, on every other node when its
/// listener hears the notification (which PostgreSQL delivers only after the commit). Until the standby's
/// <c>pg_last_wal_replay_lsn()</c> has reached it, lag-tolerant reads go to the primary. The common case (nothing
/// announced since the standby last caught up) costs two reads of a field per session and no round trip; while it is
/// behind, a request starts at most one check of the standby every <see cref="CheckInterval"/>, in the background,
/// and itself reads the primary.
/// </summary>
internal sealed class ReplicaFreshness(Func<CancellationToken, Task<NpgsqlLogSequenceNumber?>> readReplayed)
{
    /// <summary>How often, at most, the standby is asked how far it has replayed while it is behind.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    private long _required;
    private long _replayed;
    private long _checkedAt;
    private int _checking;
    private long _fromReplica;
    private long _onPrimary;

    /// <summary>The highest primary WAL position this node was told a cache change reached.</summary>
    public NpgsqlLogSequenceNumber Required => new(unchecked((ulong)Volatile.Read(ref _required)));

    /// <summary>The standby's replay position when it was last asked (0/0 before the first answer).</summary>
    public NpgsqlLogSequenceNumber Replayed => new(unchecked((ulong)Volatile.Read(ref _replayed)));

    /// <summary>Lag-tolerant sessions opened on the replica's connections.</summary>
    public long ReadsFromReplica => Interlocked.Read(ref _fromReplica);

    /// <summary>Lag-tolerant sessions sent to the primary because the standby had not replayed an announced change.</summary>
    public long ReadsOnPrimaryUntilReplayed => Interlocked.Read(ref _onPrimary);

    /// <summary>Raises <see cref="Required"/> to <paramref name="position"/> (never lowers it).</summary>
    public void Require(NpgsqlLogSequenceNumber position)
    {
        var wanted = unchecked((long)(ulong)position);
        var seen = Volatile.Read(ref _required);
        while ((ulong)wanted > (ulong)seen)
        {
            var before = Interlocked.CompareExchange(ref _required, wanted, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }

    /// <summary>Whether a lag-tolerant read may go to the standby now; counted either way.</summary>
    public bool StandbyCaughtUp()
    {
        if ((ulong)Volatile.Read(ref _required) <= (ulong)Volatile.Read(ref _replayed))
        {
            Interlocked.Increment(ref _fromReplica);
            return true;
        }

        Interlocked.Increment(ref _onPrimary);
        CheckSoon();
        return false;
    }

    /// <summary>The primary's WAL insert position: after a commit, at or past that commit's record.</summary>
    public static async Task<NpgsqlLogSequenceNumber> PrimaryPositionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // The insert position, not pg_current_wal_lsn() (the write position): with synchronous_commit off a commit can
        // return (and its notification be delivered) before its record is written, and the write position lags it.
        await using var command = new NpgsqlCommand("select pg_current_wal_insert_lsn()", connection);
        return (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private void CheckSoon()
    {
        if (Environment.TickCount64 - Volatile.Read(ref _checkedAt) < (long)CheckInterval.TotalMilliseconds
            || Interlocked.CompareExchange(ref _checking, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(CheckAsync);
    }

    private async Task CheckAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(CheckTimeout);
            if (await readReplayed(timeout.Token) is { } replayed)
            {
                // The latest answer, not the highest: a standby that took another's place may be further behind.
                Volatile.Write(ref _replayed, unchecked((long)(ulong)replayed));
            }
        }
        catch (Exception)
        {
            // No standby answers: reads keep going to the primary, and the health check says why.
        }
        finally
        {
            Volatile.Write(ref _checkedAt, Environment.TickCount64);
            Volatile.Write(ref _checking, 0);
        }
    }
}
