namespace Modular.Resilience.Tests.Failover;

/// <summary>
/// One failover scenario's write load, both ends of it: a township with <see cref="Clerks"/> clerks, the daemon's
/// shards running, ticks appended until <see cref="Warmup"/> are acknowledged; then, once the test has done its harm,
/// as many again acknowledged, the load stopped, and every tick appended applied by the async projection and handled
/// by the integration-event handler exactly once.
/// </summary>
internal sealed class TickRun(HostCluster cluster, string township, TickLoad load, CancellationTokenSource stop, Task running)
{
    public const int Clerks = 4;

    /// <summary>Ticks acknowledged before the harm, and again after it.</summary>
    public const int Warmup = 40;

    public TickLoad Load => load;

    /// <summary>Prepares the township, waits with <paramref name="untilShardsRun"/> (which tells what runs where), and starts the load.</summary>
    public static async Task<(TickRun Run, T Shards)> StartAsync<T>(HostCluster cluster, Func<Task<T>> untilShardsRun)
    {
        var (township, clerks) = await cluster.PrepareAsync(Clerks);
        var shards = await untilShardsRun();
        var load = new TickLoad(cluster, clerks, township);
        var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        await load.UntilAcknowledgedAsync(Warmup, TimeSpan.FromSeconds(60));
        return (new TickRun(cluster, township, load, stop, running), shards);
    }

    /// <summary>Writes go on after <paramref name="harm"/>; then every tick is counted.</summary>
    public async Task FinishAsync(string harm, ITestOutputHelper output)
    {
        var after = load.Acknowledged.Count;
        await load.UntilAcknowledgedAsync(after + Warmup, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running;
        stop.Dispose();
        Assert.True(load.Acknowledged.Count > after, $"no tick was acknowledged after the {harm}");

        var counts = await TickCounts.UntilCaughtUpAsync(cluster.ConnectionString, township, TimeSpan.FromSeconds(60));
        output.WriteLine($"ticks acknowledged {load.Acknowledged.Count}, unacknowledged {load.Unacknowledged.Count}, appended {counts.Appended.Count}; answers {Crash.WriteLoad.Describe(load.Statuses)}");
        Assert.Empty(load.Acknowledged.Except(counts.Appended.Values));
        Assert.Empty(TickCounts.Problems("projected", counts.Appended, counts.Projected));
        Assert.Empty(TickCounts.Problems("handled", counts.Appended, counts.Handled));
    }
}
