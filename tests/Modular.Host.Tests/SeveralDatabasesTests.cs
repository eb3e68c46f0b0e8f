using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// Townships over several databases: each new township is placed by the rule the county admin reads, its module
/// writes land in its own database and nowhere else, and the county's figures gather every database's townships.
/// </summary>
[Collection(SeveralDatabasesCollection.Name)]
public sealed class SeveralDatabasesTests(SeveralDatabasesPlatform platform)
{
    [Fact]
    public async Task New_townships_go_to_the_township_database_holding_fewest_and_their_records_land_there_only()
    {
        var admin = await platform.AdminClientAsync();
        var county = CountyTests.UniqueCounty();
        var placed = new Dictionary<string, string>();
        for (var i = 0; i < 4; i++)
        {
            var before = await CountsAsync(admin);
            var slug = await CountyTests.CreateTownshipAsync(admin, county, $"分库镇{i}{county}");
            var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}");
            placed[slug] = detail.GetProperty("database").GetString()!;
            // The rule as shown: the township database with the fewest townships, the first by id on a tie.
            var expected = before["north"] <= before["south"] ? "north" : "south";
            Assert.Equal(expected, placed[slug]);
        }

        var after = await CountsAsync(admin);
        Assert.InRange(Math.Abs(after["north"] - after["south"]), 0, 1); // whatever other tests left, the rule evens it out
        Assert.Contains("north", placed.Values);
        Assert.Contains("south", placed.Values);
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/databases");
        Assert.True(view.GetProperty("several").GetBoolean());
        Assert.Contains("fewest", view.GetProperty("rule").GetString(), StringComparison.Ordinal);
        // The county admin's pages show the rule, the databases and where each township is.
        var page = await admin.GetStringAsync("/admin/townships");
        Assert.Contains("fewest", page, StringComparison.Ordinal);
        Assert.Contains("data-database=\"north\"", page, StringComparison.Ordinal);
        var first = placed.Keys.First();
        Assert.Contains($"id=\"township-database\">{placed[first]}<", await admin.GetStringAsync($"/t/{first}/admin"), StringComparison.Ordinal);

        var today = Notebook.Today(platform);
        var recorded = new Dictionary<string, int>();
        var n = 1;
        foreach (var slug in placed.Keys)
        {
            var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
            for (var i = 0; i < n; i++)
            {
                await Notebook.OpenMatterAsync(clerk, slug, "分库事项", today);
            }

            recorded[slug] = n++;
        }

        foreach (var (slug, database) in placed)
        {
            var other = database == "north" ? "south" : "north";
            Assert.Equal(recorded[slug], await MattersInAsync(platform.Databases[database], slug));
            Assert.Equal(0, await MattersInAsync(platform.Databases[other], slug));
            Assert.Equal(0, await MattersInAsync(platform.ConnectionString, slug));
        }

