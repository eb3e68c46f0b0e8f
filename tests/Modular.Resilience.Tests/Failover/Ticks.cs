using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Modular.Resilience.Tests.Crash;
using Npgsql;

namespace Modular.Resilience.Tests.Failover;

/// <summary>What the tally counted, tick by tick: appended (events), projected (the async projection) and handled (the integration-event handler).</summary>
internal sealed record TickCounts(IReadOnlyDictionary<Guid, string> Appended, IReadOnlyDictionary<Guid, int> Projected, IReadOnlyDictionary<Guid, int> Handled)
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

    /// <summary>Waits (bounded) until both counters hold a document for every appended tick, then reads them.</summary>
    public static async Task<TickCounts> UntilCaughtUpAsync(string connectionString, string township, TimeSpan timeout)
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

    public static List<string> Problems(string what, IReadOnlyDictionary<Guid, string> appended, IReadOnlyDictionary<Guid, int> counted) =>
        [
            .. appended.Keys.Where(t => !counted.ContainsKey(t)).Select(t => $"tick {t} was never {what} (skipped)"),
            .. counted.Where(c => c.Value != 1).Select(c => $"tick {c.Key} was {what} {c.Value} times"),
            .. counted.Keys.Where(t => !appended.ContainsKey(t)).Select(t => $"{what} tick {t} was never appended"),
        ];
}

/// <summary>
/// Clerks each append ticks one after another, every request to the next running node in turn, each tick carrying a
/// marker of its own. 201 acknowledges it; a refused connection or a reset (the killed node) leaves it unacknowledged.
/// </summary>
internal sealed class TickLoad(HostCluster cluster, IReadOnlyList<HttpClient> clerks, string township)
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
