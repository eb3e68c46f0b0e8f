using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Modular.Modules.OpenGovernment.Tests.Publications;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Portal;

[Collection(OpenGovernmentCollection.Name)]
public sealed class PortalTests(OpenGovernmentPlatform platform)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task A_visitor_finds_a_publication_by_a_chinese_phrase_inside_its_text()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("关于开展2026年度农村人居环境整治的通知", "<p>各村要按照<strong>乡村振兴</strong>战略部署，做好垃圾分类工作。</p>"));
        await PublishAsync(clerk, reviewer, slug, Draft("防汛应急预案", "<p>汛期值班安排</p>"));
        var visitor = platform.AnonymousClient();

        var page = await visitor.GetStringAsync($"/t/{slug}/open-government/portal/search?q={Uri.EscapeDataString("垃圾分类")}");
        Assert.Contains("关于开展2026年度农村人居环境整治的通知", page);
        Assert.DoesNotContain("防汛应急预案", page);
        var byTitleWords = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications?q={Uri.EscapeDataString("人居环境 乡村振兴")}");
        Assert.Equal(id, Assert.Single(byTitleWords.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var acrossMarkup = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications?q={Uri.EscapeDataString("按照乡村振兴战略")}");
        Assert.Single(acrossMarkup.GetProperty("items").EnumerateArray()); // bold text inside the phrase does not break it
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/t/{slug}/open-government/portal/search?q=%25%5F&page=abc")).StatusCode); // odd input is no error
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/t/{slug}/open-government/portal?page=99999")).StatusCode);
        var none = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications?q={Uri.EscapeDataString("地震")}");
        Assert.Empty(none.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_home_and_category_pages_list_only_published_items_and_the_home_shows_a_new_one_at_once()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        await PublishAsync(clerk, reviewer, slug, Draft("2026年镇级财政预算", category: "财政信息"));
        await DraftAsync(clerk, slug, Draft("尚未审查的草稿", category: "财政信息"));
        var visitor = platform.AnonymousClient();

        var home = await visitor.GetStringAsync($"/t/{slug}/open-government/portal");
        Assert.Contains("2026年镇级财政预算", home);
        Assert.DoesNotContain("尚未审查的草稿", home);
        Assert.Contains("规划计划", home); // the catalogue's categories are linked
        var category = await visitor.GetStringAsync($"/t/{slug}/open-government/portal/category/{Uri.EscapeDataString("财政信息")}");
        Assert.Contains("2026年镇级财政预算", category);
        Assert.DoesNotContain("2026年镇级财政预算", await visitor.GetStringAsync($"/t/{slug}/open-government/portal/category/{Uri.EscapeDataString("公共服务")}"));

        // The home page is cached for anonymous visitors; publishing empties the cache, so the next visitor sees it.
        Assert.NotNull((await visitor.GetAsync($"/t/{slug}/open-government/portal")).Headers.Age);
        await PublishAsync(clerk, reviewer, slug, Draft("新发布的征兵公告"));
        Assert.Contains("新发布的征兵公告", await visitor.GetStringAsync($"/t/{slug}/open-government/portal"));
    }

    [Fact]
    public async Task The_atom_feed_is_valid_and_lists_the_published_items()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("秋冬季森林防火通告", "<p>严禁野外用火 & 违者依法处理</p>"));
        await DraftAsync(clerk, slug, Draft("未发布的草稿"));

        var response = await platform.AnonymousClient().GetAsync($"/api/t/{slug}/open-government/public/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        Assert.NotNull(feed.Root.Element(Atom + "id"));
        Assert.NotNull(feed.Root.Element(Atom + "updated"));
        var entry = Assert.Single(feed.Root.Elements(Atom + "entry"));
        Assert.Equal("秋冬季森林防火通告", entry.Element(Atom + "title")!.Value);
        Assert.Equal($"urn:uuid:{id}", entry.Element(Atom + "id")!.Value);
        Assert.Contains("严禁野外用火 & 违者依法处理", entry.Element(Atom + "summary")!.Value);
        Assert.EndsWith($"/t/{slug}/open-government/portal/publications/{id}", entry.Element(Atom + "link")!.Attribute("href")!.Value);
    }

    [Fact]
    public async Task A_withdrawn_publication_is_gone_from_the_portal_its_page_says_so_with_410()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("错发的拆迁补偿标准", "<p>补偿标准详见附表</p>"));
        var visitor = platform.AnonymousClient();
        var page = $"/t/{slug}/open-government/portal/publications/{id}";
        var search = $"/api/t/{slug}/open-government/public/publications?q={Uri.EscapeDataString("拆迁补偿")}";
        var feed = $"/api/t/{slug}/open-government/public/feed.atom";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(page)).StatusCode); // cached now
        Assert.Single((await visitor.GetFromJsonAsync<JsonElement>(search)).GetProperty("items").EnumerateArray());
        Assert.Contains("错发的拆迁补偿标准", await visitor.GetStringAsync(feed));

        var withdrawn = await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/withdraw", new { expectedVersion = 4, reason = "标准有误，待重新审定" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        var gone = await visitor.GetAsync(page);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var text = await gone.Content.ReadAsStringAsync();
        Assert.Contains("该信息已撤回", text);
        Assert.DoesNotContain("补偿标准详见附表", text);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/api/t/{slug}/open-government/public/publications/{id}")).StatusCode);
        Assert.Empty((await visitor.GetFromJsonAsync<JsonElement>(search)).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain("错发的拆迁补偿标准", await visitor.GetStringAsync(feed));
        Assert.DoesNotContain("错发的拆迁补偿标准", await visitor.GetStringAsync($"/t/{slug}/open-government/portal"));
        Assert.Equal("withdrawn", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_publication_never_published_or_unknown_is_not_found()
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform);
        var draft = await DraftAsync(clerk, slug, Draft("内部草稿"));
        var visitor = platform.AnonymousClient();

        foreach (var id in new[] { draft, Guid.NewGuid() })
        {
            var page = await visitor.GetAsync($"/t/{slug}/open-government/portal/publications/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("内部草稿", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/t/{slug}/open-government/public/publications/{id}")).StatusCode);
        }
    }
}
