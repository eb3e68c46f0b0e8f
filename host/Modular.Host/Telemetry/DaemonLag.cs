using System.Diagnostics.Metrics;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Modular.Host.Telemetry;

/// <summary>
/// How far each projection and subscription shard is behind, per database: the daemon's high-water mark (the
/// highest event it may safely read) minus the shard's progression in <c>mt_event_progression</c>. Read from the
/// database, not the daemon's memory, so every instance reports it, not only the node that holds the hot/cold lead.
/// A reading serves every scrape for <c>DaemonLagSeconds</c>: one round trip per database and period, whatever the
/// number of townships (they share the database's progression) or of scrapers.
/// </summary>
internal sealed class DaemonLag
{
    public const string MeterName = "Modular.Host";

    /// <summary>How long a scrape waits for a reading before it answers with the last one.</summary>
    private static readonly TimeSpan ReadingWait = TimeSpan.FromSeconds(2);

    private readonly IDocumentStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _freshFor;
    private readonly ILogger<DaemonLag> _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<Marten.Storage.IMartenDatabase, string> _databaseNames = new(ReferenceEqualityComparer.Instance);
    private Reading _reading = new(null, []);
    private Task? _reader;

    public DaemonLag(IMeterFactory meters, IDocumentStore store, TimeProvider time, IOptions<TelemetryOptions> options, ILogger<DaemonLag> log)
    {
        _store = store;
        _time = time;
        _freshFor = TimeSpan.FromSeconds(Math.Max(1, options.Value.DaemonLagSeconds));
        _log = log;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("modular.daemon.lag", ObserveLag, "{event}",
            "Events the shard has still to process: the high-water mark minus its progression");
        meter.CreateObservableGauge("modular.daemon.high_water_mark", () => ObserveDatabases(d => d.HighWaterMark), "{event}",
            "The highest event sequence the daemon may safely process");
        meter.CreateObservableGauge("modular.events.sequence", () => ObserveDatabases(d => d.Sequence), "{event}",
            "The highest event sequence assigned in the database");
    }

    /// <summary>One database's state at the time of a reading.</summary>
    internal sealed record DatabaseReading(string Database, long Sequence, long HighWaterMark, IReadOnlyList<ShardReading> Shards);

    internal sealed record ShardReading(string Projection, string Shard, long Progression);

    private sealed record Reading(long? Timestamp, IReadOnlyList<DatabaseReading> Databases);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var database in Current())
        {
            foreach (var shard in database.Shards)
            {
                yield return new Measurement<long>(Math.Max(0, database.HighWaterMark - shard.Progression),
                    new("database", database.Database), new("projection", shard.Projection), new("shard", shard.Shard));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveDatabases(Func<DatabaseReading, long> value) =>
        Current().Select(d => new Measurement<long>(value(d), new KeyValuePair<string, object?>("database", d.Database)));

    /// <summary>The last reading, read again first when it is older than the period (one reader at a time; a scrape waits for it briefly).</summary>
    internal IReadOnlyList<DatabaseReading> Current()
    {
        Task reader;
        lock (_gate)
        {
            if (_reading.Timestamp is { } read && _time.GetElapsedTime(read) < _freshFor)
            {
                return _reading.Databases;
            }

            reader = _reader ??= Task.Run(ReadAsync);
        }

        reader.Wait(ReadingWait);
        return _reading.Databases;
    }

    private async Task ReadAsync()
    {
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var registered = RegisteredShards();
            var databases = new List<DatabaseReading>();
            foreach (var database in await _store.Storage.AllDatabases())
            {
                var states = await database.AllProjectionProgress(cancel.Token);
                var sequence = await database.FetchHighestEventSequenceNumber(cancel.Token);
                var highWater = states.FirstOrDefault(s => s.ShardName == ShardState.HighWaterMark)?.Sequence ?? sequence;
                var shards = new List<ShardReading>();
                foreach (var state in states)
                {
                    if (state.ShardName.StartsWith(ShardState.HighWaterMark, StringComparison.Ordinal)
                        || (registered is not null && !registered.Contains(state.ShardName)))
                    {
                        continue; // the mark itself, and rows a projection no longer registered left behind
                    }

                    var name = ShardName.TryParse(state.ShardName, out var parsed) && parsed is not null ? parsed.Name : state.ShardName;
                    shards.Add(new ShardReading(name, state.ShardName, state.Sequence));
                }

                databases.Add(new DatabaseReading(DatabaseName(database), sequence, highWater, shards));
            }

            _reading = new Reading(_time.GetTimestamp(), databases);
        }
        catch (Exception error)
        {
            // The database away: the last reading stands (it goes stale, which a dashboard shows), and the next scrape tries again.
            _log.LogWarning(error, "Could not read the projection daemon's progress");
            _reading = _reading with { Timestamp = _time.GetTimestamp() - (long)(_freshFor.TotalSeconds * _time.TimestampFrequency / 2) };
        }
        finally
        {
            lock (_gate)
            {
                _reader = null;
            }
        }
    }

    private HashSet<string>? RegisteredShards() =>
        _store is DocumentStore store ? [.. store.Options.Projections.AllShards().Select(s => s.Name.Identity)] : null;

    /// <summary>host:port/database of the connection, never its credentials: what tells the databases of a province apart.</summary>
    private string DatabaseName(Marten.Storage.IMartenDatabase database)
    {
        lock (_gate)
        {
            if (!_databaseNames.TryGetValue(database, out var name))
            {
                using var connection = database.CreateConnection();
                var settings = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
                name = $"{settings.Host}:{settings.Port}/{settings.Database}";
                _databaseNames[database] = name;
            }

            return name;
        }
    }
}
