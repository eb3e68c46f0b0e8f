using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Modular.Host.Caching;

/// <summary>
/// Listens on <see cref="CacheInvalidation.Channel"/> in every database this instance serves (the platform database and
/// each configured township database, whose sessions queue their notifications in that database's transactions), one
/// connection of its own per database, and makes this instance forget what other instances (and this one) announce.
/// When a connection is lost (a database restart, a network cut, a terminated backend) it reconnects with back-off, and
/// on every (re)connection forgets everything, since whatever was announced there meanwhile was missed. The host starts
/// serving once every first LISTEN is in place (or after <see cref="FirstListenWait"/>). With a read replica (the
/// platform database's standby), the platform database's WAL position is read on its connection before the caches
/// forget (once per batch of notifications, and on every (re)connection), so what lag-tolerant reads refill comes from
/// the primary until the standby has replayed the change (<see cref="Storage.ReplicaFreshness"/>). A township
/// database's notifications need no position: lag-tolerant reads of its townships go to their own database, never to
/// the replica (<see cref="Storage.ReadReplica.DatabaseFor"/>), and its WAL positions are not the standby's.
/// </summary>
internal sealed class CacheInvalidationListener(
    IConfiguration configuration,
    IOptions<Hosting.ModularOptions> options,
    CacheInvalidation caches,
    Storage.ReadReplica replica,
    ILogger<CacheInvalidationListener> log)
    : BackgroundService, IHealthCheck
{
    /// <summary>The platform database's listening connection's <c>application_name</c>; a township database's adds <c>-</c> and its id.</summary>
    public const string ApplicationName = "modular-cache-listener";

    private static readonly TimeSpan FirstListenWait = TimeSpan.FromSeconds(15);

    /// <summary>How long a connection may stay quiet before it is asked whether it is still alive.</summary>
    private static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private IReadOnlyList<DatabaseChannel>? _databases;

    /// <summary>The databases listened to: the platform database first, then the township databases by id.</summary>
    private IReadOnlyList<DatabaseChannel> Databases => LazyInitializer.EnsureInitialized(ref _databases, () =>
    {
        var databases = new List<DatabaseChannel> { new(Storage.Databases.TownshipTenancy.PlatformDatabase, configuration.GetConnectionString("Modular")!, ApplicationName, true) };
        foreach (var (id, database) in Storage.Databases.PlacementRule.Validate(options.Value.Databases).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            databases.Add(new(id, database.ConnectionString!, $"{ApplicationName}-{id}", false));
        }

        return databases;
    });

    /// <summary>How many times the listener has (re)connected, over every database: one per database after start, one more after each outage.</summary>
    public int Connections => Databases.Sum(d => d.Connections);

    /// <summary>Whether every database's LISTEN is in place.</summary>
    public bool Listening => Databases.All(d => d.Listening);

    /// <summary>How many times the listener has (re)connected to <paramref name="database"/> (<c>platform</c> or a township database's id).</summary>
    public int ConnectionsTo(string database) => Databases.Single(d => d.Id == database).Connections;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(Task.WhenAll(Databases.Select(d => d.FirstListen.Task)), Task.Delay(FirstListenWait, cancellationToken));
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = Databases.ToDictionary(d => d.Id, d => (object)(d.Listening ? "listening" : "not listening"), StringComparer.Ordinal);
        var away = Databases.Where(d => !d.Listening).Select(d => d.Id).ToList();
        return Task.FromResult(away.Count == 0
            ? HealthCheckResult.Healthy($"listening for cache changes on {string.Join(", ", data.Keys)}", data)
            : HealthCheckResult.Unhealthy($"not listening for cache changes on {string.Join(", ", away)}: this instance may serve stale lookups", data: data));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken) =>
        await Task.WhenAll(Databases.Select(d => Task.Run(() => KeepListeningAsync(d, stoppingToken), CancellationToken.None)));

    private async Task KeepListeningAsync(DatabaseChannel database, CancellationToken stoppingToken)
    {
        // Real time, not the platform's TimeProvider: this is plumbing, and a test's clock stands still.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(database, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                if (!database.Lost)
                {
                    log.LogWarning(error, "Lost the cache-invalidation channel of the {Database} database; reconnecting", database.Id);
                }

                database.Listening = false;
                database.Lost = true;
                try
                {
                    await Task.Delay(database.RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                database.RetryDelay = TimeSpan.FromTicks(Math.Min(database.RetryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(DatabaseChannel database, CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // A connection of its own for the instance's lifetime: never one of the pool's, which a request could hold.
            Pooling = false,
            ApplicationName = database.ApplicationName,
        };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Notification += (_, e) => database.Received.Enqueue(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {CacheInvalidation.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Listening from here on; anything announced before (while away, or before this instance started) is unknown.
        database.Received.Clear();
        await RequirePrimaryPositionAsync(database, connection, stoppingToken);
        await caches.ClearLocalAsync(stoppingToken);
        database.Connections++;
        database.Listening = true;
        database.FirstListen.TrySetResult();
        database.RetryDelay = FirstRetryDelay;
        if (database.Lost)
        {
            database.Lost = false;
            log.LogInformation("Listening for cache changes in the {Database} database again; this instance's caches were emptied", database.Id);
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
            while (database.Received.TryDequeue(out var payload))
            {
                changes.Add(CacheChange.FromPayload(payload));
            }

            if (changes.Any(c => c.RefilledFromReplica))
            {
                // Heard after the commits: the position read now is at or past each of them.
                await RequirePrimaryPositionAsync(database, connection, stoppingToken);
            }

            foreach (var change in changes)
            {
                await caches.EvictLocalAsync(change, stoppingToken);
            }
        }
    }

    /// <summary>The position of the database that notified, and only the platform database's: the replica is its standby.</summary>
    private async Task RequirePrimaryPositionAsync(DatabaseChannel database, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (database.ReplicaFollows && replica.Freshness is { } freshness)
        {
            freshness.Require(await Storage.ReplicaFreshness.PrimaryPositionAsync(connection, cancellationToken));
        }
    }

    /// <summary>One database's channel: its connection's state, written by its own loop only.</summary>
    private sealed class DatabaseChannel(string id, string connectionString, string applicationName, bool replicaFollows)
    {
        private bool _listening;
        private int _connections;

        public string Id { get; } = id;

        public string ConnectionString { get; } = connectionString;

        public string ApplicationName { get; } = applicationName;

        /// <summary>Whether the read replica is this database's standby (the platform database's).</summary>
        public bool ReplicaFollows { get; } = replicaFollows;

        public TaskCompletionSource FirstListen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Received { get; } = new();

        public bool Listening
        {
            get => Volatile.Read(ref _listening);
            set => Volatile.Write(ref _listening, value);
        }

        public bool Lost { get; set; }

        public TimeSpan RetryDelay { get; set; } = FirstRetryDelay;

        public int Connections
        {
            get => Volatile.Read(ref _connections);
            set => Volatile.Write(ref _connections, value);
        }
    }
}
