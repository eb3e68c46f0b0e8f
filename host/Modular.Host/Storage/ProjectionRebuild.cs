using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Modular.Contracts.Modules;
using Modular.Host.Plugins;

namespace Modular.Host.Storage;

/// <summary>
/// The host's <c>rebuild-projections [--module &lt;id&gt;] [--daemon | --one-at-a-time | --township &lt;slug&gt;]</c> command: instead of serving, it
/// builds the store as usual (every loaded module's Marten configuration), applies the schema, and rebuilds the
/// projections each module (or the one named) registers, for all townships at once, from the events. For a county IT
/// admin after a bulk load or a change to a projection; run it while no host serves the same database. With townships
/// over several databases, each database is rebuilt in turn (the platform's, then each township database), with its
/// own progress and summary, and a summary of them all at the end.
/// </summary>
/// <remarks>
/// By default every single-stream snapshot is folded in memory with the projection's own aggregator and written by
/// binary COPY, townships two at a time, projections side by side (<see cref="SnapshotRebuild"/>); any other projection
/// is rebuilt by Marten's daemon meanwhile. <c>--daemon</c> rebuilds them all with the daemon side by side, with
/// <see cref="RebuildSettings"/> (large pages, snapshots written once per flush window); <c>--one-at-a-time</c> keeps the
/// first way: Marten's defaults, one projection after the other. Both are kept for comparison.
/// </remarks>
internal static class ProjectionRebuild
{
    public const string Command = "rebuild-projections";

    public const string Daemon = "--daemon";

    public const string OneAtATime = "--one-at-a-time";

    public const string Township = "--township";

