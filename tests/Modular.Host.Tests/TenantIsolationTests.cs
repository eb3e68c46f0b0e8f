using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

[Collection(NotebookPlatformCollection.Name)]
public sealed class TenantIsolationTests(NotebookPlatform platform)
{
    [Fact]
    public async Task A_user_of_another_township_gets_404_for_every_page_and_api_and_cannot_write()
    {
        var admin = await platform.AdminClientAsync();
        var ours = await Scenario.CreateTownshipAsync(admin, "notebook");
        var theirs = await Scenario.CreateTownshipAsync(admin, "notebook");
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, ours, "notebook.clerk"), Scenario.Password);
        var stranger = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, theirs, "notebook.clerk", "township-admin"), Scenario.Password);
        var today = Notebook.Today(platform);
        await Notebook.OpenMatterAsync(clerk, ours, "调解记录", today);

        foreach (var path in new[] { Notebook.Matters(ours), $"/api/t/{ours}/home", $"/api/t/{ours}/audit", $"/t/{ours}", $"/t/{ours}/notebook", $"/t/{ours}/admin", $"/t/{ours}/due" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Notebook.PostMatterAsync(stranger, ours, "越权写入", today)).StatusCode);
        var ourMatters = await clerk.GetFromJsonAsync<JsonElement>(Notebook.Matters(ours));
        Assert.Single(ourMatters.EnumerateArray());
        var theirMatters = await stranger.GetFromJsonAsync<JsonElement>(Notebook.Matters(theirs));
        Assert.Empty(theirMatters.EnumerateArray());
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401_from_the_api_and_the_sign_in_page_for_pages()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
        var anonymous = platform.AnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Notebook.Matters(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/townships")).StatusCode);
        var page = await anonymous.GetAsync($"/t/{slug}/notebook");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_township_is_404_with_a_page_that_says_so()
    {
        var admin = await platform.AdminClientAsync();

        var page = await admin.GetAsync("/t/no-such-township");
        var api = await admin.GetAsync("/api/t/no-such-township/home");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("页面不存在", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_township_user_without_the_platform_role_cannot_use_the_admin_api()
    {
        var (admin, slug, townshipAdmin) = await platform.TownshipWithUserAsync([], "township-admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await townshipAdmin.GetAsync("/api/admin/townships")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await townshipAdmin.PostAsJsonAsync("/api/admin/users", new { userName = "sneaky", displayName = "x", password = Scenario.Password })).StatusCode);
    }

    [Fact]
    public async Task A_module_permission_is_needed_to_write_even_inside_ones_own_township()
    {
        var (admin, slug, reader) = await platform.TownshipWithUserAsync(["notebook"], "notebook.reader");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Notebook.Matters(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Notebook.PostMatterAsync(reader, slug, "x", Notebook.Today(platform))).StatusCode);
    }
}
