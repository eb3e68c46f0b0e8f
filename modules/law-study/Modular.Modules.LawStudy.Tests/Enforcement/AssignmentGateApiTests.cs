using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Kit;
using static Modular.Modules.LawStudy.Tests.Certificates.CertificateScenario;
using static Modular.Modules.LawStudy.Tests.Enforcement.TaskScenario;

namespace Modular.Modules.LawStudy.Tests.Enforcement;

/// <summary>The gate through the API: each refusal names the officer and why, is counted, and a valid pair goes through.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class AssignmentGateApiTests(LawStudyPlatform platform)
{
    [Fact]
    public async Task The_gate_refuses_one_officer_an_expired_yesterday_a_suspended_and_a_wrong_area_certificate_and_counts_each_refusal()
    {
        var (_, slug, supervisor) = await TownshipAsync(platform);
        var today = Today(platform);
        var day = TownshipTime.Format(today);
        var he = await OfficerAsync(supervisor, slug, "何军");
        var luo = await OfficerAsync(supervisor, slug, "罗永红");
        var han = await OfficerAsync(supervisor, slug, "韩冬");
        var xie = await OfficerAsync(supervisor, slug, "谢飞");
        var liang = await OfficerAsync(supervisor, slug, "梁伟");
        await IssuedAsync(supervisor, slug, he, Number(), day);
        await IssuedAsync(supervisor, slug, luo, Number(), day);
        // Expired yesterday: the expiry day is the last valid day.
        var yesterday = TownshipTime.Format(DateOnly.FromDayNumber(today.DayNumber - 1));
        await IssuedAsync(supervisor, slug, han, Number(), "2019-06-01", yesterday);
        var suspended = await IssuedAsync(supervisor, slug, xie, Number(), day);
        await StepAsync(supervisor, slug, suspended, "suspension", day, "调查期间暂扣");
        await IssuedAsync(supervisor, slug, liang, Number(), day, area: "水塘镇");
        var task = await RecordAsync(supervisor, slug, "Penalty", "市容环境卫生", day);

        var alone = await RefusedAsync(await AssignAsync(supervisor, slug, task, he));
        Assert.Contains("第四十二条", Messages(alone, "officers"));

        var expired = await RefusedAsync(await AssignAsync(supervisor, slug, task, he, han));
        Assert.Contains("韩冬", Messages(expired, "officers[1]"));
        Assert.Contains("已过期", Messages(expired, "officers[1]"));
        Assert.Equal("", Messages(expired, "officers[0]"));

        var withheld = await RefusedAsync(await AssignAsync(supervisor, slug, task, xie, he));
        Assert.Contains("暂扣", Messages(withheld, "officers[0]"));

        var elsewhere = await RefusedAsync(await AssignAsync(supervisor, slug, task, he, liang));
        Assert.Contains("水塘镇", Messages(elsewhere, "officers[1]"));

        var assigned = await AssignAsync(supervisor, slug, task, he, luo);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var view = await assigned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, view.GetProperty("officers").GetArrayLength());

        var figures = await supervisor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/law-study/enforcement/tasks/figures?year={today.Year}");
        Assert.Equal(4, figures.GetProperty("assignmentsRefused").GetInt32());
        Assert.Equal(1, figures.GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "Penalty").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Another_townships_task_is_not_found_and_its_officers_are_nobody_here()
    {
        var (_, slug, supervisor) = await TownshipAsync(platform);
        var day = TownshipTime.Format(Today(platform));
        var he = await OfficerAsync(supervisor, slug, "何军");
        var luo = await OfficerAsync(supervisor, slug, "罗永红");
        var task = await RecordAsync(supervisor, slug, "Inspection", "市容环境卫生", day);
        var (_, other, stranger) = await TownshipAsync(platform);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{other}/law-study/enforcement/tasks/{task.GetProperty("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(stranger, other, task, he, luo)).StatusCode);
        var theirs = await RecordAsync(stranger, other, "Inspection", "市容环境卫生", day);
        var nobody = await RefusedAsync(await AssignAsync(stranger, other, theirs, he, luo));
        Assert.Contains("花名册", Messages(nobody, "officers[0]"));
    }

    [Fact]
    public async Task The_contract_endpoint_answers_by_certificate_number()
    {
        var (_, slug, supervisor) = await TownshipAsync(platform);
        var day = TownshipTime.Format(Today(platform));
        var a = await IssuedAsync(supervisor, slug, await OfficerAsync(supervisor, slug, "何军"), Number(), day);
        var b = await IssuedAsync(supervisor, slug, await OfficerAsync(supervisor, slug, "罗永红"), Number(), day);
        var ask = new { on = day, category = "市容环境卫生", area = Area, certificateNumbers = new[] { a.GetProperty("number").GetString(), b.GetProperty("number").GetString() } };
        var answer = await (await supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/enforcement/qualification", ask)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Qualified", answer.GetProperty("verdict").GetString());

        var unknown = new { on = day, category = "市容环境卫生", area = Area, certificateNumbers = new[] { a.GetProperty("number").GetString(), "NOSUCH0001" } };
        var refused = await (await supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/enforcement/qualification", unknown)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Refused", refused.GetProperty("verdict").GetString());
    }
}
