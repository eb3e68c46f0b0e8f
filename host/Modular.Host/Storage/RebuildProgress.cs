using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;

namespace Modular.Host.Storage;

/// <summary>
/// What the <c>rebuild-projections</c> command reports while it runs: how far the slowest projection still running has
/// come through the event sequence (its positions stand for events), the rate so far, and the time left at that rate.
/// A projection's position is what the daemon last committed for it (published on its tracker at every flush of
/// snapshots) or, when the daemon lists the shard's agent, how far that agent has read.
/// </summary>
internal sealed class RebuildProgress : IDisposable, IObserver<ShardState>
{
    private readonly IProjectionDaemon _daemon;
    private readonly IReadOnlyList<string> _projections;
    private readonly long _events;
    private readonly ILogger _log;
    private readonly IDisposable _subscription;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _committed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public RebuildProgress(IProjectionDaemon daemon, IReadOnlyList<string> projections, long events, ILogger log)
    {
        (_daemon, _projections, _events, _log) = (daemon, projections, events, log);
        _subscription = daemon.Tracker.Subscribe(this);
    }

    void IObserver<ShardState>.OnNext(ShardState value)
    {
        // "<projection>:All" (or ":<tenant>"); the high-water mark and other shards pass by.
        var projection = value.ShardName.Split(':')[0];
        if (_projections.Contains(projection, StringComparer.Ordinal))
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
        string[] running;
        lock (_finished)
        {
            running = [.. _projections.Where(p => !_finished.Contains(p))];
        }

        if (running.Length == 0)
        {
            return;
        }

        var read = _daemon.CurrentAgents()
            .Where(a => running.Contains(a.Name.Name, StringComparer.Ordinal))
            .GroupBy(a => a.Name.Name)
            .ToDictionary(g => g.Key, g => g.Max(a => a is SubscriptionAgent s ? Math.Max(s.LastEnqueued, s.LastCommitted) : a.Position), StringComparer.Ordinal);
        var done = Math.Min(_events, running.Min(p => Math.Max(read.GetValueOrDefault(p), _committed.GetValueOrDefault(p))));
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = done / Math.Max(seconds, 0.001);
        var left = rate > 0 ? TimeSpan.FromSeconds((_events - done) / rate) : (TimeSpan?)null;
        _log.LogInformation("Rebuilding {Running}: {Done:N0} of {Events:N0} events done ({Percent:F0} %), {Rate:N0} events/s, about {Left} left",
            string.Join(", ", running), done, _events, 100.0 * done / Math.Max(_events, 1), rate, left is { } l ? $"{l.TotalSeconds:F0} s" : "?");
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _stop.Dispose();
    }
}
