using System.Diagnostics;
using JasperFx.Events.Projections;
using Marten;
using Modular.Host.Townships;
using Npgsql;

namespace Modular.Host.Storage.Databases;

/// <summary>
/// The host's <c>move-township --township &lt;slug&gt; --to &lt;database&gt;</c> command: moves one township's records from
/// the database that holds them to another configured one, with the hosts serving on.
/// </summary>
/// <remarks>
/// In order: the township is put in maintenance (an event on its platform stream; every host answers its pages and API
/// with 503 problem details from the notification on), and the command waits out the cache's net (<c>--grace-seconds</c>)
/// and for the source's relay to have handed on every integration event of the township; its streams, events (ids,
/// versions, timestamps, metadata, in sequence order) and every document that is not a folded snapshot are copied to the
/// target in one transaction, which is checked there before it commits: events and version per stream, a checksum of
/// each stream's events, the order of all of them, the rows and checksum of each document table. Then the snapshots are
/// rebuilt in the target with the projections' own code and compared with the source's. Only then is the placement
/// switched (in the platform database, with the end of the maintenance), and the source's rows deleted. Any failure
/// before the switch deletes what reached the target and leaves the source as it was.
/// </remarks>
internal static class TownshipMove
{
    public const string Command = "move-township";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TownshipMove).FullName!);
        if (Usage(args) is { } problem)
        {
            log.LogError("{Problem}. Usage: {Command} --township <slug> --to <database id> [--grace-seconds 6] [--abandon]", problem, Command);
            return 2;
        }

        var slug = Option(args, "--township")!;
        var to = Option(args, "--to")!;
        var grace = TimeSpan.FromSeconds(int.Parse(Option(args, "--grace-seconds") ?? "6", System.Globalization.CultureInfo.InvariantCulture));
        var store = services.GetRequiredService<IDocumentStore>();
        if (store.Options.Tenancy is not TownshipTenancy tenancy)
        {
            log.LogError("No township databases are configured (Modular:Databases:<id>:ConnectionString): there is nowhere to move {Township}", slug);
            return 2;
        }

        if (!tenancy.Databases.ContainsKey(to))
        {
            log.LogError("No database {Database}; configured: {Databases}", to, string.Join(", ", tenancy.Databases.Keys));
            return 2;
        }

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await DocumentStorage.ApplyAsync(store, log, ct); // the copied documents are written the way the host keeps them
        TownshipRecord? record;
        await using (var platform = store.QuerySession())
        {
            record = await platform.LoadAsync<TownshipRecord>(TownshipRecord.StreamId(slug), ct);
        }

        if (record is null)
        {
            log.LogError("No township {Township}", slug);
            return 2;
        }

        var from = tenancy.DatabaseOf(slug);
        if (from == to)
        {
            log.LogError("{Township} is already in {Database}", slug, to);
            return 2;
        }

        if (record.MovingTo is { } moving)
        {
            log.LogError("{Township} is being moved to {Database} already (or a move was cut off: end it with --abandon)", slug, moving);
            if (!args.Contains("--abandon"))
            {
                return 1;
            }

            await EndAsync(services, store, slug, new TownshipMoveAbandoned(moving, "abandoned by hand"), null, ct);
            return 0;
        }

        if (await AsyncProjectionsSeeingAsync(store, tenancy.Databases[from], slug, ct) is { Count: > 0 } replaying)
        {
            // The target's daemon would apply the copied events again on top of the copied documents (a count would double).
            log.LogError("{Township} has events that the async projection(s) {Projections} apply: the target database's daemon would apply them a second time, so it is not moved (nothing was changed)",
                slug, string.Join(", ", replaying));
            return 1;
        }

        var clock = Stopwatch.StartNew();
        log.LogInformation("Moving {Township} from {From} to {To}: maintenance on, waiting {Grace} s for every host to hear it", slug, from, to, grace.TotalSeconds);
        await EndAsync(services, store, slug, new TownshipMoveBegun(from, to), null, ct, begin: true);
        try
        {
            await Task.Delay(grace, ct);
            var summary = await MoveAsync(store, tenancy, slug, from, to, log, ct);
            await EndAsync(services, store, slug, new TownshipMoved(from, to, summary.Streams, summary.Events),
                new TownshipPlacement(slug, to, $"moved from {from}", services.GetRequiredService<TimeProvider>().GetUtcNow()), ct);
            log.LogInformation("Switched {Township} to {To}; deleting its rows in {From}", slug, to, from);
            try
            {
                await using var source = await OpenAsync(tenancy.Databases[from], ct);
                await new TownshipCopy(store.Options.DatabaseSchemaName, slug).DeleteAsync(source, summary.Tables, ct);
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
            {
                // The township is served from the target already; rows left behind are never read. Say so, do not fail.
                log.LogWarning(error, "{Township} moved, but its old rows in {From} could not be deleted; delete rows with tenant_id '{Township}' there by hand", slug, from, slug);
            }

            log.LogInformation(
                "Moved {Township} from {From} to {To} in {Seconds:F1} s: {Streams} streams, {Events} events (counts and checksums equal on both sides), {Documents} documents copied, {Snapshots} snapshots rebuilt",
                slug, from, to, clock.Elapsed.TotalSeconds, summary.Streams, summary.Events, summary.Documents, summary.Snapshots);
            return 0;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogError(error, "The move of {Township} to {To} failed; its records stay in {From} and the target holds none of them", slug, to, from);
            tenancy.Forget(slug);
            await EndAsync(services, store, slug, new TownshipMoveAbandoned(to, Short(error)), null, ct);
            return 1;
        }
    }

    private sealed record Summary(int Streams, long Events, long Documents, int Snapshots, IReadOnlyList<string> Tables);

    private static async Task<Summary> MoveAsync(IDocumentStore store, TownshipTenancy tenancy, string slug, string from, string to, ILogger log, CancellationToken ct)
    {
        var copy = new TownshipCopy(store.Options.DatabaseSchemaName, slug);
        var rebuild = new SnapshotRebuild(store, log);
        var inline = ((StoreOptions)store.Options).Projections.All.Where(p => p.Lifecycle == ProjectionLifecycle.Inline).ToList();
        var folded = await rebuild.FoldableAsync(inline, ct);
        var snapshotTables = rebuild.TablesOf(folded);
        await using var source = await OpenAsync(tenancy.Databases[from], ct);
        await using var target = await OpenAsync(tenancy.Databases[to], ct);
        if (await copy.HoldsAnyAsync(target, ct))
        {
            throw new InvalidOperationException($"{to} holds records of {slug} already (a move cut off before its cleanup?): delete rows with tenant_id '{slug}' there first");
        }

        await WaitForRelayAsync(source, store.Options.DatabaseSchemaName, slug, log, ct);
        var tables = await copy.DocumentTablesAsync(source, ct);
        var documents = tables.Except(snapshotTables).ToList();

        // The source is quiet (maintenance): what it holds now is what must arrive.
        var streams = await copy.StreamsAsync(source, null, ct);
        var order = await copy.SequenceOrderAsync(source, null, ct);
        var sourceTables = new Dictionary<string, (long Rows, string Checksum)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            sourceTables[table] = await copy.TableAsync(source, null, table, ct);
        }

        var events = streams.Sum(s => s.Events);
        log.LogInformation("Copying {Streams} streams, {Events} events and {Tables} document tables of {Township}", streams.Count, events, documents.Count, slug);
        try
        {
            await using (var transaction = await target.BeginTransactionAsync(ct))
            {
                var copied = await copy.CopyEventsAsync(source, target, transaction, from, ct);
                foreach (var table in documents)
                {
                    await copy.CopyDocumentsAsync(source, target, transaction, table, ct);
                }

                // Checked before it commits: a difference rolls it all back.
                Check(copied == events, $"{copied} events arrived of {events}");
                var arrived = await copy.StreamsAsync(target, transaction, ct);
                Check(arrived.SequenceEqual(streams), $"streams differ: {string.Join(", ", streams.Except(arrived).Take(3).Select(s => s.Stream))}");
                Check(await copy.SequenceOrderAsync(target, transaction, ct) == order, "the events' order differs");
                foreach (var table in documents)
                {
                    Check(await copy.TableAsync(target, transaction, table, ct) == sourceTables[table], $"{table} differs");
                }

                await transaction.CommitAsync(ct);
            }

            log.LogInformation("Copied and checked: {Streams} streams and {Events} events, each stream's count, version and checksum equal; rebuilding {Projections} snapshot projections in {To}",
                streams.Count, events, folded.Count, to);
            tenancy.Place(slug, to); // this process's sessions of the township now read the target
            var written = await rebuild.RebuildTownshipAsync(folded, slug, tenancy.Databases[to], ct);
            foreach (var table in snapshotTables)
            {
                Check(await copy.TableAsync(target, null, table, ct) == sourceTables[table], $"the rebuilt {table} differs from the source's");
            }

            return new Summary(streams.Count, events, documents.Sum(t => sourceTables[t].Rows), written.Values.Sum(), tables);
        }
        catch
        {
            await copy.DeleteAsync(target, tables, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The async projections that apply any of the township's events (an unfiltered one applies them all). Their
    /// documents are copied with the township, but the copied events get the target's sequence numbers, past the
    /// target daemon's progression: it would apply them again.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> AsyncProjectionsSeeingAsync(IDocumentStore store, Marten.Storage.IMartenDatabase source, string slug, CancellationToken ct)
    {
        var options = (StoreOptions)store.Options;
        var asynchronous = options.Projections.All.Where(p => p.Lifecycle == ProjectionLifecycle.Async).ToList();
        if (asynchronous.Count == 0)
        {
            return [];
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        await using (var connection = source.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"select distinct type from {options.Events.DatabaseSchemaName}.mt_events where tenant_id = @township", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("township", slug);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                types.Add(reader.GetString(0));
            }
        }

        var events = (Marten.Events.EventGraph)options.Events;
        return [.. asynchronous.Where(p =>
        {
            var applied = p is JasperFx.Events.Aggregation.IAggregateProjection aggregate ? aggregate.AllEventTypes : (p as EventFilterable)?.IncludedEventTypes.ToArray() ?? [];
            return types.Count > 0 && (applied.Length == 0 || applied.Any(t => types.Contains(events.EventMappingFor(t).EventTypeName)));
        }).Select(p => p.Name)];
    }

    /// <summary>The source's integration-event relay must have handed on every event of the township: copies are not handed on again.</summary>
    private static async Task WaitForRelayAsync(NpgsqlConnection source, string schema, string slug, ILogger log, CancellationToken ct)
    {
        var sql = $"select coalesce((select max(seq_id) from {schema}.mt_events where tenant_id = @township), 0) <= " +
                  $"coalesce((select max(last_seq_id) from {schema}.mt_event_progression where name like 'integration-events%'), 0)";
        for (var attempt = 0; ; attempt++)
        {
            await using var command = new NpgsqlCommand(sql, source);
            command.Parameters.AddWithValue("township", slug);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return;
            }

            if (attempt == 300)
            {
                throw new InvalidOperationException("the source's integration-event relay has not reached the township's last event in 60 s: is a host's daemon running on it?");
            }

            if (attempt % 25 == 0)
            {
                log.LogInformation("Waiting for the relay of the source database to reach {Township}'s last event", slug);
            }

            await Task.Delay(200, ct);
        }
    }

    /// <summary>Appends the move's event to the township's platform stream (and the placement at the end), announcing it to every host.</summary>
    private static async Task EndAsync(IServiceProvider services, IDocumentStore store, string slug, object change, TownshipPlacement? placement, CancellationToken ct, bool begin = false)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "move-township";
        var stream = await session.Events.FetchForWriting<TownshipRecord>(TownshipRecord.StreamId(slug), ct);
        if (begin && stream.Aggregate?.MovingTo is not null)
        {
            throw new InvalidOperationException($"{slug} is being moved already");
        }

        stream.AppendOne(change);
        if (placement is not null)
        {
            session.Store(placement);
        }

        services.GetRequiredService<Caching.CacheInvalidation>().Announce(session, Caching.CacheChange.ForTownship(slug));
        await session.SaveChangesAsync(ct);
    }

    private static void Check(bool holds, string problem)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"检查未通过 / Check failed: {problem}");
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(Marten.Storage.IMartenDatabase database, CancellationToken ct)
    {
        var connection = database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var utc = new NpgsqlCommand("set time zone 'UTC'", connection);
        await utc.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private static string Short(Exception error) => error.Message.Length <= 200 ? error.Message : error.Message[..200];

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index > 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>What is wrong with the command line, before anything is read or written; null when nothing is.</summary>
    internal static string? Usage(string[] args)
    {
        if (args.Any(a => a.Any(char.IsControl)))
        {
            return "参数不得含有 NUL 或控制字符 / Arguments must not contain NUL or control characters";
        }

        string[] valued = ["--township", "--to", "--grace-seconds"];
        for (var i = 1; i < args.Length; i++)
        {
            if (valued.Contains(args[i], StringComparer.Ordinal))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal) || args[i + 1].Length == 0)
                {
                    return $"{args[i]} 缺少取值 / {args[i]} needs a value";
                }

                if (Array.LastIndexOf(args, args[i]) != i)
                {
                    return $"{args[i]} 只能给出一次 / {args[i]} may be given once";
                }

                i++;
            }
            else if (args[i] != "--abandon")
            {
                return $"未知参数 / Unknown argument: {args[i]}";
            }
        }

        if (Option(args, "--township") is null || Option(args, "--to") is null)
        {
            return "须给出 --township 和 --to / --township and --to are required";
        }

        return Option(args, "--grace-seconds") is { } grace
            && !(int.TryParse(grace, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600)
            ? "--grace-seconds 须为 0 到 3600 的整数 / --grace-seconds must be a whole number from 0 to 3600"
            : null;
    }
}
