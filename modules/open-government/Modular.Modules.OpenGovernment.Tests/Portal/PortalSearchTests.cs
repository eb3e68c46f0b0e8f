using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Portal;

/// <summary>The portal's search over its own table of entries (og_portal_entry): Chinese words inside text, ranking, what is found, and the start-up backfill.</summary>
[Collection(OpenGovernmentCollection.Name)]
public sealed class PortalSearchTests(OpenGovernmentPlatform platform)
{
    private HttpClient? _reader;

    [Fact]
    public async Task Two_character_words_are_found_inside_longer_text_and_one_character_finds_them_too()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var assistance = await PublishAsync(clerk, reviewer, slug, Draft("关于做好城乡最低生活保障对象认定工作的通知", "<p>各村对城乡低保对象开展年度复核。</p>"));
        var forestry = await PublishAsync(clerk, reviewer, slug, Draft("集体林地承包经营情况公示", "<p>深化集体林权制度改革，明晰产权。</p>"));
        var unrelated = await PublishAsync(clerk, reviewer, slug, Draft("防汛值班安排", "<p>汛期24小时值班。</p>"));

        Assert.Equal([assistance], await FoundAsync(slug, "低保"));
        Assert.Equal([forestry], await FoundAsync(slug, "林权"));
        Assert.Equal([assistance], await FoundAsync(slug, "最低生活保障"));
        Assert.Equal([assistance], await FoundAsync(slug, "低保 复核")); // every word must be found
        Assert.Empty(await FoundAsync(slug, "低保 林权"));
        Assert.Equal([forestry], await FoundAsync(slug, "产")); // a single character
        Assert.Equal([unrelated], await FoundAsync(slug, "24小时"));
        Assert.Empty(await FoundAsync(slug, "地震"));
        Assert.Empty(await FoundAsync(slug, "%_\\'&|!:*"));

