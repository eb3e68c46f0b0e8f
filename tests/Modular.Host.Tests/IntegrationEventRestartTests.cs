using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

public sealed class IntegrationEventRestartTests
{
    [Fact]
    public async Task Integration_events_handled_before_a_restart_are_not_handled_again_after_it_and_new_ones_are()
    {
        var database = await TestDatabase.CreateDatabaseAsync("restart");
        string slug;
        string clerkName;
        await using (var first = new PlatformFactory(TestPlugins.NotebookRoot, database: database))
        {
            await first.InitializeAsync();
            var admin = await first.AdminClientAsync();
            slug = await Scenario.CreateTownshipAsync(admin, "notebook");
            clerkName = await Scenario.CreateUserAsync(admin, slug, "notebook.clerk");
            var clerk = await first.SignedInClientAsync(clerkName, Scenario.Password);
            await CloseNewMatterAsync(first, clerk, slug, "重启前");
            Assert.Equal(1, await ClosedCountAsync(clerk, slug, atLeast: 1));
        }

        await using var second = new PlatformFactory(TestPlugins.NotebookRoot, database: database);
        await second.InitializeAsync();
        var again = await second.SignedInClientAsync(clerkName, Scenario.Password);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the restarted daemon has had time to replay anything it thought unhandled
        Assert.Equal(1, await Notebook.ClosedThisYearAsync(again, slug));

        await CloseNewMatterAsync(second, again, slug, "重启后");
        Assert.Equal(2, await ClosedCountAsync(again, slug, atLeast: 2));
    }

    // Closing a matter publishes the notebook's integration event; its handler counts the year's closings.
    private static async Task CloseNewMatterAsync(PlatformFactory platform, HttpClient clerk, string slug, string title)
    {
        var today = Notebook.Today(platform);
        await Notebook.CloseMatterAsync(clerk, slug, await Notebook.OpenMatterAsync(clerk, slug, title, today), today);
    }

    private static async Task<int> ClosedCountAsync(HttpClient clerk, string slug, int atLeast)
    {
        var count = 0;
        for (var i = 0; i < 150 && count < atLeast; i++)
        {
            count = await Notebook.ClosedThisYearAsync(clerk, slug);
            if (count < atLeast)
            {
                await Task.Delay(200);
            }
        }

        return count;
    }
}
