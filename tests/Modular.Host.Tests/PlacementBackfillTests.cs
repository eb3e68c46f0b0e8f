using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// A platform that was one database and is given township databases: at its next start every township registered
/// before gets its placement (<c>platform</c>, with the reason), written once, and is served from where its records are.
/// </summary>
public sealed class PlacementBackfillTests
{
    [Fact]
    public async Task Townships_registered_before_township_databases_were_configured_are_placed_on_the_platform_database_at_start()
    {
        var database = await TestDatabase.CreateDatabaseAsync("backfill");
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)); // one key ring for the three hosts
        string slug;
        await using (var single = new PlatformFactory(TestPlugins.NotebookRoot, database: database) { KeyEncryptionKey = key })
        {
            await single.InitializeAsync();
            var admin = await single.AdminClientAsync();
            slug = await CountyTests.CreateTownshipAsync(admin, CountyTests.UniqueCounty(), "补放镇");
            var clerk = await single.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
            await Notebook.OpenMatterAsync(clerk, slug, "补放事项", Notebook.Today(single));
        }

        Assert.Null(await PlacementAsync(database, slug)); // one database: no placements at all

        var north = await TestDatabase.CreateDatabaseAsync("backfillnorth");
        await using (var several = new WithNorth(database, north) { KeyEncryptionKey = key })
        {
            await several.InitializeAsync();
            Assert.Equal(("platform", "registered before township databases were configured"), await PlacementAsync(database, slug));
            var admin = await several.AdminClientAsync();
            var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/databases");
            var platformTownships = view.GetProperty("databases").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "platform").GetProperty("townships");
            Assert.Contains(platformTownships.EnumerateArray(), t => t.GetString() == slug);
            Assert.Equal("platform", (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString());
            var page = await admin.GetStringAsync("/admin/townships");
            Assert.Matches($"<tr data-slug=\"{slug}\">(?:(?!</tr>).)*<td class=\"database\">platform</td>", page.ReplaceLineEndings(""));

            // Its records are where they always were, and it is served from there.
            var clerk = await several.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
            Assert.Single((await clerk.GetFromJsonAsync<JsonElement>(Notebook.Matters(slug))).EnumerateArray());
            Assert.Equal(1, await SeveralDatabasesTests.MattersInAsync(database, slug));
        }

        // A later start finds it placed and writes nothing again.
        var placedAt = await PlacedAtAsync(database, slug);
        await using (var again = new WithNorth(database, north) { KeyEncryptionKey = key })
        {
            await again.InitializeAsync();
            Assert.Equal(placedAt, await PlacedAtAsync(database, slug));
        }
    }

    private sealed class WithNorth(string database, string north) : PlatformFactory(TestPlugins.NotebookRoot, database: database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:Databases:north:ConnectionString", north);
        }
    }

    private static async Task<(string Database, string Rule)?> PlacementAsync(string connectionString, string slug)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data ->> 'Database', data ->> 'Rule' from modular.mt_doc_townshipplacement where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private static async Task<string> PlacedAtAsync(string connectionString, string slug)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data ->> 'PlacedAt' from modular.mt_doc_townshipplacement where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
