using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LegalServices.Tests.Counsel.CounselScenario;

namespace Modular.Modules.LegalServices.Tests.Counsel;

/// <summary>重大行政决策程序暂行条例 Art 25 at the agenda: only a document whose latest review found it lawful goes to the meeting.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class AgendaGateTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task An_item_that_needs_review_but_has_none_is_refused_with_the_reason_and_the_refusal_is_counted()
    {
        var t = await TownshipAsync(platform);
        var meeting = await MeetingAsync(t);

        var errors = await RefusedAsync(t.Head, Api(t.Slug) + "/meetings", meeting, "agenda", Agenda(kind: "Contract", title: "某工程施工合同"));

        Assert.Contains("未经审查的不得提交会议讨论", Messages(errors, "reviewId"));
        var read = await t.Head.GetFromJsonAsync<JsonElement>($"{Api(t.Slug)}/meetings/{meeting.GetProperty("id").GetGuid()}");
        Assert.Empty(read.GetProperty("items").EnumerateArray());
        Assert.Equal("某工程施工合同", Assert.Single(read.GetProperty("refusals").EnumerateArray()).GetProperty("title").GetString());
        var figures = await t.Head.GetFromJsonAsync<JsonElement>($"{Api(t.Slug)}/figures?from=2020-01-01&to=2099-12-31");
        Assert.Equal(1, figures.GetProperty("gateRefusals").GetInt32());

        // A briefing decides nothing and needs no review.
        var briefing = await StepAsync(t.Head, Api(t.Slug) + "/meetings", read, "agenda", Agenda(kind: "Briefing", title: "安全生产情况通报"));
        Assert.Single(briefing.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_unlawful_document_is_refused_until_a_revised_version_is_found_lawful_and_a_lawful_one_goes_on_with_its_opinion()
    {
        var t = await TownshipAsync(platform);
        var meeting = await MeetingAsync(t);
        var meetings = Api(t.Slug) + "/meetings";
        var unlawful = await AnsweredAsync(t, t.CounselA, t.CounselAId, "Unlawful", "某砂石场承包经营合同");
        var lawful = await AnsweredAsync(t, t.CounselB, t.CounselBId, "Lawful", "关于李某某信访事项的答复意见");

        Assert.Contains("经审查不合法，不得提交会议讨论", Messages(await RefusedAsync(t.Head, meetings, meeting, "agenda", Agenda(unlawful)), "reviewId"));
        meeting = await StepAsync(t.Head, meetings, meeting, "agenda", Agenda(lawful));
        var item = Assert.Single(meeting.GetProperty("items").EnumerateArray());
        Assert.Equal("Lawful", item.GetProperty("review").GetProperty("opinion").GetString());
        Assert.Equal("送审稿", item.GetProperty("review").GetProperty("documentVersion").GetString());

        // The revised contract is a new version and a new review: until its opinion comes the gate still says no.
        var resubmitted = await StepAsync(t.Head, Api(t.Slug) + "/reviews", unlawful, "resubmission", new()
        {
            ["documentVersion"] = "修改稿",
            ["legalBasis"] = "《中华人民共和国矿产资源法》第三条",
            ["materials"] = "修改稿",
            ["counselId"] = t.CounselAId.ToString(),
            ["on"] = "2024-03-13",
        });
        Assert.Equal(2, resubmitted.GetProperty("rounds").GetArrayLength());
        Assert.Contains("尚在合法性审查中", Messages(await RefusedAsync(t.Head, meetings, meeting, "agenda", Agenda(resubmitted)), "reviewId"));
        var revised = await StepAsync(t.CounselA, Api(t.Slug) + "/reviews", resubmitted, "opinion", Opinion("Lawful", "2024-03-15"));
        meeting = await StepAsync(t.Head, meetings, meeting, "agenda", Agenda(revised));
        var onAgenda = meeting.GetProperty("items").EnumerateArray().Last().GetProperty("review");
        Assert.Equal(2, onAgenda.GetProperty("round").GetInt32());
        Assert.Equal("修改稿", onAgenda.GetProperty("documentVersion").GetString());
        Assert.Equal(2, meeting.GetProperty("refusals").GetArrayLength());
    }

    [Fact]
    public async Task Lawful_with_changes_waits_for_the_changes_to_be_recorded_and_the_pack_lists_each_opinion()
    {
        var t = await TownshipAsync(platform);
        var meeting = await MeetingAsync(t);
        var meetings = Api(t.Slug) + "/meetings";
        var changes = await AnsweredAsync(t, t.CounselA, t.CounselAId, "LawfulWithChanges", "野马川镇通组道路硬化工程施工合同");

        Assert.Contains("须先登记已按审查意见修改", Messages(await RefusedAsync(t.Head, meetings, meeting, "agenda", Agenda(changes)), "reviewId"));
        var made = await StepAsync(t.Head, Api(t.Slug) + "/reviews", changes, "changes-made", new() { ["note"] = "已补充违约责任条款", ["on"] = "2024-03-14" });
        Assert.True(made.GetProperty("passesGate").GetBoolean());
        meeting = await StepAsync(t.Head, meetings, meeting, "agenda", Agenda(made));
        meeting = await StepAsync(t.Head, meetings, meeting, "agenda", Agenda(kind: "Briefing", title: "安全生产情况通报"));
        var briefing = meeting.GetProperty("items").EnumerateArray().Last().GetProperty("id").GetGuid();
        meeting = await StepAsync(t.Head, meetings, meeting, "withdrawal", new() { ["itemId"] = briefing.ToString(), ["reason"] = "改在下次会议通报", ["on"] = "2024-03-18" });
        meeting = await StepAsync(t.Head, meetings, meeting, "attendance", new() { ["counselIds"] = new[] { t.CounselAId.ToString() }, ["on"] = "2024-03-20" });

        Assert.Equal(2, meeting.GetProperty("items").GetArrayLength());
        Assert.True(meeting.GetProperty("items").EnumerateArray().Last().GetProperty("withdrawn").GetBoolean());
        var pack = CounselScenario.Text(await t.Head.GetByteArrayAsync($"{meetings}/{meeting.GetProperty("id").GetGuid()}/pack.docx"));
        Assert.Contains("野马川镇通组道路硬化工程施工合同", pack);
        Assert.Contains("修改后合法", pack);
        Assert.Contains("修改意见：补充违约责任条款", pack);
        Assert.Contains("修改情况：已补充违约责任条款", pack);
        Assert.Contains("安全生产情况通报：于2024年3月18日撤回，理由：改在下次会议通报", pack);
        Assert.Contains("列席的法律顾问：伍猛麟", pack);
    }

    [Fact]
    public async Task An_opinion_must_agree_with_its_findings_and_only_the_counsel_it_was_sent_to_answers()
    {
        var t = await TownshipAsync(platform);
        var review = await SubmitAsync(t, t.CounselAId);
        var reviews = Api(t.Slug) + "/reviews";

        var contradicting = Opinion("Lawful");
        contradicting["procedure"] = "DoesNotConform";
        Assert.True((await RefusedAsync(t.CounselA, reviews, review, "opinion", contradicting)).TryGetProperty("opinion", out _));
        var noChanges = Opinion("LawfulWithChanges");
        noChanges["requiredChanges"] = null;
        Assert.True((await RefusedAsync(t.CounselA, reviews, review, "opinion", noChanges)).TryGetProperty("requiredChanges", out _));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await PostStepAsync(t.CounselB, reviews, review, "opinion", Opinion("Lawful"))).StatusCode);
    }
}