    /// <summary>Long enough for millions of events; a rebuild that stalls longer than this fails.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromHours(6);

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    /// <summary>Runs the command with the built host's services; returns the process exit code (0 when every rebuild ran).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProjectionRebuild).FullName!);
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var moduleIndex = Array.IndexOf(args, "--module");
        var only = moduleIndex > 0 && moduleIndex + 1 < args.Length ? args[moduleIndex + 1] : null;
        var townshipIndex = Array.IndexOf(args, Township);
        var township = townshipIndex > 0 && townshipIndex + 1 < args.Length && !args[townshipIndex + 1].StartsWith("--", StringComparison.Ordinal) ? args[townshipIndex + 1] : null;
        var unknown = args.Skip(1).Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && a is not "--module" and not Township and not OneAtATime and not Daemon).ToList();
        if ((moduleIndex > 0 && only is null) || (townshipIndex > 0 && township is null) || unknown.Count > 0 || (args.Contains(Daemon) && args.Contains(OneAtATime))
            || (township is not null && (args.Contains(Daemon) || args.Contains(OneAtATime))) || args.Any(a => a.Any(char.IsControl)))
        {
            log.LogError("Usage: {Command} [--module <module id>] [{Daemon} | {OneAtATime} | {Township} <slug>]", Command, Daemon, OneAtATime, Township);
            return 2;
        }

        var modules = catalog.Modules.Where(m => only is null || m.Id == only).ToList();
        if (modules.Count == 0)
        {
            log.LogError("No loaded module {ModuleId}; loaded: {Modules}", only ?? "(any)", string.Join(", ", catalog.Modules.Select(m => m.Id)));
            return 2;
        }

        var store = services.GetRequiredService<IDocumentStore>();
        var options = (StoreOptions)store.Options;
        var module = modules.SelectMany(m => ProjectionsOf(m.Module).Select(p => (Name: p, Module: m.Id))).ToDictionary(p => p.Name, p => p.Module, StringComparer.Ordinal);
        var projections = options.Projections.All.Where(p => module.ContainsKey(p.Name)).ToList();
        if (projections.Count == 0)
        {
            log.LogInformation("{Modules} register no projections: nothing to rebuild", string.Join(", ", modules.Select(m => m.Id)));
            return 0;
        }

        if (township is not null)
        {
            return await RebuildTownshipAsync(store, township, projections, log, ct);
        }

        var oneAtATime = args.Contains(OneAtATime);
        var mode = oneAtATime ? "one at a time, Marten's defaults" : args.Contains(Daemon) ? "side by side with the daemon" : "folded";
        var databases = DatabasesOf(store);
        foreach (var (_, database) in databases)
        {
            await database.ApplyAllConfiguredChangesToDatabaseAsync();
            await DocumentStorage.ApplyAsync(database, ct); // the rebuilt documents are written the way the host keeps them
        }

        var folded = mode == "folded" ? await new SnapshotRebuild(store, log).FoldableAsync(projections, ct) : [];
        var replayed = projections.Except(folded).ToList();
        if (!oneAtATime)
        {
            RebuildSettings.Apply(options, replayed.Select(p => p.Name));
        }

        var names = string.Join(", ", modules.Select(m => m.Id));
        var total = Stopwatch.StartNew();
        var totals = new List<DatabaseRebuilt>();
        foreach (var (id, database) in databases)
        {
            var events = await EventsInAsync(database, options.Events.DatabaseSchemaName, ct);
            log.LogInformation("Rebuilding {Count} projections of {Modules} in database {Database} from {Events:N0} events ({Mode}){Replayed}", projections.Count,
                names, id, events, mode, folded.Count > 0 && replayed.Count > 0 ? $"; the daemon rebuilds {string.Join(", ", replayed.Select(p => p.Name))}" : "");
            var clock = Stopwatch.StartNew();
            var took = await RebuildDatabaseAsync(store, databases.Count > 1 ? id : null, database, folded, replayed, oneAtATime, events, module, log, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            totals.Add(new DatabaseRebuilt(id, events, seconds));
            log.LogInformation(
                "Rebuilt the {Count} projections of {Modules} in database {Database} from {Events:N0} events in {Seconds:F1} s: {Rate:N0} events/s ({Mode}: {Folded} folded, {Replayed} by the daemon); slowest {Slowest} {SlowestSeconds:F1} s",
                projections.Count, names, id, events, seconds, events / Math.Max(seconds, 0.001),
                mode, folded.Count, replayed.Count, took.MaxBy(t => t.Value).Key, took.Values.Max().TotalSeconds);
        }

        if (databases.Count > 1)
        {
            var all = totals.Sum(t => t.Events);
            log.LogInformation("Rebuilt the {Count} projections of {Modules} in {Databases} databases from {Events:N0} events in {Seconds:F1} s: {Rate:N0} events/s ({PerDatabase})",
                projections.Count, names, databases.Count, all, total.Elapsed.TotalSeconds, all / Math.Max(total.Elapsed.TotalSeconds, 0.001),
                string.Join(", ", totals.Select(t => $"{t.Database} {t.Events:N0} events in {t.Seconds:F1} s")));
        }

        return 0;
    }

    /// <summary>
    /// <c>--township &lt;slug&gt;</c>: folds the snapshots of one township in the database that holds it. Only for
    /// snapshots (<see cref="SnapshotRebuild"/>): Marten's daemon rebuilds a projection for a whole database.
    /// </summary>
    private static async Task<int> RebuildTownshipAsync(IDocumentStore store, string township, IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> projections, ILogger log, CancellationToken ct)
    {
        await using (var platform = store.QuerySession())
        {
            if (await platform.LoadAsync<Townships.TownshipRecord>(Townships.TownshipRecord.StreamId(township), ct) is null)
            {
                log.LogError("No township {Township}", township);
                return 2;
            }
        }

        var tenancy = store.Options.Tenancy as Databases.TownshipTenancy;
        var database = tenancy?.GetTenant(township).Database ?? store.Storage.Database;
        await database.ApplyAllConfiguredChangesToDatabaseAsync();
        await DocumentStorage.ApplyAsync(database, ct);
        var snapshots = new SnapshotRebuild(store, log, database);
        var folded = await snapshots.FoldableAsync(projections, ct);
        if (projections.Except(folded).ToList() is { Count: > 0 } others)
        {
            log.LogError("{Projections} are not snapshots and are rebuilt for every township of a database at once: run without {Township}", string.Join(", ", others.Select(p => p.Name)), Township);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var written = await snapshots.RebuildTownshipAsync(folded, township, database, ct);
        log.LogInformation("Rebuilt {Documents:N0} snapshots of {Township} in database {Database} in {Seconds:F1} s ({Tables})", written.Values.Sum(), township,
            tenancy?.IdOf(database) ?? Databases.TownshipTenancy.PlatformDatabase, clock.Elapsed.TotalSeconds, string.Join(", ", written.Select(w => $"{w.Key} {w.Value:N0}")));
        return 0;
    }

    private sealed record DatabaseRebuilt(string Database, long Events, double Seconds);

    /// <summary>
    /// The databases whose townships are rebuilt, one after the other: the platform database, then each township
    /// database (<see cref="Databases.TownshipTenancy"/>); the one database when none are configured.
    /// </summary>
    private static List<(string Id, Marten.Storage.IMartenDatabase Database)> DatabasesOf(IDocumentStore store) =>
        store.Options.Tenancy is Databases.TownshipTenancy tenancy
            ? [.. tenancy.Databases.Select(d => (d.Key, (Marten.Storage.IMartenDatabase)d.Value))]
            : [(Databases.TownshipTenancy.PlatformDatabase, store.Storage.Database)];

    /// <summary>Rebuilds every projection in one database: the foldable ones folded, the others by a daemon of that database.</summary>
    private static async Task<Dictionary<string, TimeSpan>> RebuildDatabaseAsync(IDocumentStore store, string? databaseId, Marten.Storage.IMartenDatabase database,
        IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> folded, IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> replayed,
        bool oneAtATime, long events, Dictionary<string, string> module, ILogger log, CancellationToken ct)
    {
        var snapshots = new SnapshotRebuild(store, log, database);
        using var progress = new RebuildProgress(events, log);
        using var daemon = replayed.Count > 0 ? await store.BuildProjectionDaemonAsync(databaseId) : null;
        if (daemon is not null)
        {
            progress.Follow(daemon, [.. replayed.Select(p => p.Name)]);
        }

        var watching = progress.WatchAsync(ProgressEvery, ct);
        var took = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        async Task ReplayAsync(string projection)
        {
            var clock = Stopwatch.StartNew();
            await daemon!.RebuildProjectionAsync(projection, Timeout, ct);
            progress.Finished(projection);
            lock (took)
            {
                took[projection] = clock.Elapsed;
            }

            log.LogInformation("Rebuilt projection {Projection} of module {ModuleId} in {Seconds:F1} s", projection, module[projection], clock.Elapsed.TotalSeconds);
        }

        async Task FoldAsync()
        {
            foreach (var (projection, time) in await snapshots.RunAsync(folded, progress, ct))
            {
                lock (took)
                {
                    took[projection] = time;
                }

                log.LogInformation("Rebuilt projection {Projection} of module {ModuleId} in {Seconds:F1} s", projection, module[projection], time.TotalSeconds);
            }
        }

        try
        {
            if (oneAtATime)
            {
                foreach (var projection in replayed)
                {
                    await ReplayAsync(projection.Name);
                }
            }
            else
            {
                await Task.WhenAll([.. replayed.Select(p => ReplayAsync(p.Name)), .. folded.Count > 0 ? [FoldAsync()] : Array.Empty<Task>()]);
            }
        }
        finally
        {
            progress.Stop();
            await watching;
        }

        return took;
    }

    private static async Task<long> EventsInAsync(Marten.Storage.IMartenDatabase database, string schema, CancellationToken ct)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand($"select count(*) from {schema}.mt_events", connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The names of the projections a module registers, read from its Marten hook run against scratch options.</summary>
    public static IReadOnlyList<string> ProjectionsOf(IModule module)
    {
        var scratch = new StoreOptions();
        module.ConfigureMarten(scratch);
        return [.. scratch.Projections.All.Select(p => p.Name)];
    }
}
