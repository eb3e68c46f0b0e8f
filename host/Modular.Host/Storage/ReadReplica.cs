using Marten;
using Marten.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Modular.Contracts.Storage;
using Npgsql;

namespace Modular.Host.Storage;

/// <summary>
/// The PostgreSQL streaming replica that lag-tolerant reads (<see cref="LagTolerantReadAttribute"/>) go to, when
/// <c>Modular:ReadReplica:ConnectionString</c> names one. Its connections come from one Npgsql multi-host data source
/// over the replica's hosts and then the primary's, with <c>prefer-standby</c>: a standby when one answers, the
/// primary when none does (Npgsql remembers a host that failed for <c>Host Recheck Seconds</c>, 10 s by default, so
/// a replica that is down costs one refused connection per interval, not one per read). Marten reads it as a database
/// of its own (<see cref="DatabaseFor"/>) that no tenancy, migration or daemon knows of: the store, the daemon,
/// sign-in and every write keep the primary's. A lag-tolerant read goes to it only while the standby has replayed every
/// cache change this node was told about (<see cref="ReplicaFreshness"/>), so a cache emptied by a commit is refilled
/// from the primary, never from a standby that has not replayed that commit.
/// </summary>
public sealed class ReadReplica : IHealthCheck, IAsyncDisposable
{
    /// <summary>The connections' <c>application_name</c>: how they show in <c>pg_stat_activity</c> on either server.</summary>
    public const string ApplicationName = "modular-replica-reads";

    private readonly NpgsqlMultiHostDataSource? _source;
    private readonly bool _fallback;
    private readonly ReplicaFreshness? _freshness;
    private MartenDatabase? _database;

    public ReadReplica(string? replicaConnectionString, string primaryConnectionString)
    {
        if (string.IsNullOrWhiteSpace(replicaConnectionString))
        {
            return;
        }

        var replica = new NpgsqlConnectionStringBuilder(replicaConnectionString);
        var primary = new NpgsqlConnectionStringBuilder(primaryConnectionString);
        ReplicaHosts = string.Join(",", Hosts(replica));
        var hosts = Hosts(replica).Concat(Hosts(primary)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _fallback = hosts.Count > Hosts(replica).Count();
        replica.Host = string.Join(",", hosts);
        replica.LoadBalanceHosts = false;
        replica.ApplicationName = ApplicationName;
        replica.Password ??= primary.Password;
        replica.Username ??= primary.Username;
        replica.Database ??= primary.Database;
        _source = new NpgsqlDataSourceBuilder(PreparedStatements.Apply(replica.ConnectionString)).BuildMultiHost();
        _freshness = new ReplicaFreshness(ReplayedAsync);
    }

    public bool Configured => _source is not null;

    /// <summary>Where the standby's replay stands against the changes announced, and how many reads went where.</summary>
    internal ReplicaFreshness? Freshness => _freshness;

    /// <summary>The replica's host:port list as configured (for health and the log), empty when none is.</summary>
    public string ReplicaHosts { get; } = "";

    /// <summary>
    /// The database the query sessions of this request read, when it is a lag-tolerant read (a GET or HEAD to an
    /// endpoint marked <see cref="LagTolerantReadAttribute"/>) and a replica is configured; otherwise null, and the
    /// session reads the primary as always. The primary too while the standby has not replayed a change announced to
    /// this node's caches, and for a township whose data is in another database than the platform's (the replica is the
    /// platform database's standby).
    /// </summary>
    public IMartenDatabase? DatabaseFor(HttpContext? http, IDocumentStore store, string? tenantId)
    {
        if (_source is null || _freshness is null || http is null || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.GetEndpoint()?.Metadata.GetMetadata<LagTolerantReadAttribute>() is null
            || (tenantId is not null && store.Options.Tenancy is Databases.TownshipTenancy tenancy
                && !ReferenceEquals(tenancy.GetTenant(tenantId).Database, tenancy.Default.Database))
            || !_freshness.StandbyCaughtUp())
        {
            return null;
        }

        http.Items[typeof(ReadReplica)] = true;
        return LazyInitializer.EnsureInitialized(ref _database, () =>
            new MartenDatabase((StoreOptions)store.Options, _source.WithTargetSession(TargetSessionAttributes.PreferStandby), "read-replica"));
    }

    /// <summary>Whether this request read through the replica's connections (the standby's, or the primary's in its stead).</summary>
    public bool Served(HttpContext http) => http.Items.ContainsKey(typeof(ReadReplica));

    /// <summary>Drops the idle connections, after one failed: a standby that went away left them all dead.</summary>
    public void Forget() => _source?.Clear();

    /// <summary>
    /// Healthy when no replica is configured or a standby answers (with how long ago it replayed a commit); degraded,
    /// never unhealthy, when none does: the lag-tolerant reads then go to the primary, which serves them right.
    /// </summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_source is null)
        {
            return HealthCheckResult.Healthy("No read replica configured; every read goes to the primary.", new Dictionary<string, object> { ["configured"] = false });
        }

        var data = new Dictionary<string, object> { ["configured"] = true, ["hosts"] = ReplicaHosts, ["fallsBackToPrimary"] = _fallback };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = await _source.OpenConnectionAsync(TargetSessionAttributes.Standby, timeout.Token);
            await using var command = new NpgsqlCommand(
                "select coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)::float8, "
                + "pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn()",
                connection);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            data["standby"] = $"{connection.Host}:{connection.Port}";
            data["secondsSinceLastReplayedCommit"] = Math.Round(reader.GetDouble(0), 1);
            data["replayedAllReceived"] = reader.GetBoolean(1);
            data["replayed"] = _freshness!.Replayed.ToString();
            data["required"] = _freshness.Required.ToString();
            data["readsFromReplica"] = _freshness.ReadsFromReplica;
            data["readsOnPrimaryUntilReplayed"] = _freshness.ReadsOnPrimaryUntilReplayed;
            return HealthCheckResult.Healthy("A standby serves the lag-tolerant reads.", data);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("没有可用的只读副本，可容忍延迟的读取改由主库提供 / no standby answers; lag-tolerant reads go to the primary.", error, data);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
    }

    private async Task<NpgsqlTypes.NpgsqlLogSequenceNumber?> ReplayedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _source!.OpenConnectionAsync(TargetSessionAttributes.Standby, cancellationToken);
        await using var command = new NpgsqlCommand("select pg_last_wal_replay_lsn()", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is NpgsqlTypes.NpgsqlLogSequenceNumber replayed ? replayed : null;
    }

    private static IEnumerable<string> Hosts(NpgsqlConnectionStringBuilder builder) =>
        (builder.Host ?? "127.0.0.1").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('[') ? h : $"{h}:{builder.Port}");
}