        var page = await platform.AnonymousClient().GetStringAsync($"/t/{slug}/open-government/portal/search?q={Uri.EscapeDataString("林权")}");
        Assert.Contains("集体林地承包经营情况公示", page);
        Assert.DoesNotContain("防汛值班安排", page);
    }

    [Fact]
    public async Task Matches_in_the_heading_come_first_then_the_newest()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var olderInTitle = await PublishAsync(clerk, reviewer, slug, Draft("林权流转管理办法", "<p>规范流转。</p>"));
        var inBodyOnly = await PublishAsync(clerk, reviewer, slug, Draft("镇政府工作动态", "<p>召开林权纠纷调处会议。</p>"));
        var newerInTitle = await PublishAsync(clerk, reviewer, slug, Draft("林权登记公告", "<p>办理登记。</p>"));
        var newestInBody = await PublishAsync(clerk, reviewer, slug, Draft("党建工作简报", "<p>林权改革宣传。</p>"));

        Assert.Equal([newerInTitle, olderInTitle, newestInBody, inBodyOnly], await FoundAsync(slug, "林权"));
    }

    [Fact]
    public async Task A_withdrawn_publication_is_not_found_and_a_revised_one_is_found_by_its_new_text()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("宅基地审批公示", "<p>申请人名单</p>"));
        Assert.Equal([id], await FoundAsync(slug, "宅基地"));

        var revised = await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/revise", Draft("宅基地审批结果公示", "<p>审批结果及复议途径</p>", expectedVersion: await VersionAsync(clerk, slug, id)));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Empty(await FoundAsync(slug, "复议")); // the revision is not on the portal until it is approved
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(clerk, slug, id, await VersionAsync(clerk, slug, id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(reviewer, slug, id, await VersionAsync(reviewer, slug, id))).StatusCode);
        Assert.Equal([id], await FoundAsync(slug, "复议"));
        Assert.Empty(await FoundAsync(slug, "申请人名单"));

        var withdrawn = await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/withdraw", new { expectedVersion = await VersionAsync(clerk, slug, id), reason = "内容有误" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Empty(await FoundAsync(slug, "宅基地"));
        Assert.DoesNotContain("宅基地审批结果公示", await platform.AnonymousClient().GetStringAsync($"/t/{slug}/open-government/portal"));
    }

    [Fact]
    public async Task A_township_finds_only_its_own_publications()
    {
        var (_, mine, myClerk, myReviewer) = await TownshipAsync(platform);
        var (_, theirs, theirClerk, theirReviewer) = await TownshipAsync(platform);
        var own = await PublishAsync(myClerk, myReviewer, mine, Draft("秸秆禁烧通告", category: "其他"));
        await PublishAsync(theirClerk, theirReviewer, theirs, Draft("秸秆综合利用通告", category: "其他"));

        Assert.Equal([own], await FoundAsync(mine, "秸秆"));
        var listing = await platform.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/t/{mine}/open-government/public/publications?category={Uri.EscapeDataString("其他")}");
        Assert.Equal([own], [.. listing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())]);
    }

    [Fact]
    public async Task Publications_missing_from_the_portals_table_are_put_back_at_start_up_and_stale_rows_go()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("耕地保护责任书签订情况", "<p>全镇签订耕地保护责任书。</p>"));
        var stale = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(platform.ConnectionString))
        {
            await connection.OpenAsync();
            // As if published before the table existed, and a row left behind by a publication the portal no longer has.
            await using var delete = new NpgsqlCommand("delete from modular.og_portal_entry where tenant_id = @slug", connection);
            delete.Parameters.AddWithValue("slug", slug);
            await delete.ExecuteNonQueryAsync();
            await using var insert = new NpgsqlCommand(
                """
                insert into modular.og_portal_entry (tenant_id, id, title, category, summary, issuing_office, published_at, version, heading, search)
                values (@slug, @id, '耕地保护旧公告', '其他', '', '', now(), 1, '''耕地''', '''耕地''')
                """, connection);
            insert.Parameters.AddWithValue("slug", slug);
            insert.Parameters.AddWithValue("id", stale);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal([stale], await FoundAsync(slug, "耕地"));

        var store = platform.Services.GetRequiredService<IDocumentStore>();
        foreach (var initial in platform.Services.GetServices<IInitialData>())
        {
            await initial.Populate(store, CancellationToken.None);
        }

        Assert.Equal([id], await FoundAsync(slug, "耕地"));
    }

    [Fact]
    public async Task Spellings_of_one_search_or_page_number_share_one_cached_page_and_other_keys_vary_nothing()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        await PublishAsync(clerk, reviewer, slug, Draft("农村危房改造补助公示"));
        var visitor = platform.AnonymousClient();
        var search = $"/t/{slug}/open-government/portal/search";

        Assert.Null((await visitor.GetAsync($"{search}?q={Uri.EscapeDataString("危房 补助")}")).Headers.Age);
        foreach (var spelling in new[] { "危房  补助", " 危房，补助 ", "危房\u3000补助", "危房 补助 危房" })
        {
            var response = await visitor.GetAsync($"{search}?q={Uri.EscapeDataString(spelling)}&utm_source=wechat");
            Assert.NotNull(response.Headers.Age); // the same entry
            Assert.Contains("“危房 补助”的搜索结果", await response.Content.ReadAsStringAsync());
        }

        var home = $"/t/{slug}/open-government/portal";
        Assert.Null((await visitor.GetAsync(home)).Headers.Age);
        foreach (var page in new[] { "1", "01", "x", "-3" })
        {
            Assert.NotNull((await visitor.GetAsync($"{home}?page={page}")).Headers.Age);
        }

        Assert.Null((await visitor.GetAsync($"{home}?page=2")).Headers.Age);
        Assert.NotNull((await visitor.GetAsync($"{home}?page=0002")).Headers.Age);
        Assert.Null((await visitor.GetAsync($"{home}?page=1000")).Headers.Age);
        Assert.NotNull((await visitor.GetAsync($"{home}?page=99999")).Headers.Age); // past the last page number: that page
    }

    /// <summary>The ids the public search API answers, in order; asked signed in, so never from the page cache.</summary>
    private async Task<List<Guid>> FoundAsync(string slug, string q)
    {
        _reader ??= await platform.AdminClientAsync();
        var page = await _reader.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications?q={Uri.EscapeDataString(q)}");
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}
