using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Study.StudyScenario;

namespace Modular.Modules.LawStudy.Tests.Study;

/// <summary>Targets per post, who is behind, the due list from the township's day, one's own page of hours.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class StudyTargetTests(LawStudyPlatform platform)
{
    [Fact]
    public async Task Who_is_behind_follows_the_target_of_their_post_and_reaches_the_due_list_from_the_townships_day()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.Head), Scenario.Password);
        var year = (await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/study/settings")).GetProperty("version").GetInt64();
        Assert.Equal(0, year);
        var leader = await PersonAsync(clerk, slug, "王永刚", "领导班子成员", department: "党政领导");
        var clerkOnRoster = await PersonAsync(clerk, slug, "李晓燕");
        var session = await SessionAsync(clerk, slug, "CentralGroup", 8, $"{DateTime.UtcNow.Year}-01-01");
        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(clerk, slug, session.GetProperty("id").GetGuid(), 1,
            new { staffId = leader, mark = "Present" }, new { staffId = clerkOnRoster, mark = "Present" })).StatusCode);

        // The clerk may not set the township's rules; the head may: 6 hours for everyone, 10 for the leadership.
        var rules = new { version = 0, defaultTargetHours = 6, postTargets = new[] { new { post = "领导班子成员", hours = 10 } }, dueFrom = "01-01" };
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"{Api(slug)}/study/settings", rules)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"{Api(slug)}/study/settings", rules)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"{Api(slug)}/study/settings", rules)).StatusCode);

        var behind = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/study/hours?behind=true");
        var only = Assert.Single(behind.EnumerateArray());
        Assert.Equal(leader, only.GetProperty("staffId").GetGuid());
        Assert.Equal(2m, only.GetProperty("shortfall").GetDecimal());

        // From 1 January (this township's day) the person behind is due by the year's end.
        var due = await clerk.GetStringAsync($"/t/{slug}");
        Assert.Contains("王永刚（党政领导）学法学时未达标，尚差2学时", due);
        Assert.DoesNotContain("李晓燕（党政办公室）学法学时未达标", due);
        Assert.Contains("学时未达标的工作人员", due); // the dashboard's figure beside the due list
        Assert.Contains("本年学法活动", due);

        var bad = await head.PostAsJsonAsync($"{Api(slug)}/study/settings", new { version = 1, defaultTargetHours = 0, postTargets = new[] { new { post = "", hours = 1000 } }, dueFrom = "02-30" });
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["defaultTargetHours", "dueFrom", "postTargets[0].hours", "postTargets[0].post"], fields);
    }

    [Fact]
    public async Task A_member_of_staff_sees_their_own_hours_and_sessions_and_nobody_elses()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var user = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StaffMember);
        var staff = await platform.SignedInClientAsync(user, Scenario.Password);
        var me = await PersonAsync(clerk, slug, "许婧", "司法助理员", user, "司法所");
        var other = await PersonAsync(clerk, slug, "曹磊", "司法助理员", department: "司法所");
        var session = await SessionAsync(clerk, slug, "Training", 8);
        await AttendanceAsync(clerk, slug, session.GetProperty("id").GetGuid(), 1, new { staffId = me, mark = "Present" }, new { staffId = other, mark = "SickLeave" });

        var mine = await staff.GetFromJsonAsync<JsonElement>($"{Api(slug)}/study/me?year=2020");
        Assert.True(mine.GetProperty("onRoster").GetBoolean());
        Assert.Equal(8m, mine.GetProperty("hours").GetProperty("hours").GetDecimal());
        Assert.Equal(40m, mine.GetProperty("hours").GetProperty("targetHours").GetDecimal());
        Assert.Single(mine.GetProperty("sessions").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"{Api(slug)}/study/hours?year=2020")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"{Api(slug)}/study/sessions")).StatusCode);

        var page = await staff.GetStringAsync($"/t/{slug}/law-study/me?year=2020");
        Assert.Contains("许婧", page);
        Assert.Contains("已学 8 学时，年度目标 40 学时，尚差 32 学时。", page);
        Assert.DoesNotContain("曹磊", page);
    }

    [Fact]
    public async Task The_demo_township_studied_all_year_and_most_of_its_38_staff_met_the_target()
    {
        var admin = await platform.AdminClientAsync();
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", LawStudyPlatform.StudyClerk), Scenario.Password);
        var figures = await clerk.GetFromJsonAsync<JsonElement>($"{Api("yemachuan")}/study/figures?year=2020");
        Assert.Equal(29, figures.GetProperty("sessions").GetInt32());
        var byKind = figures.GetProperty("byKind").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("sessions").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["CentralGroup"] = 12, ["PreMeeting"] = 10, ["AllStaff"] = 4, ["Training"] = 2, ["Online"] = 1 }, byKind);
        Assert.Equal(38, figures.GetProperty("people").GetInt32());
        Assert.Equal(35, figures.GetProperty("metTarget").GetInt32());
        Assert.Equal(1601m, figures.GetProperty("totalHours").GetDecimal());

        var behind = await clerk.GetFromJsonAsync<JsonElement>($"{Api("yemachuan")}/study/hours?year=2020&behind=true");
        Assert.Equal(["叶青", "杨帆", "潘勇"], behind.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        var report = await clerk.GetStringAsync("/t/yemachuan/annual-report?year=2020");
        Assert.Contains("共组织学法活动29次", report);
        Assert.Contains("全镇38名干部职工累计学法1601学时，人均42.1学时，35人达到年度学法学时目标，3人未达到。", report);
    }
}
