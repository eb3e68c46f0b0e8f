using System.Net;
using System.Net.Http.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

[Collection(NotebookPlatformCollection.Name)]
public sealed class PublicPageCacheTests(NotebookPlatform platform)
{
    [Fact]
    public async Task Anonymous_visitors_get_the_cached_public_answer_until_the_module_empties_the_townships_cache()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");
        var visitor = platform.AnonymousClient();
        var count = $"/api/t/{slug}/notebook/public/count";
        Assert.Equal(0, await visitor.GetFromJsonAsync<int>(count));

        await clerk.PostAsJsonAsync($"/api/t/{slug}/notebook/notes?quiet=true", new { text = "未清缓存" });

        Assert.Equal(0, await visitor.GetFromJsonAsync<int>(count));
        Assert.Equal(1, await clerk.GetFromJsonAsync<int>(count)); // signed-in users are never served from the cache

        await clerk.PostAsJsonAsync($"/api/t/{slug}/notebook/notes", new { text = "发布后清缓存" });

        Assert.Equal(2, await visitor.GetFromJsonAsync<int>(count));
    }

    [Fact]
    public async Task A_cached_public_answer_is_not_served_once_the_module_is_disabled_for_the_township()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
        var visitor = platform.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/t/{slug}/notebook/public/count")).StatusCode);

        await Scenario.SetModuleAsync(admin, slug, "notebook", enabled: false);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/t/{slug}/notebook/public/count")).StatusCode);
    }
}
