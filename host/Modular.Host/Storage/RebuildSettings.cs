using Marten;

namespace Modular.Host.Storage;

/// <summary>
/// How the <c>rebuild-projections</c> command asks Marten's daemon to replay: settings that only a rebuild reads, set on
/// the command's own store just before its daemon is built (a serving host never rebuilds, so it never uses them).
/// Binary COPY for a rebuild's first writes (<c>RebuildWithBulkCopy</c>) is set with the store itself
/// (<c>PlatformServices.ConfigureStore</c>): the store reads it when it is built.
/// </summary>
internal static class RebuildSettings
{
    /// <summary>Events read per page (Marten's default is 500).</summary>
    public const int BatchSize = 5_000;

    /// <summary>Events held in memory ahead of the projection (Marten's default is 5,000).</summary>
    public const int HopperSize = 20_000;

    /// <summary>
    /// Snapshots kept in memory before they are written (Marten's default, 0, writes them after every page): each dispute
    /// is written about once instead of after every page holding one of its events. 150,000 (one flush at the end) measured
    /// no faster on the county benchmark, and the command's progress moves only at a flush.
    /// </summary>
    public const int FlushThreshold = 25_000;

    public static void Apply(StoreOptions options, IEnumerable<string> projections)
    {
        var names = projections.ToHashSet(StringComparer.Ordinal);
        foreach (var projection in options.Projections.All.Where(p => names.Contains(p.Name)))
        {
            projection.Options.BatchSize = BatchSize;
            projection.Options.MaximumHopperSize = HopperSize;
            projection.Options.RebuildFlushThreshold = FlushThreshold;
        }
    }
}
