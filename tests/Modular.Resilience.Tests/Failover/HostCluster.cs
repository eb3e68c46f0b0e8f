using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Modular.Host.Storage;
using Modular.Resilience.Tests.Crash;
using Modular.Testing;
using Npgsql;

namespace Modular.Resilience.Tests.Failover;

/// <summary>
/// Three built hosts as child processes (<see cref="HostNode"/>) on one database of a throw-away cluster, with the
/// tally test plugin only, sharing one data-protection key as a deployment behind a proxy does.
/// </summary>
public sealed class HostCluster : IAsyncLifetime
{
    public const int Size = 3;

    /// <summary>The shards the tally plugin and the host give the daemon: the async projection and the integration-event relay.</summary>
    public static readonly string[] Shards = ["integration-events:All", "tally_ticks:All"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"modular-failover-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private LocalPostgresCluster _cluster = null!;

    public List<HostNode> Nodes { get; } = [];

    public string ConnectionString => _cluster.ConnectionString();

    public async Task InitializeAsync()
    {
        // Not durable: the database is never stopped here, only the hosts are killed.
        _cluster = new LocalPostgresCluster(Path.Combine(_folder, "postgres"), LocalPostgresCluster.FreePort(), durable: false);
        await _cluster.StartAsync();
        var plugins = TestPlugins.Set("failover", "Modular.Samples.Tally");
        var settings = new Dictionary<string, string>
        {
            ["Modular:DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Modular:DataPath"] = Path.Combine(_folder, "data"),
        };
        // To measure the takeover under another poll (Marten's default is 5000 ms), as bench/scale-results.md does.
        if (Environment.GetEnvironmentVariable("MODULAR_FAILOVER_LEADERSHIP_POLLING_MS") is { Length: > 0 } polling)
        {
            settings["Modular:Daemon:LeadershipPollingMilliseconds"] = polling;
        }

        for (var i = 0; i < Size; i++)
        {
            Nodes.Add(new HostNode(_cluster.ConnectionString(), plugins, Path.Combine(_folder, $"logs-{i}"), settings));
        }

        // The first alone (it creates the schema and the admin), then the others together.
        await Nodes[0].StartAsync();
        await Task.WhenAll(Nodes.Skip(1).Select(n => n.StartAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            node.Dispose();
        }

        await _cluster.StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder left in /tmp is harmless.
        }
    }

    /// <summary>The shards each running node says it runs (<c>/health/ready</c>, check <c>projection-daemon</c>), by node.</summary>
    public async Task<Dictionary<HostNode, IReadOnlyDictionary<string, long>>> ShardsByNodeAsync()
    {
        var found = new Dictionary<HostNode, IReadOnlyDictionary<string, long>>();
        foreach (var node in Nodes.Where(n => n.Running))
        {
            using var client = node.Client();
            using var response = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var data = health.RootElement.GetProperty("checks").GetProperty("projection-daemon").GetProperty("data");
            found[node] = data.GetProperty("shards").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        }

        return found;
    }

    /// <summary>Each shard's committed position (<c>mt_event_progression</c>): what the daemon has processed and stored.</summary>
    public async Task<Dictionary<string, long>> ProgressAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select name, last_seq_id from modular.mt_event_progression", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var progress = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            progress[reader.GetString(0)] = reader.GetInt64(1);
        }

        return progress;
    }

    /// <summary>A township with the tally enabled and <paramref name="clerks"/> signed-in clerks (their cookies serve every node).</summary>
    public async Task<(string Township, List<HttpClient> Clerks)> PrepareAsync(int clerks)
    {
        using var admin = Nodes[0].Client();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = HostProcess.AdminPassword })).StatusCode);
        var township = await Scenario.CreateTownshipAsync(admin, "tally");
        var clients = new List<HttpClient>();
        for (var i = 0; i < clerks; i++)
        {
            var name = await Scenario.CreateUserAsync(admin, township, "tally.clerk");
            var clerk = Nodes[i % Nodes.Count].Client();
            Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync("/api/auth/login", new { userName = name, password = Scenario.Password })).StatusCode);
            clients.Add(clerk);
        }

        return (township, clients);
    }
}
