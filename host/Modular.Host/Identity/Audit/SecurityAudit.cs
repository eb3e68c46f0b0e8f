using Marten;
using Microsoft.Extensions.Options;
using Modular.Contracts.Townships;

namespace Modular.Host.Identity.Audit;

public sealed record AuditQuery(string? User = null, string? Event = null, DateOnly? From = null, DateOnly? To = null, int Take = 100);

public sealed record AuditView(DateTimeOffset At, string UserName, string? Target, string Address, string Event, string Outcome, string? Detail);

/// <summary>Writes and reads the platform audit trail, kept in the platform's (default) tenant.</summary>
internal sealed class SecurityAudit(IDocumentStore store, IHttpContextAccessor http, ICurrentUser user, TimeProvider time)
{
    public const int MaxTake = 500;

    /// <summary>An entry for the current request, added to <paramref name="session"/> so it commits with the change it reports.</summary>
    public AuditEntry Add(IDocumentSession session, string @event, string outcome, string? detail = null, string? userName = null, string? target = null)
    {
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            At = time.GetUtcNow(),
            UserName = Bound(userName ?? user.UserName, 64),
            Target = target,
            Address = ClientAddress.Of(http.HttpContext),
            Event = @event,
            Outcome = outcome,
            Detail = detail is null ? null : Bound(detail, 500),
        };
        session.Insert(entry);
        return entry;
    }

    /// <summary>An entry on its own, for events that change nothing else (a refused sign-in, an export).</summary>
    public async Task RecordAsync(string @event, string outcome, string? detail = null, string? userName = null, string? target = null, CancellationToken cancellationToken = default)
    {
        await using var session = store.LightweightSession();
        Add(session, @event, outcome, detail, userName, target);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first; the period is in Beijing time, both days included.</summary>
    public async Task<IReadOnlyList<AuditView>> FindAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var entries = session.Query<AuditEntry>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var name = query.User.Trim();
            entries = entries.Where(e => e.UserName == name || e.Target == name);
        }

        if (!string.IsNullOrWhiteSpace(query.Event))
        {
            var name = query.Event.Trim();
            entries = entries.Where(e => e.Event == name);
        }

        if (query.From is { } from)
        {
            var start = StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        var found = await entries.OrderByDescending(e => e.At).Take(Math.Clamp(query.Take, 1, MaxTake)).ToListAsync(cancellationToken);
        return [.. found.Select(e => new AuditView(e.At, e.UserName, e.Target, e.Address, e.Event, e.Outcome, e.Detail))];
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Modular.Kit.TownshipTime.Zone.GetUtcOffset(local));
    }

    private static string Bound(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// Deletes audit entries older than the retention period, and sign-in failure counts long quiet, a minute after start-up
/// and then every six hours.
/// </summary>
internal sealed class AuditRetention(IDocumentStore store, SignIn.SignInLocks locks, IOptions<SecurityOptions> options, TimeProvider time, ILogger<AuditRetention> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(Math.Max(180, options.Value.AuditRetentionDays));
        await using var session = store.LightweightSession();
        var old = await session.Query<AuditEntry>().CountAsync(e => e.At < cutoff, cancellationToken);
        session.DeleteWhere<AuditEntry>(e => e.At < cutoff);
        session.DeleteWhere<Sessions.UserSession>(s => s.SignedInAt < cutoff);
        await session.SaveChangesAsync(cancellationToken);
        await locks.ForgetStaleAsync(cancellationToken);
        return old;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not at the very start: the schema is being applied and the host has better things to do.
        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                if (await PurgeAsync(stoppingToken) is > 0 and var purged)
                {
                    log.LogInformation("Purged {Count} audit entries older than the retention period", purged);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database may be down for a while; the next round tries again.
                log.LogWarning(error, "The audit trail purge failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>The caller's address as the connection (or a trusted proxy, through forwarded headers) gives it.</summary>
internal static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext? http) =>
        http?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : Unknown;
}
