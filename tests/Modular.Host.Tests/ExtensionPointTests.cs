using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

[Collection(NotebookPlatformCollection.Name)]
public sealed class ExtensionPointTests(NotebookPlatform platform)
{
    [Fact]
    public async Task The_township_home_shows_the_figures_and_due_items_of_enabled_modules_only()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await clerk.PostAsJsonAsync($"/api/t/{slug}/notebook/notes", new { text = "逾期事项", dueOn = today.AddDays(-3) });
        await clerk.PostAsJsonAsync($"/api/t/{slug}/notebook/notes", new { text = "远期事项", dueOn = today.AddDays(60) });

        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");

        Assert.Equal("2", Assert.Single(home.GetProperty("figures").EnumerateArray()).GetProperty("value").GetString());
        var due = Assert.Single(home.GetProperty("dueItems").EnumerateArray());
        Assert.True(due.GetProperty("overdue").GetBoolean());
        Assert.Contains("逾期事项", await clerk.GetStringAsync($"/t/{slug}/due"));

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

        Assert.Contains("2026年共记事0条", page);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync($"/t/{slug}/annual-report?year=abc")).StatusCode);
    }

    [Fact]
    public async Task An_integration_event_is_handled_once_by_the_module_that_subscribes_to_it()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");
        for (var i = 0; i < 3; i++)
        {
            var note = await (await clerk.PostAsJsonAsync($"/api/t/{slug}/notebook/notes", new { text = $"事项{i}" })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsync($"/api/t/{slug}/notebook/notes/{note.GetProperty("id").GetGuid()}/pin", null)).StatusCode);
        }

        var count = await Eventually(async () => await clerk.GetFromJsonAsync<int>($"/api/t/{slug}/notebook/pinned-count"), c => c >= 3);
        await Task.Delay(TimeSpan.FromSeconds(2)); // give a duplicate delivery every chance to show up

        Assert.Equal(3, count);
        Assert.Equal(3, await clerk.GetFromJsonAsync<int>($"/api/t/{slug}/notebook/pinned-count"));
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
