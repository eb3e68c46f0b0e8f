using System.Diagnostics;
using Modular.Resilience.Tests.Crash;
using Npgsql;

namespace Modular.Resilience.Tests.Failover;

/// <summary>
/// The daemon's split-brain guard. The node running the shards keeps running, but PostgreSQL ends the connection that
/// holds the shards' advisory locks (<c>pg_terminate_backend</c>, as a network cut or a failover of the server would),
/// so another node can take the locks while the old leader still believes it leads. Under write load, the shards must
/// go on, run by one node each, and every tick must still be applied and handled exactly once. What the old leader
/// did meanwhile (when it stopped claiming the shards, whether it ever claimed one together with another node) is
/// written to the test's output, never asserted as a time.
/// </summary>
[Collection(HostClusterCollection.Name)]
public sealed class SplitBrainTests(HostCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task When_the_leaders_lock_connection_is_terminated_the_shards_go_on_with_one_leader_each_and_every_event_is_processed_exactly_once()
    {
        var (run, leaders) = await TickRun.StartAsync(cluster, UntilEveryShardRunsAsync);
        output.WriteLine($"leading: {Describe(leaders)}");

        var terminated = await TerminateLockHoldersAsync();
        var clock = Stopwatch.StartNew();
        var atTermination = await cluster.ProgressAsync();
        Assert.NotEmpty(terminated);
        output.WriteLine($"terminated the lock connections (backend pids {string.Join(", ", terminated)}) at {Describe(atTermination)}; {run.Load.Acknowledged.Count} ticks acknowledged");

        // Until each shard has committed progress past the termination and is claimed by exactly one node.
        var overlaps = new List<string>();
        var stoppedClaiming = new Dictionary<string, long>(StringComparer.Ordinal);
        var progressed = new Dictionary<string, long>(StringComparer.Ordinal);
        Dictionary<string, HostNode[]> now;
        while (true)
        {
            now = ByShard(await cluster.ShardsByNodeAsync());
            var progress = await cluster.ProgressAsync();
            foreach (var shard in HostCluster.Shards)
            {
                var claimants = now.GetValueOrDefault(shard, []);
                if (claimants.Length > 1)
                {
                    overlaps.Add($"{clock.ElapsedMilliseconds} ms: {shard} claimed by {string.Join(" and ", claimants.Select(c => c.Address))}");
                }

                if (!stoppedClaiming.ContainsKey(shard) && !claimants.Contains(leaders[shard]))
                {
                    stoppedClaiming[shard] = clock.ElapsedMilliseconds;
                }

                if (!progressed.ContainsKey(shard) && progress.GetValueOrDefault(shard) > atTermination.GetValueOrDefault(shard))
                {
                    progressed[shard] = clock.ElapsedMilliseconds;
                }
            }

            if ((progressed.Count == HostCluster.Shards.Length && HostCluster.Shards.All(s => now.GetValueOrDefault(s, []).Length == 1)) || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                break;
            }

            await Task.Delay(100);
        }

        foreach (var shard in HostCluster.Shards)
        {
            output.WriteLine($"{shard}: led by {leaders[shard].Address} before; "
                + (stoppedClaiming.TryGetValue(shard, out var s) ? $"it stopped claiming the shard {s} ms after the termination" : "it never stopped claiming it (it took the lock back at once, or kept it)")
                + $"; committed progress again after {(progressed.TryGetValue(shard, out var p) ? $"{p} ms" : "never")}; now led by {string.Join(", ", now.GetValueOrDefault(shard, []).Select(n => n.Address))}");
        }

        output.WriteLine(overlaps.Count == 0 ? "no sample saw a shard claimed by two nodes" : $"claimed by two nodes in {overlaps.Count} samples: {string.Join("; ", overlaps.Take(10))}");
        Assert.True(progressed.Count == HostCluster.Shards.Length, $"no progress after the termination for {string.Join(", ", HostCluster.Shards.Except(progressed.Keys))}");
        Assert.All(HostCluster.Shards, shard => Assert.Single(now.GetValueOrDefault(shard, [])));

        await run.FinishAsync("termination", output);
    }

    /// <summary>Waits until every shard runs on exactly one node, and returns which.</summary>
    private async Task<Dictionary<string, HostNode>> UntilEveryShardRunsAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var byShard = ByShard(await cluster.ShardsByNodeAsync());
            if (HostCluster.Shards.All(s => byShard.GetValueOrDefault(s, []).Length == 1))
            {
                return HostCluster.Shards.ToDictionary(s => s, s => byShard[s][0], StringComparer.Ordinal);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the daemon's shards did not all start within a minute");
            await Task.Delay(200);
        }
    }

    /// <summary>Ends every backend holding an advisory lock in the database: the lock connections of the nodes leading shards.</summary>
    private async Task<List<int>> TerminateLockHoldersAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select l.pid, pg_terminate_backend(l.pid)
            from (select distinct pid from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())) l
            """, connection);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    private static Dictionary<string, HostNode[]> ByShard(Dictionary<HostNode, IReadOnlyDictionary<string, long>> byNode) =>
        HostCluster.Shards.ToDictionary(s => s, s => byNode.Where(n => n.Value.ContainsKey(s)).Select(n => n.Key).ToArray(), StringComparer.Ordinal);

    private static string Describe<T>(IReadOnlyDictionary<string, T> values) => string.Join(", ", values.Select(v => $"{v.Key} {(v.Value is HostNode n ? n.Address : v.Value)}"));
}
