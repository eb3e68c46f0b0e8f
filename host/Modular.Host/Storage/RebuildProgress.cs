using System.Collections.Concurrent;
using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;

namespace Modular.Host.Storage;

/// <summary>
/// What the <c>rebuild-projections</c> command reports while it runs: events done, the rate so far and the time left at
/// that rate. Folded projections (<see cref="SnapshotRebuild"/>) count the events they have folded against the events
/// of their streams. Projections rebuilt by Marten's daemon report how far the slowest one still running has come
/// through the event sequence (its positions stand for events): what the daemon last committed for it (published on its
/// tracker at every flush) or, when the daemon lists the shard's agent, how far that agent has read.
/// </summary>
internal sealed class RebuildProgress(long events, ILogger log) : IDisposable, IObserver<ShardState>
{
    private readonly ConcurrentDictionary<string, long> _committed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _folded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _foldTotals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IProjectionDaemon? _daemon;
    private IReadOnlyList<string> _daemonProjections = [];
    private IDisposable? _subscription;

    /// <summary>Follows <paramref name="projections"/> as <paramref name="daemon"/> rebuilds them.</summary>
    public void Follow(IProjectionDaemon daemon, IReadOnlyList<string> projections)
    {
        (_daemon, _daemonProjections) = (daemon, projections);
        _subscription = daemon.Tracker.Subscribe(this);
    }

    /// <summary>The folded projections and the events of their streams.</summary>
    public void Fold(IReadOnlyDictionary<string, long> totals)
    {
        lock (_foldTotals)
        {
            foreach (var (projection, total) in totals)
            {
                _foldTotals[projection] = total;
            }
        }
    }

    public void Folded(string projection, long count) => _folded.AddOrUpdate(projection, count, (_, known) => known + count);

    void IObserver<ShardState>.OnNext(ShardState value)
    {
        // "<projection>:All" (or ":<tenant>"); the high-water mark and other shards pass by.
        var projection = value.ShardName.Split(':')[0];
        if (_daemonProjections.Contains(projection, StringComparer.Ordinal))
        {
            _committed.AddOrUpdate(projection, value.Sequence, (_, known) => Math.Max(known, value.Sequence));
        }
    }

    void IObserver<ShardState>.OnCompleted()
    {
    }

    void IObserver<ShardState>.OnError(Exception error)
    {
    }

    public void Finished(string projection)
    {
        lock (_finished)
        {
            _finished.Add(projection);
        }
    }

    public void Stop() => _stop.Cancel();

    public async Task WatchAsync(TimeSpan every, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(linked.Token))
            {
                Report();
            }
        }
        catch (OperationCanceledException)
        {
            // stopped: the command logs its summary
        }
    }

    private void Report()
    {
        string[] folding, replaying;
        long done, total;
        lock (_finished)
        {
            lock (_foldTotals)
            {
                folding = [.. _foldTotals.Keys.Where(p => !_finished.Contains(p))];
                done = _foldTotals.Keys.Sum(p => _finished.Contains(p) ? _foldTotals[p] : Math.Min(_foldTotals[p], _folded.GetValueOrDefault(p)));
                total = _foldTotals.Values.Sum();
            }

            replaying = [.. _daemonProjections.Where(p => !_finished.Contains(p))];
        }

        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        if (folding.Length > 0)
        {
            var rate = done / seconds;
            log.LogInformation("Folding {Running}: {Done:N0} of {Events:N0} events done ({Percent:F0} %), {Rate:N0} events/s, about {Left} left",
                string.Join(", ", folding), done, total, 100.0 * done / Math.Max(total, 1), rate, Left(total - done, rate));
        }

        if (replaying.Length > 0 && _daemon is { } daemon)
        {
            var read = daemon.CurrentAgents()
                .Where(a => replaying.Contains(a.Name.Name, StringComparer.Ordinal))
                .GroupBy(a => a.Name.Name)
                .ToDictionary(g => g.Key, g => g.Max(a => a is SubscriptionAgent s ? Math.Max(s.LastEnqueued, s.LastCommitted) : a.Position), StringComparer.Ordinal);
            var position = Math.Min(events, replaying.Min(p => Math.Max(read.GetValueOrDefault(p), _committed.GetValueOrDefault(p))));
            var rate = position / seconds;
            log.LogInformation("Rebuilding {Running} with the daemon: {Done:N0} of {Events:N0} events done ({Percent:F0} %), {Rate:N0} events/s, about {Left} left",
                string.Join(", ", replaying), position, events, 100.0 * position / Math.Max(events, 1), rate, Left(events - position, rate));
        }
    }

    private static string Left(long events, double rate) => rate > 0 ? $"{events / rate:F0} s" : "?";

    public void Dispose()
    {
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
