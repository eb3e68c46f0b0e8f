using Marten;
using Marten.Patching;
using Microsoft.Extensions.Options;

namespace Modular.Host.Identity.SignIn;

/// <summary>
/// Wrong passwords in a row for one account name from one address, and the lock they earned. Kept per pair, not per
/// account, so someone guessing from elsewhere never locks the real user out; kept for names that exist and names that
/// do not alike, so a lock says nothing about whether an account exists.
/// </summary>
public sealed class SignInLock
{
    /// <summary><c>name|address</c>, the name in lower case.</summary>
    public string Id { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Address { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>How many runs of failures have earned a lock so far: the next lock is earned when the count reaches one run more.</summary>
    public int LockedRuns { get; set; }

    public static string IdFor(string userName, string address) => $"{Normalize(userName)}|{address}";

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();
}

public sealed record LockView(string Address, int Failures, DateTimeOffset LockedUntil);

/// <summary>
/// Counts failures per account-and-address and locks progressively: the first <see cref="SecurityOptions.LockoutThreshold"/>
/// failures lock the pair for <see cref="SecurityOptions.LockoutMinutes"/>, each further run of as many doubles it.
/// Only failing attempts write here; a successful sign-in deletes its pair's row and never waits on anyone.
/// The rows are in PostgreSQL, so every instance counts into the same row; a pair quiet for <see cref="ForgetAfter"/>
/// (no failure, no lock still running) is deleted by <see cref="ForgetStaleAsync"/>.
/// </summary>
internal sealed class SignInLocks(IDocumentStore store, IOptions<SecurityOptions> options, TimeProvider time)
{
    public async Task<DateTimeOffset?> LockedUntilAsync(string userName, string address, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var found = await session.LoadAsync<SignInLock>(SignInLock.IdFor(userName, address), cancellationToken);
        return found?.LockedUntil is { } until && until > time.GetUtcNow() ? until : null;
    }

    /// <summary>Counts one more failure; returns the lock's end when this failure earned one.</summary>
    public async Task<DateTimeOffset?> FailAsync(string userName, string address, CancellationToken cancellationToken)
    {
        var id = SignInLock.IdFor(userName, address);
        var now = time.GetUtcNow();
        try
        {
            await using var insert = store.LightweightSession();
            insert.Insert(new SignInLock { Id = id, UserName = SignInLock.Normalize(userName), Address = address, Failures = 1, LastFailureAt = now });
            await insert.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            // Atomic in the database: simultaneous failures from one pair each count, none is lost.
            await using var increment = store.LightweightSession();
            increment.Patch<SignInLock>(id).Increment(l => l.Failures);
            increment.Patch<SignInLock>(id).Set(l => l.LastFailureAt, now);
            await increment.SaveChangesAsync(cancellationToken);
        }

        await using var session = store.LightweightSession();
        var current = await session.LoadAsync<SignInLock>(id, cancellationToken);
        var threshold = Math.Max(1, options.Value.LockoutThreshold);
        // Not "this failure is a multiple of the threshold": failures counted at the same moment (on one instance or
        // several) can each read a count past it, and none would lock. Whoever reads a count that earns a run not yet
        // locked locks it; the patch's condition keeps a slower one from writing an earlier run over a later.
        var run = current is null ? 0 : current.Failures / threshold;
        if (current is null || run <= current.LockedRuns)
        {
            return null;
        }

        var until = now + LockFor(run);
        session.Patch<SignInLock>(l => l.Id == id && l.LockedRuns < run).Set(l => l.LockedUntil, until);
        session.Patch<SignInLock>(l => l.Id == id && l.LockedRuns < run).Set(l => l.LockedRuns, run);
        await session.SaveChangesAsync(cancellationToken);
        return until;
    }

    /// <summary>The lock for the <paramref name="run"/>-th run of failures: 15, 30, 60 … minutes, capped.</summary>
    public TimeSpan LockFor(int run)
    {
        var minutes = Math.Max(1, options.Value.LockoutMinutes) * Math.Pow(2, Math.Min(run - 1, 20));
        return TimeSpan.FromMinutes(Math.Min(minutes, Math.Max(options.Value.LockoutMinutes, options.Value.MaximumLockoutMinutes)));
    }

    /// <summary>How long a pair is remembered after its last failure or the end of its lock: its back-off then starts again.</summary>
    public TimeSpan ForgetAfter => TimeSpan.FromMinutes(Math.Max(1440, options.Value.MaximumLockoutMinutes));

    /// <summary>Deletes the pairs quiet for <see cref="ForgetAfter"/>, so guesses from ever new addresses do not pile up.</summary>
    public async Task<int> ForgetStaleAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - ForgetAfter;
        await using var session = store.LightweightSession();
        var stale = await session.Query<SignInLock>().CountAsync(l => l.LastFailureAt < before && (l.LockedUntil == null || l.LockedUntil < before), cancellationToken);
        session.DeleteWhere<SignInLock>(l => l.LastFailureAt < before && (l.LockedUntil == null || l.LockedUntil < before));
        await session.SaveChangesAsync(cancellationToken);
        return stale;
    }

    public async Task ClearAsync(string userName, string address, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<SignInLock>(SignInLock.IdFor(userName, address));
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The platform admin's unlock: every address's lock and count for the account.</summary>
    public async Task<int> UnlockAsync(string userName, CancellationToken cancellationToken)
    {
        var name = SignInLock.Normalize(userName);
        await using var session = store.LightweightSession();
        var count = await session.Query<SignInLock>().CountAsync(l => l.UserName == name, cancellationToken);
        session.DeleteWhere<SignInLock>(l => l.UserName == name);
        await session.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>Accounts locked now, from how many addresses each, for the users page and API.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LockView>>> ActiveAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = store.QuerySession();
        var locks = await session.Query<SignInLock>().Where(l => l.LockedUntil > now).ToListAsync(cancellationToken);
        return locks.GroupBy(l => l.UserName).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<LockView>)[.. g.Select(l => new LockView(l.Address, l.Failures, l.LockedUntil!.Value))]);
    }
}
