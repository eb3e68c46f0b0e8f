using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Kit;
using Modular.Testing;

namespace Modular.Host.Tests;

[Collection(NotebookPlatformCollection.Name)]
public sealed class ExtensionPointTests(NotebookPlatform platform)
{
    [Fact]
    public async Task The_township_home_shows_the_figures_and_due_items_of_enabled_modules_only()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");
        // The notebook's matters fall due 20 working days after they are recorded: one recorded 60 days ago is overdue,
        // one recorded today is not due within the home page's horizon.
        var today = TownshipTime.Today(platform.Clock);
        var overdue = await Notebook.OpenMatterAsync(clerk, slug, "逾期事项", TownshipTime.Format(today.AddDays(-60)));
        await Notebook.OpenMatterAsync(clerk, slug, "远期事项", TownshipTime.Format(today));

        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");

        Assert.All(home.GetProperty("figures").EnumerateArray(), f => Assert.Equal("notebook", f.GetProperty("moduleId").GetString()));
        Assert.Equal("2", Notebook.Figure(home, "办理中的事项").GetProperty("value").GetString());
        var due = Assert.Single(home.GetProperty("dueItems").EnumerateArray());
        Assert.True(due.GetProperty("overdue").GetBoolean());
        Assert.Contains(overdue.GetProperty("number").GetString()!, await clerk.GetStringAsync($"/t/{slug}/due"));

        await Scenario.SetModuleAsync(admin, slug, "notebook", enabled: false);
        var closed = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        Assert.Empty(closed.GetProperty("figures").EnumerateArray());
        Assert.Empty(closed.GetProperty("dueItems").EnumerateArray());
    }

    [Fact]
    public async Task The_annual_report_collects_the_sections_of_enabled_modules()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");

        var page = await admin.GetStringAsync($"/t/{slug}/annual-report?year=2026");

        Assert.Contains("2026年登记事项0件", page);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync($"/t/{slug}/annual-report?year=abc")).StatusCode);
    }

    [Fact]
    public async Task An_integration_event_is_handled_once_by_the_module_that_subscribes_to_it()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");
        var today = Notebook.Today(platform);
        for (var i = 0; i < 3; i++)
        {
            // Closing a matter publishes the notebook's integration event; its handler counts the year's closings.
            await Notebook.CloseMatterAsync(clerk, slug, await Notebook.OpenMatterAsync(clerk, slug, $"事项{i}", today), today);
        }

        var count = await Eventually(() => Notebook.ClosedThisYearAsync(clerk, slug), c => c >= 3);
        await Task.Delay(TimeSpan.FromSeconds(2)); // give a duplicate delivery every chance to show up

        Assert.Equal(3, count);
        Assert.Equal(3, await Notebook.ClosedThisYearAsync(clerk, slug));
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 150 && !done(value); i++)
        {
            await Task.Delay(200);
            value = await read();
        }

        return value;
    }
}
