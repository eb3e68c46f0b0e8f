using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Modular.Host.Caching;

/// <summary>
/// Listens on <see cref="CacheInvalidation.Channel"/> on a connection of its own and makes this instance forget what
/// other instances (and this one) announce. When the connection is lost (a database restart, a network cut) it
/// reconnects, and on every (re)connection forgets everything, since whatever was announced meanwhile was missed.
/// The host starts serving once the first LISTEN is in place (or after <see cref="FirstListenWait"/>). With a read
/// replica, the primary's WAL position is read on this connection before the caches forget (once per batch of
/// notifications, and on every (re)connection), so what lag-tolerant reads refill comes from the primary until the
/// standby has replayed the change (<see cref="Storage.ReplicaFreshness"/>).
/// </summary>
internal sealed class CacheInvalidationListener(IConfiguration configuration, CacheInvalidation caches, Storage.ReadReplica replica, ILogger<CacheInvalidationListener> log)
    : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan FirstListenWait = TimeSpan.FromSeconds(15);

    /// <summary>How long the connection may stay quiet before it is asked whether it is still alive.</summary>
    private static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _received = new();
    private volatile bool _listening;
    private bool _lost;
    private TimeSpan _retryDelay = FirstRetryDelay;

    /// <summary>How many times the listener has (re)connected: 1 after start, one more after each outage.</summary>
    public int Connections { get; private set; }

    public bool Listening => _listening;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(_firstListen.Task, Task.Delay(FirstListenWait, cancellationToken));
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_listening
            ? HealthCheckResult.Healthy("listening for cache changes")
            : HealthCheckResult.Unhealthy("not listening for cache changes: this instance may serve stale lookups"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the platform's TimeProvider: this is plumbing, and a test's clock stands still.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                if (!_lost)
                {
                    log.LogWarning(error, "Lost the cache-invalidation channel; reconnecting");
                }

                _listening = false;
                _lost = true;
                try
                {
                    await Task.Delay(_retryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Modular"))
        {
            // A connection of its own for the instance's lifetime: never one of the pool's, which a request could hold.
            Pooling = false,
            ApplicationName = "modular-cache-listener",
        };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Notification += (_, e) => _received.Enqueue(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {CacheInvalidation.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Listening from here on; anything announced before (while away, or before this instance started) is unknown.
        _received.Clear();
        await RequirePrimaryPositionAsync(connection, stoppingToken);
        await caches.ClearLocalAsync(stoppingToken);
        Connections++;
        _listening = true;
        _firstListen.TrySetResult();
        _retryDelay = FirstRetryDelay;
        if (_lost)
        {
            _lost = false;
            log.LogInformation("Listening for cache changes again; this instance's caches were emptied");
        }

        while (true)
        {
            if (!await connection.WaitAsync(ProbeAfter, stoppingToken))
            {
                // Quiet for a while: make sure the connection is still there (a cut may not close it).
                await using var probe = new NpgsqlCommand("select 1", connection);
                await probe.ExecuteScalarAsync(stoppingToken);
            }

            var changes = new List<CacheChange>();
            while (_received.TryDequeue(out var payload))
            {
                changes.Add(CacheChange.FromPayload(payload));
            }

            if (changes.Any(c => c.RefilledFromReplica))
            {
                // Heard after the commits: the position read now is at or past each of them.
                await RequirePrimaryPositionAsync(connection, stoppingToken);
            }

            foreach (var change in changes)
            {
                await caches.EvictLocalAsync(change, stoppingToken);
            }
        }
    }

    private async Task RequirePrimaryPositionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (replica.Freshness is { } freshness)
        {
            freshness.Require(await Storage.ReplicaFreshness.PrimaryPositionAsync(connection, cancellationToken));
        }
    }
}
