using System.Diagnostics;
using Marten;
using Modular.Contracts.Modules;
using Modular.Host.Plugins;

namespace Modular.Host.Storage;

/// <summary>
/// The host's <c>rebuild-projections [--module &lt;id&gt;]</c> command: instead of serving, it builds the store as usual
/// (every loaded module's Marten configuration), applies the schema, and rebuilds the projections each module (or the
/// one named) registers, for all townships at once, from the events with Marten's projection daemon. For a county IT
/// admin after a bulk load or a change to a projection; run it while no host serves the same database.
/// </summary>
internal static class ProjectionRebuild
{
    public const string Command = "rebuild-projections";

    /// <summary>Long enough for millions of events; a rebuild that stalls longer than this fails.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromHours(6);

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    /// <summary>Runs the command with the built host's services; returns the process exit code (0 when every rebuild ran).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProjectionRebuild).FullName!);
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var moduleIndex = Array.IndexOf(args, "--module");
        var only = moduleIndex > 0 && moduleIndex + 1 < args.Length ? args[moduleIndex + 1] : null;
        if (moduleIndex > 0 && only is null)
        {
            log.LogError("Usage: {Command} [--module <module id>]", Command);
            return 2;
        }

        var modules = catalog.Modules.Where(m => only is null || m.Id == only).ToList();
        if (modules.Count == 0)
        {
            log.LogError("No loaded module {ModuleId}; loaded: {Modules}", only ?? "(any)", string.Join(", ", catalog.Modules.Select(m => m.Id)));
            return 2;
        }

        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var total = Stopwatch.StartNew();
        foreach (var module in modules)
        {
            foreach (var projection in ProjectionsOf(module.Module))
            {
                var clock = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(projection, Timeout, ct);
                log.LogInformation("Rebuilt projection {Projection} of module {ModuleId} in {Seconds:F1} s", projection, module.Id, clock.Elapsed.TotalSeconds);
            }
        }

        log.LogInformation("Rebuilt the projections of {Modules} in {Seconds:F1} s", string.Join(", ", modules.Select(m => m.Id)), total.Elapsed.TotalSeconds);
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
