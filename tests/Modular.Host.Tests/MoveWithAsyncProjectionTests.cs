using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// A township with events an async projection applies (the Tally test plugin's tick projection, which counts every
/// tick it sees) is not moved: the target's daemon would apply the copied events again and count each tick twice. The
/// refusal names the projection and changes nothing; a township with no such events moves as before.
/// </summary>
public sealed class MoveWithAsyncProjectionTests
{
    [Fact]
    public async Task A_township_whose_events_an_async_projection_applies_is_not_moved_and_the_projection_is_named()
    {
        var databases = new Dictionary<string, string>
        {
            ["north"] = await TestDatabase.CreateDatabaseAsync("tallynorth"),
            ["south"] = await TestDatabase.CreateDatabaseAsync("tallysouth"),
        };
        var plugins = TestPlugins.Set("tally-several", "Modular.Samples.Tally");
        await using var platform = new WithDatabases(plugins, databases);
        await platform.InitializeAsync();
        var admin = await platform.AdminClientAsync();
        var ticking = await Scenario.CreateTownshipAsync(admin, "tally");
        var quiet = await Scenario.CreateTownshipAsync(admin, "tally");
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, ticking, "tally.clerk"), Scenario.Password);
        var tick = await clerk.PostAsJsonAsync($"/api/t/{ticking}/tally/ticks", new { marker = "迁移前" });
        Assert.Equal(HttpStatusCode.Created, tick.StatusCode);
        var from = await DatabaseOfAsync(admin, ticking);
        var to = from == "north" ? "south" : "north";
        for (var attempt = 0; await ProjectedCountAsync(databases[from], ticking) != 1; attempt++)
        {
            Assert.True(attempt < 150, "the daemon should project the tick");
            await Task.Delay(200);
        }

        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{ticking}")).GetProperty("history").GetArrayLength();
        var (exit, console) = await MoveTownshipCommand.RunAsync(platform, databases, plugins, "--township", ticking, "--to", to, "--grace-seconds", "0");

        Assert.True(exit == 1, $"exit {exit}\n{console}");
        Assert.Contains("tally_ticks", console, StringComparison.Ordinal);
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{ticking}");
        Assert.Equal(from, detail.GetProperty("database").GetString());
        Assert.Equal(history, detail.GetProperty("history").GetArrayLength()); // no maintenance was begun
        Assert.Equal(1, await ProjectedCountAsync(databases[from], ticking));
        Assert.Null(await ProjectedCountAsync(databases[to], ticking));
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/t/{ticking}/tally/ticks", new { marker = "拒绝后" })).StatusCode);

        // A township none of whose events the projection applies (it has none) moves.
        var quietFrom = await DatabaseOfAsync(admin, quiet);
        var quietTo = quietFrom == "north" ? "south" : "north";
        var moved = await MoveTownshipCommand.RunAsync(platform, databases, plugins, "--township", quiet, "--to", quietTo, "--grace-seconds", "0");
        Assert.True(moved.Exit == 0, moved.Console);
        Assert.Equal(quietTo, await DatabaseOfAsync(admin, quiet));
    }

    private sealed class WithDatabases(string plugins, IReadOnlyDictionary<string, string> databases) : PlatformFactory(plugins)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (id, connectionString) in databases)
            {
                builder.UseSetting($"Modular:Databases:{id}:ConnectionString", connectionString);
            }
        }
    }

    private static async Task<string> DatabaseOfAsync(HttpClient admin, string slug) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString()!;

    /// <summary>The tick projection's count of the township's first tick in one database; null when it holds no tick of it.</summary>
    private static async Task<int?> ProjectedCountAsync(string connectionString, string slug)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select max((data ->> 'Count')::int) from modular.mt_doc_tally_projected_tick where tenant_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        try
        {
            return await command.ExecuteScalarAsync() is int count ? count : null;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
