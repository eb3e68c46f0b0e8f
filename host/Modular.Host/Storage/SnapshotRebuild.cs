using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Storage;
using Npgsql;

namespace Modular.Host.Storage;

/// <summary>
/// The <c>rebuild-projections</c> command's default way for single-stream snapshot projections (every aggregate's
/// inline snapshot): instead of Marten's daemon, which writes each snapshot by an upsert per row (its bulk-COPY rebuild
/// buffers inserts only, and a snapshot is stored by upsert), each township's streams are folded in memory with the
/// projection's own aggregator (<see cref="FoldedRebuild{TDoc, TId}"/>) and written by binary COPY,
/// <see cref="TownshipsAtOnce"/> townships at a time per projection, the projections side by side. Afterwards the
/// projections' progression is set to the last event read, and the high-water mark moved there, so a daemon starting
/// later does not replay them. Other projections (multi-stream, event projections) are left to the daemon.
/// With townships over several databases, one rebuild works in one <paramref name="database"/> (the platform's when
/// none is named) and folds only the townships whose placement is that database.
/// </summary>
internal sealed class SnapshotRebuild(IDocumentStore store, ILogger log, IMartenDatabase? database = null)
{
    /// <summary>
    /// Townships folded at once for each projection: one is read and folded by this process while PostgreSQL copies
    /// another in; more only queue on a 2-core machine.
    /// </summary>
    public const int TownshipsAtOnce = 2;

    private readonly StoreOptions _options = (StoreOptions)store.Options;

    private readonly IMartenDatabase _database = database ?? store.Storage.Database;

    /// <summary>The columns <see cref="FoldedRebuild{TDoc, TId}"/> writes, and those it leaves to their defaults.</summary>
    private static readonly string[] Columns = ["tenant_id", "id", "data", "mt_dotnet_type", "mt_version", "mt_last_modified"];

    /// <summary>
    /// Those of <paramref name="projections"/> that can be folded here (<see cref="CanFold"/>) and whose table has no
    /// column but those a plain conjoined document has (no soft delete, hierarchy or metadata columns to fill).
    /// </summary>
    public async Task<List<IProjectionSource<IDocumentOperations, IQuerySession>>> FoldableAsync(IEnumerable<IProjectionSource<IDocumentOperations, IQuerySession>> projections, CancellationToken ct)
    {
        var foldable = new List<IProjectionSource<IDocumentOperations, IQuerySession>>();
        await using var connection = await OpenAsync(ct);
        foreach (var projection in projections.Where(CanFold))
        {
            var table = ((IReadOnlyStoreOptions)_options).FindOrResolveDocumentType(((IAggregateProjection)projection).AggregateType).TableName;
            await using var command = new NpgsqlCommand("select array_agg(column_name::text) from information_schema.columns where table_schema = @schema and table_name = @table", connection);
            command.Parameters.AddWithValue("schema", table.Schema);
            command.Parameters.AddWithValue("table", table.Name);
            if (await command.ExecuteScalarAsync(ct) is string[] columns && columns.Order().SequenceEqual(Columns.Order()))
            {
                foldable.Add(projection);
            }
        }

        return foldable;
    }

    /// <summary>
    /// Whether <paramref name="projection"/> is a single-stream aggregation whose identity is the stream's (a
    /// <see cref="Guid"/> or a string key, as the store identifies streams) and whose events are concrete mapped types,
    /// so that a stream's events can be found by their type names.
    /// </summary>
    private bool CanFold(IProjectionSource<IDocumentOperations, IQuerySession> projection) =>
        projection is IAggregateProjection { Scope: AggregationScope.SingleStream } aggregate
        && aggregate.IdentityType == (_options.Events.StreamIdentity == StreamIdentity.AsGuid ? typeof(Guid) : typeof(string))
        && typeof(IAggregator<,,>).MakeGenericType(aggregate.AggregateType, aggregate.IdentityType, typeof(IQuerySession)).IsInstanceOfType(projection)
        && aggregate.AllEventTypes.Length > 0
        && aggregate.AllEventTypes.All(t => t is { IsInterface: false, IsAbstract: false, ContainsGenericParameters: false });

