using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

[Collection(NotebookPlatformCollection.Name)]
public sealed class ModuleGateTests(NotebookPlatform platform)
{
    [Fact]
    public async Task A_disabled_module_answers_404_and_leaves_the_navigation_and_comes_back_with_its_data_when_enabled_again()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");

        var today = Notebook.Today(platform);
        Assert.Equal(HttpStatusCode.Created, (await Notebook.PostMatterAsync(clerk, slug, "村规民约修订", today)).StatusCode);
        Assert.Contains("data-module=\"notebook\"", await clerk.GetStringAsync($"/t/{slug}"));

        await Scenario.SetModuleAsync(admin, slug, "notebook", enabled: false);

        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(Notebook.Matters(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Notebook.PostMatterAsync(clerk, slug, "x", today)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/t/{slug}/notebook")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(Notebook.PublicSummary(slug))).StatusCode);
        Assert.DoesNotContain("data-module=\"notebook\"", await clerk.GetStringAsync($"/t/{slug}"));

        await Scenario.SetModuleAsync(admin, slug, "notebook", enabled: true);

        var matters = await clerk.GetFromJsonAsync<JsonElement>(Notebook.Matters(slug));
        Assert.Equal("村规民约修订", Assert.Single(matters.EnumerateArray()).GetProperty("title").GetString());
        Assert.Contains("data-module=\"notebook\"", await clerk.GetStringAsync($"/t/{slug}"));
    }

    [Fact]
    public async Task Enabling_only_one_township_leaves_the_module_closed_in_the_others()
    {
        var admin = await platform.AdminClientAsync();
        var enabled = await Scenario.CreateTownshipAsync(admin, "notebook");
        var closed = await Scenario.CreateTownshipAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Notebook.PublicSummary(enabled))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Notebook.PublicSummary(closed))).StatusCode);
    }

    [Fact]
    public async Task Every_enablement_change_is_recorded_with_who_made_it_and_shown_on_the_township_admin_page()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
        await Scenario.SetModuleAsync(admin, slug, "notebook", enabled: false);

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}");
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.All(history, change => Assert.Equal("admin", change.GetProperty("by").GetString()));
        Assert.Equal("notebook", history[0].GetProperty("moduleId").GetString());
        Assert.Contains("停用", history[0].GetProperty("what").GetString());

        var page = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("township-history", page);
        Assert.Contains("停用模块", page);
    }

    [Fact]
    public async Task Setting_a_module_that_is_not_installed_is_refused_with_a_reason()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin);

        var response = await admin.PutAsJsonAsync($"/api/admin/townships/{slug}/modules/no-such-module", new { enabled = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("moduleId", out _));
    }
}
