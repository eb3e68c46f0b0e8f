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
        var summary = Notebook.PublicSummary(slug);
        Assert.Equal(0, await RecordedAsync(visitor, summary));

        await Notebook.RecordBehindTheModulesBackAsync(platform, slug, "未清缓存");

        Assert.Equal(0, await RecordedAsync(visitor, summary));
        Assert.Equal(1, await RecordedAsync(clerk, summary)); // signed-in users are never served from the cache

        await Notebook.OpenMatterAsync(clerk, slug, "发布后清缓存", Notebook.Today(platform));

        Assert.Equal(2, await RecordedAsync(visitor, summary));
    }

    [Fact]
    public async Task A_cached_public_answer_is_not_served_once_the_module_is_disabled_for_the_township()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
        var visitor = platform.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Notebook.PublicSummary(slug))).StatusCode);

        await Scenario.SetModuleAsync(admin, slug, "notebook", enabled: false);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Notebook.PublicSummary(slug))).StatusCode);
    }

    [Fact]
    public async Task Only_the_query_keys_a_public_endpoint_reads_vary_the_cache()
    {
        var (_, slug, _) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");
        var visitor = platform.AnonymousClient();
        var summary = Notebook.PublicSummary(slug);
        var year = Notebook.Today(platform)[..4];
        Assert.Equal(0, await RecordedAsync(visitor, summary));
        Assert.Equal(0, await RecordedAsync(visitor, $"{summary}?from={year}-01-01"));

        await Notebook.RecordBehindTheModulesBackAsync(platform, slug, "缓存键");

        // A key the endpoint does not read (a tracking tag, a random string) is the same entry: nothing new is rendered or kept.
        Assert.Equal(0, await RecordedAsync(visitor, $"{summary}?utm_source=wechat"));
        Assert.Equal(0, await RecordedAsync(visitor, $"{summary}?x={Guid.NewGuid():N}&y=1"));
        // A key it reads is an entry of its own (kept from before the write), and another value of it a new one.
        Assert.Equal(0, await RecordedAsync(visitor, $"{summary}?from={year}-01-01"));
        Assert.Equal(1, await RecordedAsync(visitor, $"{summary}?to={Notebook.Today(platform)}"));
    }

    private static async Task<int> RecordedAsync(HttpClient client, string summary) =>
        (await client.GetFromJsonAsync<System.Text.Json.JsonElement>(summary)).GetProperty("recorded").GetInt32();
}
