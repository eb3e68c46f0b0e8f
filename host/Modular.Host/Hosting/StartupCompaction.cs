using System.Runtime;

namespace Modular.Host.Hosting;

/// <summary>
/// The last of the start-up work before Kestrel listens: one full, blocking, compacting collection, the large-object
/// heap included. The start allocates far more than it keeps (the plugins' metadata, the container's registrations,
/// Marten's mappings and schema comparison, the route table, and on a fresh database the demo's records and hashed
/// passwords), and the server GC otherwise holds the pages of that garbage until load makes it collect: the resident
/// memory of a host that has only started stayed at its start-up peak (bench/startup-results.md).
/// </summary>
internal sealed class StartupCompaction(StartupTimeline timeline) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        timeline.Time("compaction", () =>
        {
            // Aggressive, not Forced: a forced collection compacts but the server GC keeps the freed regions committed
            // for later allocations (the cold start's resident memory did not move); aggressive also decommits them.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return true;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
