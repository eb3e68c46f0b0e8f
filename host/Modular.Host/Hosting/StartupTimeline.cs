using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Modular.Host.Hosting;

/// <summary>
/// How long each stage of the start took: one Information line as each ends ("Start-up stage schema took 41 ms"), and
/// one summary line once the host serves, with every stage and the time since the process started. Stages may run
/// side by side; each is timed on its own, so their sum may exceed the total.
/// </summary>
/// <remarks>
/// Start-up work grows with the number of modules (plugins loaded, their Marten hooks and schema objects, their demo
/// data and demo users) and of townships (the claims backfill reads each township's records once per start). The
/// summary says where a slow start went without a profiler; bench/startup-results.md records the figures.
/// </remarks>
internal sealed class StartupTimeline(Serilog.ILogger log)
{
    private readonly ConcurrentQueue<(string Stage, double Milliseconds)> _stages = new();
    private readonly long _created = Stopwatch.GetTimestamp();
    private long _lastMark = Stopwatch.GetTimestamp();
    private int _summarised;

    /// <summary>Milliseconds since the process started (the runtime's own start included).</summary>
    public static double SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalMilliseconds;
    }

    /// <summary>The stages that have ended, in the order they ended.</summary>
    public IReadOnlyList<(string Stage, double Milliseconds)> Stages => [.. _stages];

    /// <summary>Times <paramref name="work"/> as the stage <paramref name="stage"/>.</summary>
    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Record(stage, Stopwatch.GetElapsedTime(started));
        }
    }

    public Task TimeAsync(string stage, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return TimeAsync(stage, async () =>
        {
            await work();
            return true;
        });
    }

    public T Time<T>(string stage, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Record(stage, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Starts the marks' clock afresh, recording nothing.</summary>
    public void ResetMark() => Interlocked.Exchange(ref _lastMark, Stopwatch.GetTimestamp());

    /// <summary>Records the time since the previous mark (or the timeline's start) as <paramref name="stage"/>.</summary>
    public void Mark(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        Record(stage, Stopwatch.GetElapsedTime(Interlocked.Exchange(ref _lastMark, now), now));
    }

    public void Record(string stage, TimeSpan elapsed)
    {
        _stages.Enqueue((stage, elapsed.TotalMilliseconds));
        log.Information("Start-up stage {StartupStage} took {ElapsedMs:F0} ms", stage, elapsed.TotalMilliseconds);
    }

    /// <summary>Once, when the host serves: every stage, the time since the timeline began and since the process started.</summary>
    public void Summarise()
    {
        if (Interlocked.Exchange(ref _summarised, 1) != 0)
        {
            return;
        }

        var stages = string.Join(", ", Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Milliseconds:F0}")));
        // What the start cost the runtime: methods compiled by the JIT (none of the host's or the modules' code is
        // precompiled) and the managed heap it left, against the process's resident memory.
        var heap = GC.GetGCMemoryInfo();
        log.Information("Started in {StartupMs:F0} ms ({ProcessMs:F0} ms since the process started); stages in ms: {StartupStages}; JIT {JitMethods} methods in {JitMs:F0} ms; GC heap {HeapMiB:F0} MiB, committed {CommittedMiB:F0} MiB",
            Stopwatch.GetElapsedTime(_created).TotalMilliseconds, SinceProcessStart(), stages,
            System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
            heap.HeapSizeBytes / 1048576.0, heap.TotalCommittedBytes / 1048576.0);
    }
}

/// <summary>
/// A hosted service that does nothing but mark the end of the hosted services registered before it (they start one
/// after the other), for those the platform does not own (Marten's schema and daemon).
/// </summary>
internal sealed class StartupMark(StartupTimeline timeline, string stage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        timeline.Mark(stage);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
