using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LegalServices.Tests.Counsel.CounselScenario;

namespace Modular.Modules.LegalServices.Tests.Counsel;

/// <summary>Art 26's review time of at least 7 working days, on the statutory clock: shown, warned, on the due list, a floor for the setting.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class ReviewClockTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task Seven_working_days_across_national_day_warn_a_meeting_that_a_calendar_week_would_seem_to_allow()
    {
        var t = await TownshipAsync(platform);

        // Sent on Friday 2024-09-27: Sunday 09-29 and Saturday 10-12 are make-up workdays, 10-01..10-07 the holiday, so the
        // seventh working day is 10-12. A meeting on 10-10 (thirteen calendar days later) leaves counsel too little.
        var soon = await SubmitAsync(t, t.CounselAId, "野马川镇森林防火工作方案", "MajorDecision", "2024-09-27", "2024-10-10");
        var round = Assert.Single(soon.GetProperty("rounds").EnumerateArray());
        Assert.Equal("2024-10-12", round.GetProperty("reviewDueOn").GetString());
        Assert.True(round.GetProperty("meetingTooSoon").GetBoolean());
        Assert.Contains("不足7个工作日", round.GetProperty("warning").GetString());
        Assert.Equal("WorkingDays", round.GetProperty("reviewPeriod").GetProperty("unit").GetString());

        var later = await SubmitAsync(t, t.CounselAId, "野马川镇集体林地经营权流转方案", "MajorDecision", "2024-09-27", "2024-10-14");
        Assert.False(later.GetProperty("rounds")[0].GetProperty("meetingTooSoon").GetBoolean());

        var home = await t.Head.GetFromJsonAsync<JsonElement>($"/api/t/{t.Slug}/home");
        var due = home.GetProperty("dueItems").EnumerateArray().Select(i => i.GetProperty("item")).ToList();
        var opinion = Assert.Single(due, i => i.GetProperty("title").GetProperty("chinese").GetString() == $"合法性审查 {soon.GetProperty("number").GetString()} 出具意见");
        Assert.Equal("2024-10-12", opinion.GetProperty("dueOn").GetString());
        Assert.Contains(home.GetProperty("figures").EnumerateArray(), f => f.GetProperty("label").GetString() == "合法性审查待出具意见" && f.GetProperty("value").GetString() == "2");
    }

    [Fact]
    public async Task A_township_may_give_counsel_more_working_days_but_never_fewer_than_seven_nor_calendar_days()
    {
        var t = await TownshipAsync(platform);
        var url = Api(t.Slug) + "/settings";
        var version = (await t.Head.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt64();

        var fewer = await t.Head.PostAsJsonAsync(url, new { version, reviewDays = 6, reviewUnit = "WorkingDays", expiryWarningDays = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, fewer.StatusCode);
        var calendar = await t.Head.PostAsJsonAsync(url, new { version, reviewDays = 10, reviewUnit = "CalendarDays", expiryWarningDays = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, calendar.StatusCode);
        var more = await t.Head.PostAsJsonAsync(url, new { version, reviewDays = 10, reviewUnit = "WorkingDays", expiryWarningDays = 60 });
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);

        var review = await SubmitAsync(t, t.CounselAId, sentOn: "2024-09-27");
        Assert.Equal("2024-10-16", review.GetProperty("rounds")[0].GetProperty("reviewDueOn").GetString());
    }

    [Fact]
    public async Task A_contract_ending_inside_the_warning_is_flagged_on_the_dashboard_and_the_due_list()
    {
        var t = await TownshipAsync(platform);
        var today = DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var ends = today.AddDays(20).ToString("yyyy-MM-dd");
        await PostAsync(t.Head, Api(t.Slug) + "/retainers", new() { ["firm"] = "贵州某律师事务所", ["from"] = "2024-01-01", ["to"] = ends }, HttpStatusCode.Created);
        var later = await PostAsync(t.Head, Api(t.Slug) + "/retainers", new() { ["firm"] = "贵州另一律师事务所", ["from"] = "2024-01-01", ["to"] = "2099-12-31" }, HttpStatusCode.Created);
        Assert.False(later.GetProperty("expiresSoon").GetBoolean());

        var (_, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head);
        var soon = await PostAsync(head, Api(slug) + "/retainers", new() { ["firm"] = "贵州万驰律师事务所", ["from"] = "2024-01-01", ["to"] = ends }, HttpStatusCode.Created);
        Assert.True(soon.GetProperty("expiresSoon").GetBoolean());
        var home = await head.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        Assert.Contains(home.GetProperty("figures").EnumerateArray(), f => f.GetProperty("label").GetString() == "法律顾问合同到期日" && f.GetProperty("attention").GetBoolean());
        var item = Assert.Single(home.GetProperty("dueItems").EnumerateArray().Select(i => i.GetProperty("item")), i => i.GetProperty("title").GetProperty("chinese").GetString()!.StartsWith("法律顾问合同到期", StringComparison.Ordinal));
        Assert.Equal(ends, item.GetProperty("dueOn").GetString());
    }
}
