using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Publications;

[Collection(OpenGovernmentCollection.Name)]
public sealed class PublicationWorkflowTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task A_draft_submitted_and_passed_on_both_checks_is_published_with_its_review_recorded()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("2026年秋季森林防火工作方案"));
        Assert.Equal("draft", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(clerk, slug, id, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(reviewer, slug, id, 2)).StatusCode);

        var published = await GetAsync(clerk, slug, id);
        Assert.Equal("published", published.GetProperty("state").GetString());
        var review = Assert.Single(published.GetProperty("reviews").EnumerateArray());
        Assert.Equal("不涉及国家秘密", review.GetProperty("confidentialityOpinion").GetString());
        Assert.Equal("内容合法", review.GetProperty("legalityOpinion").GetString());
        Assert.Single(published.GetProperty("versions").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await platform.AnonymousClient().GetAsync($"/api/t/{slug}/open-government/public/publications/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_returns_a_submission_with_a_reason_and_the_clerk_resubmits_it()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("低保对象名单公示"));
        await SubmitAsync(clerk, slug, id, 1);

        var noReason = await reviewer.PostAsJsonAsync($"{Api(slug)}/{id}/return", new { expectedVersion = 2, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));

        var returned = await reviewer.PostAsJsonAsync($"{Api(slug)}/{id}/return", new { expectedVersion = 2, reason = "名单含身份证号，须脱敏后公示" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var item = await GetAsync(clerk, slug, id);
        Assert.Equal("returned", item.GetProperty("state").GetString());
        Assert.Equal("名单含身份证号，须脱敏后公示", item.GetProperty("returnReason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.AnonymousClient().GetAsync($"/api/t/{slug}/open-government/public/publications/{id}")).StatusCode);
        Assert.Contains("名单含身份证号，须脱敏后公示", await clerk.GetStringAsync($"/t/{slug}/open-government/publications/{id}"));
        var returnedList = await clerk.GetStringAsync($"/t/{slug}/open-government/publications?state=returned");
        Assert.Contains("低保对象名单公示", returnedList);
        Assert.DoesNotContain("低保对象名单公示", await clerk.GetStringAsync($"/t/{slug}/open-government/publications?state=published"));

        var edited = await clerk.PutAsJsonAsync($"{Api(slug)}/{id}", Draft("低保对象名单公示（已脱敏）", expectedVersion: 3));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(clerk, slug, id, 4)).StatusCode);
        Assert.Equal("submitted", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_a_reason_and_change_nothing()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("村级财务公开"));

        var unreviewed = await ApproveAsync(reviewer, slug, id, 1);
        Assert.Equal(HttpStatusCode.Conflict, unreviewed.StatusCode);
        Assert.Contains("提交审查", (await ProblemAsync(unreviewed)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/withdraw", new { expectedVersion = 1, reason = "误发" })).StatusCode);

        await SubmitAsync(clerk, slug, id, 1);
        var uncheked = await ApproveAsync(reviewer, slug, id, 2, confidentiality: false, legality: false);
        Assert.Equal(HttpStatusCode.BadRequest, uncheked.StatusCode);
        var errors = (await ProblemAsync(uncheked)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("confidentialityOpinion", out _));
        Assert.True(errors.TryGetProperty("legalityOpinion", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PutAsJsonAsync($"{Api(slug)}/{id}", Draft("改标题", expectedVersion: 2))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ApproveAsync(reviewer, slug, id, 1)).StatusCode); // a stale version
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveAsync(clerk, slug, id, 2)).StatusCode); // the clerk cannot review their own work

        var item = await GetAsync(clerk, slug, id);
        Assert.Equal("submitted", item.GetProperty("state").GetString());
        Assert.Equal(2, item.GetProperty("version").GetInt32());
        Assert.Equal("村级财务公开", item.GetProperty("content").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_draft_with_every_field_wrong_is_refused_naming_each_field()
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform);

        var response = await clerk.PostAsJsonAsync(Api(slug), new { title = "", category = "不存在的类别", madeOn = "2099-01-01", disclosure = "not-disclosed", issuingOffice = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "title", "category", "madeOn", "notDisclosedReason", "issuingOffice" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Empty((await clerk.GetFromJsonAsync<JsonElement>(Api(slug))).EnumerateArray());
    }

    [Fact]
    public async Task A_revision_is_a_new_version_and_the_old_one_is_kept()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("耕地地力保护补贴发放方案", "<p>每亩补贴100元</p>"));

        var revised = await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/revise", Draft("耕地地力保护补贴发放方案（修订）", "<p>每亩补贴120元</p>", expectedVersion: 4));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var portal = platform.AnonymousClient();
        var whileInReview = await portal.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications/{id}");
        Assert.Equal("耕地地力保护补贴发放方案", whileInReview.GetProperty("title").GetString()); // the portal keeps the published version meanwhile

        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(clerk, slug, id, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(reviewer, slug, id, 6)).StatusCode);

        var item = await GetAsync(clerk, slug, id);
        Assert.Equal(2, item.GetProperty("versions").GetArrayLength());
        var first = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/{id}/versions/1");
        Assert.Contains("100元", first.GetProperty("content").GetProperty("bodyHtml").GetString());
        Assert.Contains("每亩补贴100元", await clerk.GetStringAsync($"/t/{slug}/open-government/publications/{id}/versions/1"));
        var now = await portal.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications/{id}");
        Assert.Equal(2, now.GetProperty("version").GetInt32());
        Assert.Contains("120元", now.GetProperty("bodyHtml").GetString());
    }

    [Fact]
    public async Task A_revision_that_is_no_longer_proactive_takes_the_earlier_version_off_the_portal()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("村级集体经济项目名单", "<p>三个项目</p>"));
        var portal = platform.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/api/t/{slug}/open-government/public/publications/{id}")).StatusCode);

        await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/revise", Draft("村级集体经济项目名单", "<p>含商业秘密</p>", expectedVersion: 4, disclosure: "not-disclosed", reason: "涉及第三方商业秘密"));
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(clerk, slug, id, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(reviewer, slug, id, 6)).StatusCode);

        Assert.Equal(HttpStatusCode.Gone, (await portal.GetAsync($"/api/t/{slug}/open-government/public/publications/{id}")).StatusCode);
        Assert.Equal("filed", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Information_not_disclosed_keeps_its_reason_and_never_reaches_the_portal()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("信访人员信息汇总", disclosure: "not-disclosed", reason: "涉及个人隐私（条例第15条）"));
        await SubmitAsync(clerk, slug, id, 1);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(reviewer, slug, id, 2)).StatusCode);

        var item = await GetAsync(clerk, slug, id);
        Assert.Equal("filed", item.GetProperty("state").GetString());
        Assert.Equal("涉及个人隐私（条例第15条）", item.GetProperty("content").GetProperty("notDisclosedReason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.AnonymousClient().GetAsync($"/api/t/{slug}/open-government/public/publications/{id}")).StatusCode);
    }

    [Fact]
    public async Task Proactive_information_made_before_National_Day_is_due_twenty_working_days_later_with_the_holiday_skipped()
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform);
        // Made Mon 2026-09-28. Working days: 09-29, 09-30 (2); 10-01..07 off; 10-08, 10-09, Sat 10-10 make-up day (5);
        // 10-12..16 (10); 10-19..23 (15); 10-26..30 (20). By weekdays alone it would be 10-26.
        var id = await DraftAsync(clerk, slug, Draft("国庆假期后公开的项目招标结果", madeOn: "2026-09-28"));

        Assert.Equal("2026-10-30", (await GetAsync(clerk, slug, id)).GetProperty("dueOn").GetString());
        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        var due = Assert.Single(home.GetProperty("dueItems").EnumerateArray(), d => d.GetProperty("item").GetProperty("link").GetString()!.Contains(id.ToString()));
        Assert.Equal("2026-10-30", due.GetProperty("item").GetProperty("dueOn").GetString());
        Assert.True(due.GetProperty("overdue").GetBoolean());
        var overdue = Assert.Single(home.GetProperty("figures").EnumerateArray(), f => f.GetProperty("label").GetString() == "主动公开超期");
        Assert.Equal("1", overdue.GetProperty("value").GetString());
        Assert.True(overdue.GetProperty("attention").GetBoolean());
    }

    [Fact]
    public async Task An_item_no_longer_awaiting_publication_leaves_the_due_list()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("已按时公开的通知", madeOn: "2026-09-28"));

        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");

        Assert.DoesNotContain(home.GetProperty("dueItems").EnumerateArray(), d => d.GetProperty("item").GetProperty("link").GetString()!.Contains(id.ToString()));
        Assert.Equal(JsonValueKind.Null, (await GetAsync(clerk, slug, id)).GetProperty("dueOn").ValueKind);
        Assert.Equal("1", Assert.Single(home.GetProperty("figures").EnumerateArray(), f => f.GetProperty("label").GetString() == "本年发布信息").GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_township_adds_a_catalogue_category_and_drafts_in_it()
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync(Api(slug), Draft("茶产业扶持政策", category: "产业发展"))).StatusCode);

        var added = await clerk.PostAsJsonAsync($"{Api(slug)}/categories", new { name = "产业发展" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var categories = await clerk.GetFromJsonAsync<string[]>($"{Api(slug)}/categories");
        Assert.Equal(["机构职能", "法规文件", "规划计划", "财政信息", "权责清单", "重大决策", "公共服务", "其他", "产业发展"], categories!);
        await DraftAsync(clerk, slug, Draft("茶产业扶持政策", category: "产业发展"));
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"{Api(slug)}/categories", new { name = "产业发展" })).StatusCode);
    }
}