        // The county view reads both databases: each township's figure is its own, and the county's sum is theirs.
        var officer = await platform.SignedInClientAsync(await CountyTests.CreateCountyOfficerAsync(admin, county), Scenario.Password);
        var figures = await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={Modular.Kit.TownshipTime.Today(platform.Clock).Year}");
        var rows = figures.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("township").GetString()!);
        Assert.Equal(placed.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (slug, count) in recorded)
        {
            Assert.Equal(count, rows[slug].GetProperty("values").GetProperty("notebook.recorded").GetDecimal());
        }

        Assert.Equal(recorded.Values.Sum(), rows.Values.Sum(r => r.GetProperty("values").GetProperty("notebook.recorded").GetDecimal()));
    }

    [Fact]
    public async Task The_daemon_runs_every_databases_shards_and_a_township_databases_integration_events_reach_their_handler()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await CountyTests.CreateTownshipAsync(admin, CountyTests.UniqueCounty(), "分库守护镇");
        var database = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString()!;
        Assert.NotEqual("platform", database);
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
        var today = Notebook.Today(platform);
        await Notebook.CloseMatterAsync(clerk, slug, await Notebook.OpenMatterAsync(clerk, slug, "分库办结", today), today);

        // The relay of the township's database hands the notebook's integration event to its handler, which counts it.
        for (var attempt = 0; await Notebook.ClosedThisYearAsync(clerk, slug) != 1; attempt++)
        {
            Assert.True(attempt < 100, "the integration event of a township database was never handled");
            await Task.Delay(200);
        }

        // /health/ready names every database and the shards this node runs in each.
        for (var attempt = 0; ; attempt++)
        {
            using var client = platform.AnonymousClient();
            var health = await client.GetFromJsonAsync<JsonElement>("/health/ready");
            var databases = health.GetProperty("checks").GetProperty("projection-daemon").GetProperty("data").GetProperty("databases");
            var shards = new[] { "platform", "north", "south" }.ToDictionary(d => d, d => databases.GetProperty(d).EnumerateObject().Select(p => p.Name).ToList());
            if (shards.Values.All(s => s.Count > 0))
            {
                Assert.All(shards.Values, s => Assert.Contains(s, name => name.StartsWith("integration-events", StringComparison.Ordinal)));
                break;
            }

            Assert.True(attempt < 100, $"not every database's shards run: {databases}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_moved_township_keeps_every_stream_and_figure_and_its_pages_show_the_same()
    {
        var (admin, county, slug, from, clerk) = await TownshipWithMattersAsync(platform, 3);
        var to = from == "north" ? "south" : "north";
        var before = await FiguresAsync(platform, admin, county, slug, clerk);

        var move = Task.Run(() => Modular.Host.Storage.Databases.TownshipMove.RunAsync(platform.Services,
            [Modular.Host.Storage.Databases.TownshipMove.Command, "--township", slug, "--to", to, "--grace-seconds", "1"], CancellationToken.None));
        var refused = false;
        while (!move.IsCompleted && !refused)
        {
            using var response = await clerk.GetAsync(Notebook.Matters(slug));
            refused = response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable
                && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        }

        Assert.Equal(0, await move);
        Assert.True(refused, "the township's API should answer 503 problem details while it moves");
        Assert.Equal(to, (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString());
        Assert.Equal(3, await MattersInAsync(platform.Databases[to], slug));
        Assert.Equal(0, await MattersInAsync(platform.Databases[from], slug));
        Assert.Equal(0, await RowsInAsync(platform.Databases[from], slug));
        Assert.Equal(before, await FiguresAsync(platform, admin, county, slug, clerk));

        // The township works on in its new database, and its moved events were not handed to the handlers again.
        var today = Notebook.Today(platform);
        await Notebook.CloseMatterAsync(clerk, slug, await Notebook.OpenMatterAsync(clerk, slug, "迁移后", today), today);
        for (var attempt = 0; await Notebook.ClosedThisYearAsync(clerk, slug) != 2; attempt++)
        {
            Assert.True(attempt < 100, "the handler's count after the move should be 2 (one before, one after)");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_move_whose_copy_does_not_check_out_leaves_the_township_where_it_was_and_the_target_clean()
    {
        var (admin, county, slug, from, clerk) = await TownshipWithMattersAsync(platform, 2);
        var to = from == "north" ? "south" : "north";
        var before = await FiguresAsync(platform, admin, county, slug, clerk);
        var function = $"modular.corrupt_{slug.Replace('-', '_')}";

        // PostgreSQL itself changes what arrives: a trigger on the target alters each of the township's events.
        await ExecuteAsync(platform.Databases[to],
            $"create function {function}() returns trigger language plpgsql as $$ begin new.data = new.data || jsonb_build_object('corrupted', true); return new; end $$; " +
            $"create trigger corrupt before insert on modular.mt_events for each row when (new.tenant_id = '{slug}') execute function {function}()");
        try
        {
            Assert.Equal(1, await Modular.Host.Storage.Databases.TownshipMove.RunAsync(platform.Services,
                [Modular.Host.Storage.Databases.TownshipMove.Command, "--township", slug, "--to", to, "--grace-seconds", "0"], CancellationToken.None));
        }
        finally
        {
            await ExecuteAsync(platform.Databases[to], "drop trigger corrupt on modular.mt_events");
        }

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}");
        Assert.Equal(from, detail.GetProperty("database").GetString());
        Assert.Equal(2, await MattersInAsync(platform.Databases[from], slug));
        Assert.Equal(0, await RowsInAsync(platform.Databases[to], slug));
        Assert.Equal(before, await FiguresAsync(platform, admin, county, slug, clerk));
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("what").GetString()!.Contains("move abandoned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pg_dump_of_each_database_restored_into_a_fresh_cluster_brings_every_stream_document_and_county_figure_back()
    {
        var admin = await platform.AdminClientAsync();
        var county = CountyTests.UniqueCounty();
        var today = Notebook.Today(platform);
        var townships = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var slug = await CountyTests.CreateTownshipAsync(admin, county, $"备份镇{i}{county}");
            var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
            for (var m = 0; m <= i; m++)
            {
                await Notebook.OpenMatterAsync(clerk, slug, "备份事项", today);
            }

            townships.Add(slug);
        }

        var officerName = await CountyTests.CreateCountyOfficerAsync(admin, county);
        var officer = await platform.SignedInClientAsync(officerName, Scenario.Password);
        var year = Modular.Kit.TownshipTime.Today(platform.Clock).Year;
        var figures = (await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={year}")).GetProperty("rows").GetRawText();
        var databases = new Dictionary<string, string>(platform.Databases) { ["platform"] = platform.ConnectionString };

        var folder = Path.Combine(Path.GetTempPath(), $"modular-restore-several-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var fresh = new Modular.Host.Storage.LocalPostgresCluster(Path.Combine(folder, "cluster"), Modular.Host.Storage.LocalPostgresCluster.FreePort(), durable: false);
        try
        {
            await fresh.StartAsync();
            var restored = new Dictionary<string, string>();
            foreach (var (id, connectionString) in databases)
            {
                // Each database is dumped on its own while the host runs: the dump counts when it was the same just before and after.
                var source = new NpgsqlConnectionStringBuilder(connectionString);
                var dump = Path.Combine(folder, $"{id}.dump");
                BackupRestoreTests.Fingerprint before;
                for (var attempt = 0; ; attempt++)
                {
                    before = await BackupRestoreTests.FingerprintAsync(connectionString);
                    await BackupRestoreTests.RunAsync("pg_dump", "--format=custom", "--no-owner", "-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "-U", source.Username!, "-d", source.Database!, "-f", dump);
                    var after = await BackupRestoreTests.FingerprintAsync(connectionString);
                    if (before.Lines.SequenceEqual(after.Lines) || attempt == 4)
                    {
                        Assert.Equal(before.Lines, after.Lines);
                        break;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(2));
                }

                await fresh.StartAsync($"restored_{id}");
                await BackupRestoreTests.RunAsync("pg_restore", "--no-owner", "--exit-on-error", "-h", "127.0.0.1", "-p", fresh.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "-U", "postgres", "-d", $"restored_{id}", dump);
                restored[id] = fresh.ConnectionString($"restored_{id}");
                Assert.Equal(before.Lines, (await BackupRestoreTests.FingerprintAsync(restored[id])).Lines);
            }

            // The county's two townships are on the two township databases, and each copy holds its own.
            foreach (var id in new[] { "north", "south" })
            {
                var held = 0;
                foreach (var township in townships)
                {
                    held += await MattersInAsync(restored[id], township);
                }

                Assert.True(held > 0, $"the copy of {id} should hold matters of the county");
            }

            await using var copy = new RestoredSeveral(restored) { KeyEncryptionKey = platform.KeyEncryptionKey };
            await copy.InitializeAsync();
            var restoredOfficer = await copy.SignedInClientAsync(officerName, Scenario.Password);
            Assert.Equal(figures, (await restoredOfficer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={year}")).GetProperty("rows").GetRawText());
            using var anonymous = copy.CreateClient();
            var ready = await anonymous.GetAsync("/health/ready");
            Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            await fresh.StopAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception left) when (left is IOException or UnauthorizedAccessException)
            {
                // Left in /tmp: harmless (the cluster's files belong to postgres when the tests run as root).
            }
        }
    }

    /// <summary>A host on the restored copies: the platform database and the two township databases.</summary>
    private sealed class RestoredSeveral(IReadOnlyDictionary<string, string> restored)
        : PlatformFactory(TestPlugins.NotebookRoot, database: restored["platform"])
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (id, connectionString) in restored.Where(r => r.Key != "platform"))
            {
                builder.UseSetting($"Modular:Databases:{id}:ConnectionString", connectionString);
            }
        }
    }

    /// <summary>A township of a county of its own, with <paramref name="matters"/> matters, the first closed (its integration event handled).</summary>
    internal static async Task<(HttpClient Admin, string County, string Slug, string Database, HttpClient Clerk)> TownshipWithMattersAsync(SeveralDatabasesPlatform platform, int matters)
    {
        var admin = await platform.AdminClientAsync();
        var county = CountyTests.UniqueCounty();
        var slug = await CountyTests.CreateTownshipAsync(admin, county, "迁移镇" + county);
        var database = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString()!;
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
        var today = Notebook.Today(platform);
        for (var i = 0; i < matters; i++)
        {
            var matter = await Notebook.OpenMatterAsync(clerk, slug, $"迁移事项{i}", today, "13812345678");
            if (i == 0)
            {
                await Notebook.CloseMatterAsync(clerk, slug, matter, today);
            }
        }

        for (var attempt = 0; await Notebook.ClosedThisYearAsync(clerk, slug) != 1; attempt++)
        {
            Assert.True(attempt < 100, "the closing should be handled");
            await Task.Delay(200);
        }

        return (admin, county, slug, database, clerk);
    }

    /// <summary>What the pages and API show of the township: its county row, its home figures, its matters.</summary>
    internal static async Task<string> FiguresAsync(SeveralDatabasesPlatform platform, HttpClient admin, string county, string slug, HttpClient clerk)
    {
        var officer = await platform.SignedInClientAsync(await CountyTests.CreateCountyOfficerAsync(admin, county), Scenario.Password);
        var year = Modular.Kit.TownshipTime.Today(platform.Clock).Year;
        var figures = await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={year}");
        var row = figures.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("township").GetString() == slug).GetProperty("values").GetRawText();
        var home = (await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home")).GetProperty("figures").GetRawText();
        var list = await clerk.GetStringAsync(Notebook.Matters(slug));
        return $"{row}\n{home}\n{list}";
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of <paramref name="township"/> in one database's event store and document tables.</summary>
    private static async Task<long> RowsInAsync(string connectionString, string township)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select c.table_name::text from information_schema.columns c join information_schema.tables t using (table_schema, table_name) " +
            "where c.table_schema = 'modular' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        long rows = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from modular.{table} where tenant_id = $1", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = township });
            rows += (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }

    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient admin)
    {
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/databases");
        return view.GetProperty("databases").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("townships").GetArrayLength());
    }

    /// <summary>The notebook's matter streams of <paramref name="township"/> in one database, read past the platform.</summary>
    internal static async Task<int> MattersInAsync(string connectionString, string township)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from modular.mt_events where tenant_id = $1 and type = 'notebook.matter-opened.v1'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = township });
        try
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
