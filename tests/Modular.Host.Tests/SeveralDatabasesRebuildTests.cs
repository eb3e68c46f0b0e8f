using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Storage;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// <c>rebuild-projections</c> with townships over several databases: it plans and rebuilds each database's townships
/// (the platform's and each township database's), folded and by the daemon, and every snapshot comes back as the
/// inline projection wrote it, in its own database.
/// </summary>
[Collection(SeveralDatabasesCollection.Name)]
public sealed class SeveralDatabasesRebuildTests(SeveralDatabasesPlatform platform)
{
    [Fact]
    public async Task Snapshots_deleted_or_altered_on_two_township_databases_are_rebuilt_as_the_inline_path_wrote_them()
    {
        var admin = await platform.AdminClientAsync();
        var county = CountyTests.UniqueCounty();
        var today = Notebook.Today(platform);
        var placed = new Dictionary<string, string>(); // database → a township on it
        for (var i = 0; placed.Count < 2; i++)
        {
            Assert.True(i < 6, "the rule should place townships on both township databases");
            var slug = await CountyTests.CreateTownshipAsync(admin, county, $"重建镇{i}{county}");
            var database = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString()!;
            if (placed.TryAdd(database, slug))
            {
                var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
                for (var m = 0; m < 3; m++)
                {
                    var matter = await Notebook.OpenMatterAsync(clerk, slug, $"重建事项{m}", today);
                    if (m == 0)
                    {
                        await Notebook.CloseMatterAsync(clerk, slug, matter, today);
                    }
                }
            }
        }

        Assert.Equal(["north", "south"], placed.Keys.Order(StringComparer.Ordinal));
        var table = MatterTable();
        var inline = new Dictionary<string, Dictionary<(string Tenant, string Id), System.Text.Json.Nodes.JsonNode?>>();
        var versions = new Dictionary<string, Dictionary<(string Tenant, string Id), string>>();
        foreach (var (database, slug) in placed)
        {
            inline[database] = await ProjectedRows.ReadAsync(platform.Databases[database], table);
            versions[database] = await ProjectedRows.VersionsAsync(platform.Databases[database], table);
            Assert.Equal(3, inline[database].Keys.Count(k => k.Tenant == slug));
        }

        foreach (var mode in new[] { Array.Empty<string>(), [ProjectionRebuild.Daemon] })
        {
            // One township's snapshots gone, the other's altered: only the events can bring them back.
            await SeveralDatabasesTests.ExecuteAsync(platform.Databases["north"], $"delete from {table} where tenant_id = '{placed["north"]}'");
            await SeveralDatabasesTests.ExecuteAsync(platform.Databases["south"], $"update {table} set data = data || '{{\"Title\": \"改过\"}}'::jsonb, mt_version = 99 where tenant_id = '{placed["south"]}'");
            Assert.Equal(0, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "notebook", .. mode], CancellationToken.None));

            foreach (var database in placed.Keys)
            {
                // Marten's daemon gives a snapshot the version of the last event it applied, the inline path the stream's:
                // they differ where a stream ends with an event the snapshot does not apply (the notebook's closing report).
                // The folded way is the inline path's; the daemon's is compared on every other field and stream.
                var unapplied = mode.Length == 0 ? [] : await EndingUnappliedAsync(platform.Databases[database]);
                var rebuilt = await ProjectedRows.ReadAsync(platform.Databases[database], table);
                var differences = ProjectedRows.Differences(inline[database], rebuilt)
                    .Where(d => !unapplied.Any(u => d.StartsWith($"{u.Tenant}/{u.Id}: $.Version:", StringComparison.Ordinal))).ToList();
                Assert.True(differences.Count == 0, $"{database} ({(mode.Length == 0 ? "folded" : mode[0])}): {differences.Count} differences, e.g. {string.Join("; ", differences.Take(5))}");
                Assert.Equal(versions[database].Where(v => !unapplied.Contains(v.Key)).ToDictionary(), (await ProjectedRows.VersionsAsync(platform.Databases[database], table)).Where(v => !unapplied.Contains(v.Key)).ToDictionary());
            }
        }

        // The township databases hold their own townships' snapshots only; the platform database holds none of them.
        Assert.Equal(0, (await ProjectedRows.ReadAsync(platform.ConnectionString, table)).Keys.Count(k => placed.ContainsValue(k.Tenant)));
        Assert.DoesNotContain(inline["north"].Keys, k => k.Tenant == placed["south"]);
    }

    [Fact]
    public async Task With_a_township_named_only_its_snapshots_are_rebuilt_in_its_own_database()
    {
        var admin = await platform.AdminClientAsync();
        var county = CountyTests.UniqueCounty();
        var today = Notebook.Today(platform);
        var townships = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var slug = await CountyTests.CreateTownshipAsync(admin, county, $"单镇重建{i}{county}");
            var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
            await Notebook.OpenMatterAsync(clerk, slug, "单镇事项", today);
            townships.Add(slug);
        }

        var (named, other) = (townships[0], townships[1]);
        var database = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/townships/{named}")).GetProperty("database").GetString()!;
        var otherDatabase = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/townships/{other}")).GetProperty("database").GetString()!;
        var table = MatterTable();
        var inline = await ProjectedRows.ReadAsync(platform.Databases[database], table, $"tenant_id = '{named}'");
        await SeveralDatabasesTests.ExecuteAsync(platform.Databases[database], $"delete from {table} where tenant_id = '{named}'");
        await SeveralDatabasesTests.ExecuteAsync(platform.Databases[otherDatabase], $"update {table} set data = data || '{{\"Title\": \"留着\"}}'::jsonb where tenant_id = '{other}'");

        Assert.Equal(0, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "notebook", ProjectionRebuild.Township, named], CancellationToken.None));
        Assert.Empty(ProjectedRows.Differences(inline, await ProjectedRows.ReadAsync(platform.Databases[database], table, $"tenant_id = '{named}'")));
        // The other township was not touched: its altered snapshot is still altered.
        Assert.All((await ProjectedRows.ReadAsync(platform.Databases[otherDatabase], table, $"tenant_id = '{other}'")).Values, d => Assert.Equal("留着", d!["Title"]!.GetValue<string>()));

        foreach (var refused in new[] { new[] { ProjectionRebuild.Township, "no-such-township" }, [ProjectionRebuild.Township], [ProjectionRebuild.Township, named, ProjectionRebuild.Daemon], [ProjectionRebuild.Township, named + "\u0001"] })
        {
            Assert.Equal(2, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "notebook", .. refused], CancellationToken.None));
        }
    }

    private string MatterTable()
    {
        var options = (StoreOptions)platform.Services.GetRequiredService<IDocumentStore>().Options;
        var projection = options.Projections.All.Single(p => p.Name == "notebook_matter");
        return ((IReadOnlyStoreOptions)options).FindOrResolveDocumentType(projection.PublishedTypes().Single()).TableName.QualifiedName;
    }

    /// <summary>The matters whose stream ends with an event the snapshot does not apply (the closing report for the integration event).</summary>
    private static async Task<HashSet<(string Tenant, string Id)>> EndingUnappliedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select distinct on (tenant_id, stream_id) tenant_id, stream_id::text, type from modular.mt_events order by tenant_id, stream_id, version desc", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var streams = new HashSet<(string, string)>();
        while (await reader.ReadAsync())
        {
            if (reader.GetString(2) == "notebook.matter-closing-reported.v1")
            {
                streams.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return streams;
    }
}