    /// <summary>Rebuilds <paramref name="projections"/> (each one of <see cref="FoldableAsync"/>); returns each one's time.</summary>
    public async Task<Dictionary<string, TimeSpan>> RunAsync(IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> projections, RebuildProgress progress, CancellationToken ct)
    {
        var schema = _options.Events.DatabaseSchemaName;
        var ceiling = await ScalarAsync($"select coalesce(max(seq_id), 0) from {schema}.mt_events", ct);
        var plans = await PlanAsync(projections, ceiling, ct);
        foreach (var elsewhere in plans.SelectMany(p => p.Streams.Keys).Distinct(StringComparer.Ordinal).Where(t => !Holds(t)).ToList())
        {
            // Rows a move left behind (its cleanup failed): never read, so not rebuilt here; the township's own database rebuilds it.
            log.LogWarning("{Township} has events in this database but is placed elsewhere: not rebuilt here", elsewhere);
            foreach (var plan in plans.Where(p => p.Streams.Remove(elsewhere)))
            {
                plan.Events -= plan.Counts[elsewhere];
            }
        }

        progress.Fold(plans.ToDictionary(p => p.Projection.Name, p => p.Events, StringComparer.Ordinal));
        log.LogInformation("Folding {Count} snapshot projections from the events up to sequence {Ceiling:N0}: {Plans}", plans.Count, ceiling,
            string.Join(", ", plans.Select(p => $"{p.Projection.Name} {p.Streams.Values.Sum(s => s.Count):N0} streams, {p.Events:N0} events in {p.Streams.Count} townships")));

        var took = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        await Task.WhenAll(plans.Select(async plan =>
        {
            var clock = Stopwatch.StartNew();
            var written = await RebuildAsync(plan, ceiling, progress, ct);
            progress.Finished(plan.Projection.Name);
            lock (took)
            {
                took[plan.Projection.Name] = clock.Elapsed;
            }

            log.LogInformation("Folded {Projection}: {Documents:N0} documents from {Events:N0} events in {Seconds:F1} s", plan.Projection.Name, written, plan.Events, clock.Elapsed.TotalSeconds);
        }));

        await MarkProgressAsync(projections, ceiling, ct);
        return took;
    }

    /// <summary>
    /// Folds <paramref name="projections"/> (each one of <see cref="FoldableAsync"/>) for one township from its events in
    /// <paramref name="database"/>, where its sessions must already go (a move's target); returns the documents written per table.
    /// </summary>
    public async Task<Dictionary<string, int>> RebuildTownshipAsync(IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> projections, string township, Marten.Storage.IMartenDatabase database, CancellationToken ct)
    {
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plan in await PlanAsync(projections, long.MaxValue, ct, (database, township)))
        {
            var (table, fold) = FoldOf(plan);
            written[table] = plan.Streams.TryGetValue(township, out var streams) ? await fold.RunAsync(township, streams, long.MaxValue, _ => { }, ct) : 0;
        }

