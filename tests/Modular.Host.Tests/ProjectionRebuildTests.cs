using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Storage;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

public sealed class ProjectionRebuildTests
{
    [Fact]
    public async Task The_rebuild_command_brings_back_a_modules_snapshots_in_every_township_from_the_events()
    {
        await using var platform = new PlatformFactory(TestPlugins.NotebookRoot, database: await TestDatabase.CreateDatabaseAsync("rebuild"));
        await platform.InitializeAsync();
        var admin = await platform.AdminClientAsync();
        var townships = new List<(string Slug, HttpClient Clerk)>();
        var today = Notebook.Today(platform);
        foreach (var titles in new[] { new[] { "调解记录一", "调解记录二" }, ["回访记录"] })
        {
            var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
            var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "notebook.clerk"), Scenario.Password);
            foreach (var title in titles)
            {
                await Notebook.CloseMatterAsync(clerk, slug, await Notebook.OpenMatterAsync(clerk, slug, title, today), today);
            }

            townships.Add((slug, clerk));
        }

        var before = await Task.WhenAll(townships.Select(t => t.Clerk.GetStringAsync(Notebook.Matters(t.Slug))));
        await using (var connection = new NpgsqlConnection(platform.ConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("delete from modular.mt_doc_notebook_matter", connection);
            Assert.Equal(3, await delete.ExecuteNonQueryAsync());
        }

        Assert.Empty((await townships[0].Clerk.GetFromJsonAsync<JsonElement>(Notebook.Matters(townships[0].Slug))).EnumerateArray());

        Assert.Equal(0, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "notebook"], CancellationToken.None));

        var after = await Task.WhenAll(townships.Select(t => t.Clerk.GetStringAsync(Notebook.Matters(t.Slug))));
        Assert.Equal(before, after);
        Assert.Contains("\"state\":\"Closed\"", after[1], StringComparison.Ordinal);
        Assert.Equal(2, await ProjectionRebuild.RunAsync(platform.Services, [ProjectionRebuild.Command, "--module", "no-such-module"], CancellationToken.None));
    }
}
