using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Storage;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// A primary and a streaming standby on loopback (a base backup with <c>pg_basebackup -R</c>), the host on both
/// (<c>Modular:ReadReplica:ConnectionString</c> naming the standby). The ledger (a lag-tolerant read, API and page)
/// comes from the standby while it has replayed what was announced (counted by the replica, and its query is the
/// last one of a replica connection on the standby). With the standby's replay paused, a dispute taken in (on the
/// primary: the standby cannot write) empties the ledger's filter cache on commit; the ledger read next comes from the
/// primary, shows the dispute and refills the cache with its new village, and once replay resumes and catches up the
/// reads go to the standby again. The daemon holds its advisory locks on the primary and nothing but the replica reads
/// connects to the standby. With the standby stopped, the ledger answers from the primary and <c>/health/ready</c> says
/// the replica is away (degraded, still 200).
/// </summary>
public sealed class ReadReplicaTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>This class's clusters use ports of their own range, apart from the other sessions' clusters.</summary>
    private const int FirstPort = 55500;

    /// <summary>The county <see cref="Scenario.CreateTownshipAsync"/> puts every township in.</summary>
    private const string CountyCode = "520527";

    [Fact]
    public async Task Lag_tolerant_reads_come_from_the_standby_once_it_has_replayed_what_was_announced_and_from_the_primary_until_then_or_when_it_is_gone()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"modular-replica-{Guid.NewGuid():N}");
        var primary = new LocalPostgresCluster(Path.Combine(folder, "primary"), FreePortInRange(FirstPort), durable: false);
        var standby = new LocalPostgresCluster(Path.Combine(folder, "standby"), FreePortInRange(primary.Port + 1), durable: false);
        try
        {
            await primary.StartAsync();
            await standby.StartAsStandbyOfAsync(primary);
            Assert.True(await ScalarAsync<bool>(standby, "select pg_is_in_recovery()"), "the standby is not in recovery");

            await using var platform = new ReplicaPlatform(TestPlugins.Set("mediation", "Modular.Modules.Mediation"), primary.ConnectionString(), standby.ConnectionString());
            await platform.InitializeAsync();
            var admin = await platform.AdminClientAsync();
            var slug = await Scenario.CreateTownshipAsync(admin, "mediation");
            var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "mediation.mediator"), Scenario.Password);
            var county = await platform.SignedInClientAsync(await CountyTests.CreateCountyOfficerAsync(admin, CountyCode), Scenario.Password);

            var freshness = platform.Services.GetRequiredService<ReadReplica>().Freshness!;
            var first = await TakeInAsync(mediator, slug, "双河村");
            await UntilReplayedAsync(primary, standby);
            Assert.Equal("Healthy", (await ReplicaHealthAsync(platform)).Status);

            // (a): the standby has replayed the take-in's commit; within a check or two the ledger reads it.
            var onPrimaryAtFirst = freshness.ReadsOnPrimaryUntilReplayed;
            Assert.True(await EventuallyAsync(async () =>
            {
                var before = freshness.ReadsFromReplica;
                var rows = await LedgerAsync(mediator, slug);
                return freshness.ReadsFromReplica > before && rows.Contains(first.Id);
            }), $"the ledger did not come from the standby (required {freshness.Required}, replayed {freshness.Replayed})");
            Assert.True(await ScalarAsync<long>(standby,
                $"select count(*) from pg_stat_activity where application_name = '{ReadReplica.ApplicationName}' and query ilike '%mt_doc_dispute%'") > 0,
                "no replica connection on the standby ran the ledger's query");
            output.WriteLine($"after the first take-in: {freshness.ReadsOnPrimaryUntilReplayed - onPrimaryAtFirst} ledger reads on the primary before one came from the standby");

            // (b): the standby stops replaying; what the primary commits now, the standby does not have.
            await ScalarAsync<object>(standby, "select pg_wal_replay_pause()");
            Assert.True(await EventuallyAsync(async () => await ScalarAsync<string>(standby, "select pg_get_wal_replay_pause_state()") == "paused"), "the standby's replay did not pause");
            var second = await TakeInAsync(mediator, slug, "石桥村"); // a write: only the primary can take it; it empties the filter cache
            var fromStandby = freshness.ReadsFromReplica;
            var onPrimary = freshness.ReadsOnPrimaryUntilReplayed;
            var own = await mediator.GetAsync($"/api/t/{slug}/mediation/disputes/{second.Id}");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode); // the dispute's record reads the primary
            var ledger = await LedgerAsync(mediator, slug);
            Assert.Contains(first.Id, ledger);
            Assert.Contains(second.Id, ledger); // the standby has not replayed the announced change: the primary answered
            var page = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes");
            Assert.Contains(second.Number, page, StringComparison.Ordinal);
            Assert.Contains("<option value=\"石桥村\"", page, StringComparison.Ordinal); // the village filter, refilled from the primary
            Assert.Equal(fromStandby, freshness.ReadsFromReplica);
            Assert.True(freshness.ReadsOnPrimaryUntilReplayed > onPrimary);
            Assert.False(await ScalarAsync<bool>(standby, $"select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '{freshness.Required}'::pg_lsn) >= 0"),
                "the standby has replayed the change although its replay is paused");
            output.WriteLine($"while paused: {freshness.ReadsOnPrimaryUntilReplayed - onPrimary} lag-tolerant sessions on the primary, required {freshness.Required}, replayed {freshness.Replayed}");
            Assert.True(await ScalarAsync<long>(standby, $"select count(*) from pg_stat_activity where application_name = '{ReadReplica.ApplicationName}'") > 0);

            // (d): the daemon leads on the primary; on the standby there is no advisory lock and no connection but the replica reads'.
            Assert.True(await EventuallyAsync(async () => await ScalarAsync<long>(primary, "select count(*) from pg_locks where locktype = 'advisory'") > 0),
                "the daemon holds no advisory lock on the primary");
            Assert.Equal(0, await ScalarAsync<long>(standby, "select count(*) from pg_locks where locktype = 'advisory'"));
            var strangers = await ScalarAsync<long>(standby,
                $"select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid() and application_name <> '{ReadReplica.ApplicationName}'");
            Assert.Equal(0, strangers);

            // The standby catches up: the reads go back to it, and the filter it serves has the new village.
            await ScalarAsync<object>(standby, "select pg_wal_replay_resume()");
            var resumed = Stopwatch.StartNew();
            onPrimary = freshness.ReadsOnPrimaryUntilReplayed;
            Assert.True(await EventuallyAsync(async () =>
            {
                var before = freshness.ReadsFromReplica;
                var rows = await LedgerAsync(mediator, slug);
                return freshness.ReadsFromReplica > before && rows.Contains(second.Id);
            }), $"the ledger did not come from the standby again after its replay resumed (required {freshness.Required}, replayed {freshness.Replayed})");
            output.WriteLine($"after the resume: the ledger came from the standby again within {resumed.ElapsedMilliseconds} ms, {freshness.ReadsOnPrimaryUntilReplayed - onPrimary} reads on the primary before");
            fromStandby = freshness.ReadsFromReplica;
            Assert.Contains("<option value=\"石桥村\"", await mediator.GetStringAsync($"/t/{slug}/mediation/disputes"), StringComparison.Ordinal);
            Assert.True(freshness.ReadsFromReplica > fromStandby);

            // The county's figures too, from the modules' queries across townships to the annual-report column.
            fromStandby = freshness.ReadsFromReplica;
            var figures = await county.GetFromJsonAsync<JsonElement>($"/api/county/{CountyCode}/figures?year=2026");
            var row = figures.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("township").GetString() == slug);
            Assert.Equal(2, row.GetProperty("values").GetProperty("mediation.disputes-screened").GetDecimal());
            Assert.True(freshness.ReadsFromReplica > fromStandby);
            // Its last statements (the pool reuses one connection): the annual-report column's, after the modules' figures.
            var last = await ScalarAsync<string>(standby,
                $"select string_agg(left(query, 120), ' | ') from pg_stat_activity where application_name = '{ReadReplica.ApplicationName}'");
            output.WriteLine($"the replica connections' last statements on the standby: {last}");
            Assert.Contains("'SentAt'", last, StringComparison.Ordinal); // SentReports' projection of the reports

            // (c): the standby is gone; the ledger reads the primary, health says degraded and stays 200.
            await standby.StopAsync();
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                using var response = await mediator.GetAsync($"/api/t/{slug}/mediation/disputes");
                answers.Add(response.StatusCode);
            }

            output.WriteLine($"ledger reads after the standby stopped: {string.Join(", ", answers.Select(a => (int)a))}");
            // The first read may meet a pooled connection to the stopped standby (503 with Retry-After); every later one answers.
            Assert.All(answers.Skip(1), a => Assert.Equal(HttpStatusCode.OK, a));
            Assert.True(answers[0] is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"first read after the stop answered {(int)answers[0]}");
            Assert.Contains(second.Id, await LedgerAsync(mediator, slug));
            var health = await ReplicaHealthAsync(platform);
            Assert.Equal("Degraded", health.Status);
            Assert.Equal(HttpStatusCode.OK, health.Code);
            var third = await TakeInAsync(mediator, slug, "双河村");
            Assert.Contains(third.Id, await LedgerAsync(mediator, slug)); // from the primary: nothing lags now
        }
        finally
        {
            await standby.StopAsync();
            await primary.StopAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder left in /tmp is harmless.
            }
        }
    }

    private static async Task<(Guid Id, string Number)> TakeInAsync(HttpClient mediator, string slug, string village)
    {
        var response = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes", new Dictionary<string, object?>
        {
            ["source"] = "Visit",
            ["receivedOn"] = "2026-11-02",
            ["category"] = "Neighbours",
            ["village"] = village,
            ["summary"] = "两户因宅基地排水沟走向发生争执",
            ["risk"] = "Low",
            ["parties"] = new object[]
            {
                new Dictionary<string, object?> { ["name"] = "刘德华", ["role"] = "Applicant" },
                new Dictionary<string, object?> { ["name"] = "张学友", ["role"] = "Respondent" },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var record = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/{id}");
        return (id, record.GetProperty("number").GetString()!);
    }

    private static async Task<HashSet<Guid>> LedgerAsync(HttpClient client, string slug)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes");
        return [.. page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
    }

    private static async Task<(HttpStatusCode Code, string Status)> ReplicaHealthAsync(ReplicaPlatform platform)
    {
        using var client = platform.CreateClient();
        using var response = await client.GetAsync("/health/ready");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, health.RootElement.GetProperty("checks").GetProperty("read-replica").GetProperty("status").GetString()!);
    }

    /// <summary>Waits (bounded) until the standby has replayed everything the primary had written when asked.</summary>
    private static async Task UntilReplayedAsync(LocalPostgresCluster primary, LocalPostgresCluster standby)
    {
        var lsn = await ScalarAsync<string>(primary, "select pg_current_wal_lsn()::text");
        Assert.True(await EventuallyAsync(async () => await ScalarAsync<bool>(standby, $"select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '{lsn}'::pg_lsn) >= 0")),
            "the standby did not replay the primary's WAL");
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static async Task<T> ScalarAsync<T>(LocalPostgresCluster cluster, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Pooling = false, ApplicationName = "replica-test" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static int FreePortInRange(int from)
    {
        for (var port = from; port < FirstPort + 100; port++)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken; the next one
            }
        }

        throw new InvalidOperationException($"no free port in {FirstPort}–{FirstPort + 99}");
    }

    /// <summary>The test host on the primary, with the standby as its read replica.</summary>
    private sealed class ReplicaPlatform(string plugins, string primary, string replica) : PlatformFactory(plugins, database: primary)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:ReadReplica:ConnectionString", replica);
        }
    }
}
