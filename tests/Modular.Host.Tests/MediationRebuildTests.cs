using Marten;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Extensions;
using Modular.Host.Plugins;
using Modular.Host.Storage;
using Modular.Host.Townships;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// The rebuild command over a real module's history: the mediation module's demo records (disputes in every state,
/// households, petitions, leads, liaisons) written through its inline projections in two townships, then rebuilt from
/// the events the three ways (folded, the default; the daemon side by side; one at a time). Every document must come
/// back as the inline projection wrote it, field by field and with the same version.
/// </summary>
public sealed class MediationRebuildTests
{
    [Fact]
    public async Task Rebuilt_mediation_snapshots_equal_the_inline_ones_field_by_field_in_every_township()
    {
        await using var platform = new PlatformFactory(TestPlugins.Set("mediation", "Modular.Modules.Mediation"), database: await TestDatabase.CreateDatabaseAsync("rebuildmediation"), demo: true);
        await platform.InitializeAsync();
        var second = await Scenario.CreateTownshipAsync(await platform.AdminClientAsync(), "mediation");
        await SeedDemoAsync(platform, second);
        var tables = ProjectedTables(platform);
        Assert.Equal(["Dispute", "DisputeSettings", "Household", "Lead", "Liaison", "Petition"], tables.Keys.Order(StringComparer.Ordinal));

        var inline = new Dictionary<string, Dictionary<(string Tenant, string Id), System.Text.Json.Nodes.JsonNode?>>();
        foreach (var (projection, table) in tables)
        {
            inline[projection] = await ProjectedRows.ReadAsync(platform.ConnectionString, table);
        }

        // Both townships hold records of every kind, so the comparison covers each projection in more than one tenant.
        foreach (var (projection, rows) in inline.Where(r => r.Key != "DisputeSettings"))
        {
            Assert.True(rows.Keys.Select(k => k.Tenant).Distinct().Count() >= 2, $"{projection}: {rows.Count} rows in {string.Join(", ", rows.Keys.Select(k => k.Tenant).Distinct())}");
        }

        Assert.True(inline["Dispute"].Count >= 40, $"{inline["Dispute"].Count} disputes");

        var versions = new Dictionary<string, Dictionary<(string Tenant, string Id), string>>();
        foreach (var (projection, table) in tables)
        {
            versions[projection] = await ProjectedRows.VersionsAsync(platform.ConnectionString, table);
        }

        // The folded way (the default) first, on documents the inline projection wrote; then Marten's daemon both ways.
        var progression = new Dictionary<string, Dictionary<string, long>>();
        foreach (var mode in new[] { Array.Empty<string>(), [ProjectionRebuild.Daemon], [ProjectionRebuild.OneAtATime] })
        {
            var way = mode.Length == 0 ? "folded" : mode[0];
            Assert.Equal(0, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "mediation", .. mode], CancellationToken.None));
            foreach (var (projection, table) in tables)
            {
                var rebuilt = await ProjectedRows.ReadAsync(platform.ConnectionString, table);
                var differences = ProjectedRows.Differences(inline[projection], rebuilt);
                Assert.True(differences.Count == 0, $"{projection} ({way}): {differences.Count} differences, e.g. {string.Join("; ", differences.Take(5))}");
                Assert.Equal(versions[projection], await ProjectedRows.VersionsAsync(platform.ConnectionString, table));
            }

            progression[way] = await ProgressionAsync(platform.ConnectionString, tables.Keys);
        }

        // The folded way leaves the daemon's progression as the daemon's own rebuild does (for these inline snapshots: none).
        Assert.Equal(progression[ProjectionRebuild.Daemon], progression["folded"]);

        Assert.Equal(2, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "mediation", "--all-at-once"], CancellationToken.None));
        Assert.Equal(2, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "mediation", ProjectionRebuild.Daemon, ProjectionRebuild.OneAtATime], CancellationToken.None));
    }

    /// <summary>The daemon's progression of each shard of <paramref name="projections"/> ("Dispute:All" …).</summary>
    private static async Task<Dictionary<string, long>> ProgressionAsync(string connectionString, IEnumerable<string> projections)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select name, last_seq_id from modular.mt_event_progression where split_part(name, ':', 1) = any(@names)", connection);
        command.Parameters.AddWithValue("names", projections.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var progression = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            progression[reader.GetString(0)] = reader.GetInt64(1);
        }

        return progression;
    }

    /// <summary>The module's own demo records, written into <paramref name="township"/> as the platform seeds the demo township.</summary>
    private static async Task SeedDemoAsync(PlatformFactory platform, string township)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<TownshipDirectory>().FindAsync(township, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<TownshipContext>().Set(record!);
        foreach (var demo in scope.ServiceProvider.GetKeyedServices<IDemoData>("mediation"))
        {
            await demo.SeedAsync(CancellationToken.None);
        }
    }

    /// <summary>The table of each projection the mediation module registers, from the store's own mappings.</summary>
    private static Dictionary<string, string> ProjectedTables(PlatformFactory platform)
    {
        var options = (StoreOptions)platform.Services.GetRequiredService<IDocumentStore>().Options;
        var module = platform.Services.GetRequiredService<ModuleCatalog>().Modules.Single(m => m.Id == "mediation").Module;
        var names = ProjectionRebuild.ProjectionsOf(module);
        return options.Projections.All.Where(p => names.Contains(p.Name))
            .ToDictionary(p => p.Name, p => ((IReadOnlyStoreOptions)options).FindOrResolveDocumentType(p.PublishedTypes().Single()).TableName.QualifiedName);
    }
}
