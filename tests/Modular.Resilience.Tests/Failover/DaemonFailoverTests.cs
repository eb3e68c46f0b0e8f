using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Modular.Resilience.Tests.Crash;
using Npgsql;

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
    private const int Clerks = 4;

    [Fact]
    public async Task When_the_node_running_the_daemon_is_killed_another_takes_over_and_every_event_is_processed_exactly_once()
    {
        var (township, clerks) = await cluster.PrepareAsync(Clerks);
        var leader = await UntilEveryShardRunsAsync();
        var load = new TickLoad(cluster, clerks, township);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);

        await load.UntilAcknowledgedAsync(40, TimeSpan.FromSeconds(60));
        var killedShards = (await cluster.ShardsByNodeAsync())[leader].Keys.ToList();
        Assert.NotEmpty(killedShards);
        var killed = Stopwatch.StartNew();
        leader.Kill();
        var atKill = await cluster.ProgressAsync();
        output.WriteLine($"killed {leader.Address} (ran {string.Join(", ", killedShards)}) at positions {Describe(atKill, killedShards)}; {load.Acknowledged.Count} ticks acknowledged");

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

        var afterTakeover = load.Acknowledged.Count;
        await load.UntilAcknowledgedAsync(afterTakeover + 40, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running;
        Assert.True(load.Acknowledged.Count > afterTakeover, "no tick was acknowledged after the takeover");

        var byNode = await cluster.ShardsByNodeAsync();
        Assert.DoesNotContain(leader, byNode.Keys);
        foreach (var shard in HostCluster.Shards)
        {
            Assert.Single(byNode, n => n.Value.ContainsKey(shard));
        }

        output.WriteLine($"now: {string.Join("; ", byNode.Select(n => $"{n.Key.Address} runs {string.Join(", ", n.Value.Keys)}"))}");
        var counts = await UntilCaughtUpAsync(cluster.ConnectionString, township, TimeSpan.FromSeconds(60));
        output.WriteLine($"ticks acknowledged {load.Acknowledged.Count}, unacknowledged {load.Unacknowledged.Count}, appended {counts.Appended.Count}; answers {WriteLoad.Describe(load.Statuses)}");

        Assert.Empty(load.Acknowledged.Except(counts.Appended.Values));
        Assert.Empty(Problems("projected", counts.Appended, counts.Projected));
        Assert.Empty(Problems("handled", counts.Appended, counts.Handled));
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

    /// <summary>Waits (bounded) until both counters hold a document for every appended tick, then reads them.</summary>
    private static async Task<TickCounts> UntilCaughtUpAsync(string connectionString, string township, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var counts = await TickCounts.ReadAsync(connectionString, township);
            if ((counts.Projected.Count >= counts.Appended.Count && counts.Handled.Count >= counts.Appended.Count) || clock.Elapsed > timeout)
            {
                return counts;
            }

            await Task.Delay(200);
        }
    }

    private static List<string> Problems(string what, IReadOnlyDictionary<Guid, string> appended, IReadOnlyDictionary<Guid, int> counted) =>
        [
            .. appended.Keys.Where(t => !counted.ContainsKey(t)).Select(t => $"tick {t} was never {what} (skipped)"),
            .. counted.Where(c => c.Value != 1).Select(c => $"tick {c.Key} was {what} {c.Value} times"),
            .. counted.Keys.Where(t => !appended.ContainsKey(t)).Select(t => $"{what} tick {t} was never appended"),
        ];

    private static string Describe(Dictionary<string, long> progress, IEnumerable<string> shards) =>
        string.Join(", ", shards.Select(s => $"{s} {progress.GetValueOrDefault(s)}"));

    private sealed record TickCounts(IReadOnlyDictionary<Guid, string> Appended, IReadOnlyDictionary<Guid, int> Projected, IReadOnlyDictionary<Guid, int> Handled)
    {
        public static async Task<TickCounts> ReadAsync(string connectionString, string township)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var appended = new Dictionary<Guid, string>();
            await using (var events = new NpgsqlCommand("select (data->>'TickId')::uuid, data->>'Marker' from modular.mt_events where tenant_id = @t and type = 'tally.tick-recorded.v1'", connection))
            {
                events.Parameters.AddWithValue("t", township);
                await using var reader = await events.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    appended[reader.GetGuid(0)] = reader.GetString(1);
                }
            }

            return new TickCounts(appended, await CountsAsync(connection, "mt_doc_tally_projected_tick", township), await CountsAsync(connection, "mt_doc_tally_handled_tick", township));
        }

        private static async Task<Dictionary<Guid, int>> CountsAsync(NpgsqlConnection connection, string table, string township)
        {
            var counts = new Dictionary<Guid, int>();
            await using var command = new NpgsqlCommand($"select id, (data->>'Count')::int from modular.{table} where tenant_id = @t", connection);
            command.Parameters.AddWithValue("t", township);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[reader.GetGuid(0)] = reader.GetInt32(1);
            }

            return counts;
        }
    }

    /// <summary>
    /// Clerks each append ticks one after another, every request to the next running node in turn, each tick carrying a
    /// marker of its own. 201 acknowledges it; a refused connection or a reset (the killed node) leaves it unacknowledged.
    /// </summary>
    private sealed class TickLoad(HostCluster cluster, IReadOnlyList<HttpClient> clerks, string township)
    {
        private readonly ConcurrentDictionary<string, bool> _acknowledged = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _unacknowledged = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<int, int> _statuses = new();
        private int _turn;

        public ICollection<string> Acknowledged => _acknowledged.Keys;

        public ICollection<string> Unacknowledged => _unacknowledged.Keys;

        public IReadOnlyDictionary<int, int> Statuses => _statuses;

        public Task RunAsync(CancellationToken stop) => Task.WhenAll(clerks.Select(c => Task.Run(() => ClerkAsync(c, stop), CancellationToken.None)));

        public async Task UntilAcknowledgedAsync(int count, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (_acknowledged.Count < count && clock.Elapsed < timeout)
            {
                await Task.Delay(50);
            }
        }

        private async Task ClerkAsync(HttpClient clerk, CancellationToken stop)
        {
            for (var i = 0; i < WriteLoad.MaxWritesPerClient && !stop.IsCancellationRequested; i++)
            {
                var running = cluster.Nodes.Where(n => n.Running).ToList();
                var node = running[(Interlocked.Increment(ref _turn) & int.MaxValue) % running.Count];
                var marker = $"failover-{Guid.NewGuid():N}";
                try
                {
                    using var response = await clerk.PostAsJsonAsync(new Uri(node.Address, $"/api/t/{township}/tally/ticks"), new { marker }, CancellationToken.None);
                    _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        _acknowledged[marker] = true;
                        continue;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // the node was killed under this request
                }

                _unacknowledged[marker] = true;
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }
}
