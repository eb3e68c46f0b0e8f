using System.Diagnostics;
using Modular.Resilience.Tests.Crash;

namespace Modular.Resilience.Tests.Failover;

[CollectionDefinition(Name)]
public sealed class HostClusterCollection : ICollectionFixture<HostCluster>
{
    public const string Name = "host cluster";
}

/// <summary>
/// The projection daemon in hot/cold mode over three real hosts on one database: the node that runs the shards is
/// killed with kill -9 under write load, another node takes them over, and every tick appended (through any node,
/// before, during and after) is applied exactly once by the async projection and handled exactly once by the
/// integration-event handler. The takeover time is written to the test's output, never asserted.
/// </summary>
[Collection(HostClusterCollection.Name)]
public sealed class DaemonFailoverTests(HostCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task When_the_node_running_the_daemon_is_killed_another_takes_over_and_every_event_is_processed_exactly_once()
    {
        var (run, leader) = await TickRun.StartAsync(cluster, UntilEveryShardRunsAsync);
        var killedShards = (await cluster.ShardsByNodeAsync())[leader].Keys.ToList();
        Assert.NotEmpty(killedShards);
        var killed = Stopwatch.StartNew();
        leader.Kill();
        var atKill = await cluster.ProgressAsync();
        output.WriteLine($"killed {leader.Address} (ran {string.Join(", ", killedShards)}) at positions {Describe(atKill, killedShards)}; {run.Load.Acknowledged.Count} ticks acknowledged");

        // Taken over = a surviving node's daemon has committed progress past where the dead leader left each shard.
        var takenOver = new Dictionary<string, long>(StringComparer.Ordinal);
        while (takenOver.Count < killedShards.Count && killed.Elapsed < TimeSpan.FromSeconds(60))
        {
            var now = await cluster.ProgressAsync();
            foreach (var shard in killedShards.Where(s => !takenOver.ContainsKey(s) && now.GetValueOrDefault(s) > atKill.GetValueOrDefault(s)))
            {
                takenOver[shard] = killed.ElapsedMilliseconds;
            }

            await Task.Delay(50);
        }

        Assert.True(takenOver.Count == killedShards.Count, $"no surviving node progressed {string.Join(", ", killedShards.Except(takenOver.Keys))} within a minute of the kill");
        foreach (var (shard, ms) in takenOver)
        {
            output.WriteLine($"takeover of {shard}: {ms} ms from kill -9 to a surviving node's first committed progress");
        }

        await run.FinishAsync("takeover", output);
        var byNode = await cluster.ShardsByNodeAsync();
        Assert.DoesNotContain(leader, byNode.Keys);
        foreach (var shard in HostCluster.Shards)
        {
            Assert.Single(byNode, n => n.Value.ContainsKey(shard));
        }

        output.WriteLine($"now: {string.Join("; ", byNode.Select(n => $"{n.Key.Address} runs {string.Join(", ", n.Value.Keys)}"))}");
    }

    /// <summary>Waits until every shard runs on one node or another and returns the node running the async projection.</summary>
    private async Task<HostNode> UntilEveryShardRunsAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var byNode = await cluster.ShardsByNodeAsync();
            if (HostCluster.Shards.All(s => byNode.Any(n => n.Value.ContainsKey(s))))
            {
                output.WriteLine($"leading: {string.Join("; ", byNode.Select(n => $"{n.Key.Address} runs [{string.Join(", ", n.Value.Keys)}]"))}");
                return byNode.First(n => n.Value.ContainsKey("tally_ticks:All")).Key;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the daemon's shards did not all start within a minute");
            await Task.Delay(200);
        }
    }

    private static string Describe(Dictionary<string, long> progress, IEnumerable<string> shards) =>
        string.Join(", ", shards.Select(s => $"{s} {progress.GetValueOrDefault(s)}"));
}