        return written;
    }

    /// <summary>The table of each of <paramref name="projections"/>' documents.</summary>
    public IReadOnlyList<string> TablesOf(IEnumerable<IProjectionSource<IDocumentOperations, IQuerySession>> projections) =>
        [.. projections.Select(p => ((IReadOnlyStoreOptions)_options).FindOrResolveDocumentType(((IAggregateProjection)p).AggregateType).TableName.QualifiedName)];

    private (string Table, IFoldedRebuild Fold) FoldOf(Plan plan)
    {
        var aggregate = (IAggregateProjection)plan.Projection;
        var table = ((IReadOnlyStoreOptions)_options).FindOrResolveDocumentType(aggregate.AggregateType).TableName.QualifiedName;
        return (table, (IFoldedRebuild)Activator.CreateInstance(
            typeof(FoldedRebuild<,>).MakeGenericType(aggregate.AggregateType, aggregate.IdentityType), store, plan.Projection, table)!);
    }

    private async Task<int> RebuildAsync(Plan plan, long ceiling, RebuildProgress progress, CancellationToken ct)
    {
        var (table, fold) = FoldOf(plan);

        // The daemon's teardown deletes the documents of every township; townships left without events lose theirs here.
        await using (var connection = await OpenAsync(ct))
        {
            await using var orphans = new NpgsqlCommand($"delete from {table} where not (tenant_id = any(@tenants))", connection) { CommandTimeout = 0 };
            orphans.Parameters.AddWithValue("tenants", plan.Streams.Keys.ToArray());
            await orphans.ExecuteNonQueryAsync(ct);
        }

        var written = 0;
        await Parallel.ForEachAsync(
            plan.Streams.OrderByDescending(t => t.Value.Count),
            new ParallelOptions { MaxDegreeOfParallelism = TownshipsAtOnce, CancellationToken = ct },
            async (township, token) =>
            {
                var documents = await fold.RunAsync(township.Key, township.Value, ceiling, events => progress.Folded(plan.Projection.Name, events), token);
                Interlocked.Add(ref written, documents);
            });
        return written;
    }

    /// <summary>
    /// Which streams of which township each projection folds, from one pass over the events: a stream belongs to a
    /// projection when one of its events is of a type the projection applies (all of the stream's events are then
    /// folded, as the inline projection is given every event of an append).
    /// </summary>
    private async Task<List<Plan>> PlanAsync(IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> projections, long ceiling, CancellationToken ct,
        (Marten.Storage.IMartenDatabase Database, string Township)? only = null)
    {
        var events = (EventGraph)_options.Events;
        var plans = projections.Select(p => new Plan(p, [.. ((IAggregateProjection)p).AllEventTypes.Select(t => events.EventMappingFor(t).EventTypeName)])).ToList();
        var id = _options.Events.StreamIdentity == StreamIdentity.AsGuid ? "stream_id::text" : "stream_key";
        await using var connection = only is { } one ? one.Database.CreateConnection() : _database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select tenant_id, {id}, count(*), array_agg(distinct type) from {_options.Events.DatabaseSchemaName}.mt_events " +
            $"where seq_id <= @ceiling and is_archived = false{(only is null ? "" : " and tenant_id = @township")} group by tenant_id, {id.Replace("::text", "", StringComparison.Ordinal)} order by tenant_id, {id.Replace("::text", "", StringComparison.Ordinal)}",
            connection)
        { CommandTimeout = 0 };
        command.Parameters.AddWithValue("ceiling", ceiling);
        if (only is { } township)
        {
            command.Parameters.AddWithValue("township", township.Township);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var types = reader.GetFieldValue<string[]>(3);
            foreach (var plan in plans.Where(p => types.Any(p.Types.Contains)))
            {
                var tenant = reader.GetString(0);
                if (!plan.Streams.TryGetValue(tenant, out var streams))
                {
                    plan.Streams[tenant] = streams = [];
                }

                streams.Add(reader.GetString(1));
                plan.Events += reader.GetInt64(2);
                plan.Counts[tenant] = plan.Counts.GetValueOrDefault(tenant) + reader.GetInt64(2);
            }
        }

        return plans;
    }

    /// <summary>
    /// What the daemon's own rebuild leaves behind: an async projection's shards at the last event read (so that no
    /// daemon replays what was just rebuilt), no progression for an inline one (the daemon never runs it; its rebuild
    /// deletes the rows), and the high-water mark at the newest event.
    /// </summary>
    private async Task MarkProgressAsync(IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> projections, long ceiling, CancellationToken ct)
    {
        var progression = $"{_options.Events.DatabaseSchemaName}.mt_event_progression";
        await using (var connection = await OpenAsync(ct))
        {
            foreach (var projection in projections)
            {
                foreach (var shard in projection.ShardNames())
                {
                    await using var command = projection.Lifecycle == ProjectionLifecycle.Inline
                        ? new NpgsqlCommand($"delete from {progression} where name = @name", connection)
                        : new NpgsqlCommand(
                            $"insert into {progression} (name, last_seq_id, last_updated) values (@name, @ceiling, now()) " +
                            "on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated", connection);
                    command.Parameters.AddWithValue("name", shard.Identity);
                    command.Parameters.AddWithValue("ceiling", ceiling);
                    await command.ExecuteNonQueryAsync(ct);
                }
            }

            // The high-water mark of this database at its newest event, as Marten's AdvanceHighWaterMarkToLatestAsync sets the platform's.
            await using var mark = new NpgsqlCommand(
                $"insert into {progression} (name, last_seq_id, last_updated) select @mark, coalesce(max(seq_id), 0), now() from {_options.Events.DatabaseSchemaName}.mt_events " +
                "on conflict (name) do update set last_seq_id = greatest(excluded.last_seq_id, " + progression + ".last_seq_id), last_updated = excluded.last_updated", connection);
            mark.Parameters.AddWithValue("mark", ShardState.HighWaterMark);
            await mark.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Whether <paramref name="township"/>'s sessions go to this rebuild's database (always, with one database).</summary>
    private bool Holds(string township) =>
        store.Options.Tenancy is not Databases.TownshipTenancy tenancy || ReferenceEquals(tenancy.GetTenant(township).Database, _database);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = _database.CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Plan(IProjectionSource<IDocumentOperations, IQuerySession> projection, HashSet<string> types)
    {
        public IProjectionSource<IDocumentOperations, IQuerySession> Projection { get; } = projection;

        public HashSet<string> Types { get; } = types;

        /// <summary>Per township, its streams in the order PostgreSQL sorts their ids.</summary>
        public Dictionary<string, List<string>> Streams { get; } = new(StringComparer.Ordinal);

        /// <summary>Per township, the events of its streams.</summary>
        public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

        public long Events { get; set; }
    }
}
