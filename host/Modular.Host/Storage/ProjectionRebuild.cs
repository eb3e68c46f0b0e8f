using System.Diagnostics;
using JasperFx.Events.Daemon;
using Marten;
using Modular.Contracts.Modules;
using Modular.Host.Plugins;

namespace Modular.Host.Storage;

/// <summary>
/// The host's <c>rebuild-projections [--module &lt;id&gt;] [--one-at-a-time]</c> command: instead of serving, it builds the
/// store as usual (every loaded module's Marten configuration), applies the schema, and rebuilds the projections each
/// module (or the one named) registers, for all townships at once, from the events with Marten's projection daemon. For a
/// county IT admin after a bulk load or a change to a projection; run it while no host serves the same database.
/// </summary>
/// <remarks>
/// By default the projections are rebuilt side by side, each with <see cref="RebuildSettings"/> (large pages of events,
/// every snapshot kept in memory and written once per flush window by binary COPY). <c>--one-at-a-time</c> keeps the
/// former way: Marten's defaults, one projection after the other (a snapshot rewritten after every page of 500 events
/// that touches it), for comparison.
/// </remarks>
internal static class ProjectionRebuild
{
    public const string Command = "rebuild-projections";

    public const string OneAtATime = "--one-at-a-time";

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
        var unknown = args.Skip(1).Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && a is not "--module" and not OneAtATime).ToList();
        if ((moduleIndex > 0 && only is null) || unknown.Count > 0)
        {
            log.LogError("Usage: {Command} [--module <module id>] [{OneAtATime}]", Command, OneAtATime);
            return 2;
        }

        var modules = catalog.Modules.Where(m => only is null || m.Id == only).ToList();
        if (modules.Count == 0)
        {
            log.LogError("No loaded module {ModuleId}; loaded: {Modules}", only ?? "(any)", string.Join(", ", catalog.Modules.Select(m => m.Id)));
            return 2;
        }

        var projections = modules.SelectMany(m => ProjectionsOf(m.Module).Select(p => (Module: m.Id, Name: p))).ToList();
        var oneAtATime = args.Contains(OneAtATime);
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (!oneAtATime)
        {
            RebuildSettings.Apply((StoreOptions)store.Options, projections.Select(p => p.Name));
        }

        var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
        using var daemon = await store.BuildProjectionDaemonAsync();
        log.LogInformation("Rebuilding {Count} projections of {Modules} from {Events:N0} events ({Mode})", projections.Count,
            string.Join(", ", modules.Select(m => m.Id)), statistics.EventCount, oneAtATime ? "one at a time, Marten's defaults" : "side by side");

        var total = Stopwatch.StartNew();
        using var progress = new RebuildProgress(daemon, [.. projections.Select(p => p.Name)], statistics.EventCount, log);
        var watching = progress.WatchAsync(ProgressEvery, ct);
        var took = new Dictionary<string, TimeSpan>();
        async Task RebuildAsync((string Module, string Name) projection)
        {
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(projection.Name, Timeout, ct);
            progress.Finished(projection.Name);
            lock (took)
            {
                took[projection.Name] = clock.Elapsed;
            }

            log.LogInformation("Rebuilt projection {Projection} of module {ModuleId} in {Seconds:F1} s", projection.Name, projection.Module, clock.Elapsed.TotalSeconds);
        }

        try
        {
            if (oneAtATime)
            {
                foreach (var projection in projections)
                {
                    await RebuildAsync(projection);
                }
            }
            else
            {
                await Task.WhenAll(projections.Select(RebuildAsync));
            }
        }
        finally
        {
            progress.Stop();
            await watching;
        }

        var seconds = total.Elapsed.TotalSeconds;
        log.LogInformation(
            "Rebuilt the {Count} projections of {Modules} from {Events:N0} events in {Seconds:F1} s: {Rate:N0} events/s ({Mode}); slowest {Slowest} {SlowestSeconds:F1} s",
            projections.Count, string.Join(", ", modules.Select(m => m.Id)), statistics.EventCount, seconds, statistics.EventCount / Math.Max(seconds, 0.001),
            oneAtATime ? "one at a time" : "side by side", took.MaxBy(t => t.Value).Key, took.Values.Max().TotalSeconds);
        return 0;
    }

    /// <summary>The names of the projections a module registers, read from its Marten hook run against scratch options.</summary>
    public static IReadOnlyList<string> ProjectionsOf(IModule module)
    {
        var scratch = new StoreOptions();
        module.ConfigureMarten(scratch);
        return [.. scratch.Projections.All.Select(p => p.Name)];
    }
}
