using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>Every branch of the relay through the API on real PostgreSQL, and each step out of turn refused with the state it needs.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class LegalAidWorkflowTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task Provisional_aid_goes_first_the_paperwork_follows_and_a_termination_for_an_own_lawyer_ends_it()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await ReceiveAsync(liaison, slug);
        Assert.Equal("2024-0001", a.GetProperty("number").GetString());

        // Art 44 (一): only when the limitation period ends in less than seven days.
        var far = await RefusedAsync(liaison, slug, a, "provisional-aid", new() { ["on"] = "2024-03-01", ["ground"] = "LimitationEndsWithinSevenDays", ["limitationEndsOn"] = "2024-03-20", ["note"] = "仲裁时效将届满" });
        Assert.True(far.TryGetProperty("limitationEndsOn", out _));
        a = await StepAsync(liaison, slug, a, "provisional-aid", new() { ["on"] = "2024-03-01", ["ground"] = "LimitationEndsWithinSevenDays", ["limitationEndsOn"] = "2024-03-05", ["note"] = "仲裁时效将届满" });
        Assert.Contains("paperwork", a.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain("provisional-aid", a.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));

        a = await StepAsync(liaison, slug, a, "forwarding", new() { ["at"] = "2024-03-01 16:00" });
        a = await StepAsync(liaison, slug, a, "agency-receipt", new() { ["on"] = "2024-03-02" });
        a = await StepAsync(liaison, slug, a, "paperwork", new() { ["on"] = "2024-03-04", ["note"] = "补交经济困难状况说明表" });
        a = await StepAsync(liaison, slug, a, "grant", new() { ["on"] = "2024-03-05", ["decisionNumber"] = "赫法援决〔2024〕1号" });
        a = await StepAsync(liaison, slug, a, "assignment", new() { ["on"] = "2024-03-06", ["kind"] = "Lawyer", ["assignee"] = "陈明", ["organisation"] = "贵州万驰律师事务所" });
        a = await StepAsync(liaison, slug, a, "start", new() { ["on"] = "2024-03-07" });
        a = await StepAsync(liaison, slug, a, "termination", new() { ["on"] = "2024-04-01", ["ground"] = "OwnLawyerHired", ["reason"] = "受援人自行委托律师" });

        Assert.Equal("Terminated", State(a));
        Assert.False(a.GetProperty("isOpen").GetBoolean());
        Assert.Equal(["objection"], a.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task One_notice_names_every_missing_material_and_no_reply_by_its_day_is_a_withdrawal()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await ReceiveAsync(liaison, slug);
        a = await StepAsync(liaison, slug, a, "materials-request", new() { ["on"] = "2024-03-01", ["missing"] = "经济困难状况说明表\n劳动合同或工资条" });

        // 15 days from 2024-03-01 (the station's default): 2024-03-16 is a Saturday, so the notice runs to Monday the 18th.
        Assert.Equal("2024-03-18", a.GetProperty("materialsReplyBy").GetString());
        Assert.Equal(2, a.GetProperty("missingMaterials").GetArrayLength());
        Assert.Contains(a.GetProperty("clocks").EnumerateArray(), c => c.GetProperty("kind").GetString() == "MaterialsReply");

        var early = await RefusedAsync(liaison, slug, a, "withdrawal", new() { ["on"] = "2024-03-18" });
        Assert.True(early.TryGetProperty("on", out _));
        a = await StepAsync(liaison, slug, a, "withdrawal", new() { ["on"] = "2024-03-19" });

        Assert.Equal("Withdrawn", State(a));
        Assert.Empty(a.GetProperty("allowed").EnumerateArray());
        var forward = await RefusedAsync(liaison, slug, a, "forwarding", new() { ["at"] = "2024-03-20 09:00" });
        Assert.Contains("视为撤回", forward.GetProperty("state")[0].GetString());
    }

    [Fact]
    public async Task A_second_notice_of_missing_materials_is_refused_and_supplied_materials_complete_the_application()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await ReceiveAsync(liaison, slug);
        a = await StepAsync(liaison, slug, a, "materials-request", new() { ["on"] = "2024-03-01", ["missing"] = "身份证复印件" });
        a = await StepAsync(liaison, slug, a, "materials-supplied", new() { ["on"] = "2024-03-05", ["items"] = "身份证复印件" });
        Assert.Equal("Received", State(a));

        var again = await RefusedAsync(liaison, slug, a, "materials-request", new() { ["on"] = "2024-03-06", ["missing"] = "户口簿" });
        Assert.Contains("一次性告知", again.GetProperty("state")[0].GetString());
        Assert.Equal(3, a.GetProperty("materials").GetArrayLength());
    }

    [Fact]
    public async Task A_refusal_carries_its_reasons_and_an_objection_the_bureau_upholds_is_final()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await UnderReviewAsync(liaison, slug);
        var bare = await RefusedAsync(liaison, slug, a, "refusal", new() { ["on"] = "2024-03-05" });
        Assert.True(bare.TryGetProperty("reasons", out _));
        a = await StepAsync(liaison, slug, a, "refusal", new() { ["on"] = "2024-03-05", ["reasons"] = "申请人家庭收入高于当地经济困难标准" });
        Assert.Equal("Refused", State(a));

        // Art 49 sets no deadline for filing: a year later is still in time.
        a = await StepAsync(liaison, slug, a, "objection", new() { ["on"] = "2025-03-01", ["grounds"] = "家庭收入计算有误" });
        Assert.Equal("ObjectionPending", State(a));
        Assert.Equal("2025-03-06", Assert.Single(a.GetProperty("clocks").EnumerateArray()).GetProperty("dueOn").GetString());
        a = await StepAsync(liaison, slug, a, "objection-decision", new() { ["on"] = "2025-03-05", ["outcome"] = "Upheld", ["reasons"] = "经核实，收入计算无误" });

        Assert.Equal("Refused", State(a));
        Assert.Empty(a.GetProperty("allowed").EnumerateArray());
        var twice = await RefusedAsync(liaison, slug, a, "objection", new() { ["on"] = "2025-03-06", ["grounds"] = "再次异议" });
        Assert.True(twice.TryGetProperty("state", out _));
    }

    [Fact]
    public async Task An_objection_the_bureau_upholds_against_a_refusal_grants_the_aid_and_the_three_days_of_assignment_run_from_it()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await UnderReviewAsync(liaison, slug);
        a = await StepAsync(liaison, slug, a, "refusal", new() { ["on"] = "2024-03-05", ["reasons"] = "不属于法律援助事项范围" });
        a = await StepAsync(liaison, slug, a, "objection", new() { ["on"] = "2024-03-06", ["grounds"] = "属于请求支付劳动报酬事项" });
        a = await StepAsync(liaison, slug, a, "objection-decision", new() { ["on"] = "2024-03-08", ["outcome"] = "Overturned", ["reasons"] = "属于第三十一条第五项" });

        Assert.Equal("Granted", State(a));
        var assignment = Assert.Single(a.GetProperty("clocks").EnumerateArray());
        Assert.Equal("Assignment", assignment.GetProperty("kind").GetString());
        Assert.Equal("2024-03-11", assignment.GetProperty("dueOn").GetString());
        a = await StepAsync(liaison, slug, a, "assignment", new() { ["on"] = "2024-03-09", ["kind"] = "Volunteer", ["assignee"] = "李芳", ["organisation"] = "县法律援助志愿者服务队" });
        Assert.Equal("Assigned", State(a));
    }

    [Fact]
    public async Task A_granted_case_is_assigned_carried_out_closed_with_its_report_and_the_recipient_visited()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await UnderReviewAsync(liaison, slug);
        a = await StepAsync(liaison, slug, a, "grant", new() { ["on"] = "2024-03-04" });
        a = await StepAsync(liaison, slug, a, "assignment", new() { ["on"] = "2024-03-05", ["kind"] = "GrassrootsLegalWorker", ["assignee"] = "张华", ["organisation"] = "野马川镇法律服务所" });
        a = await StepAsync(liaison, slug, a, "start", new() { ["on"] = "2024-03-06" });
        var noReport = await RefusedAsync(liaison, slug, a, "closing", new() { ["on"] = "2024-04-10", ["outcome"] = "调解结案" });
        Assert.True(noReport.TryGetProperty("report", out _));
        a = await StepAsync(liaison, slug, a, "closing", new() { ["on"] = "2024-04-10", ["outcome"] = "仲裁调解结案，追回工资12600元", ["report"] = "承办人员提交结案报告及卷宗。" });
        Assert.Equal("FollowUp", Assert.Single(a.GetProperty("clocks").EnumerateArray()).GetProperty("kind").GetString());
        a = await StepAsync(liaison, slug, a, "follow-up", new() { ["on"] = "2024-04-20", ["visitor"] = "司法所 刘强", ["note"] = "受援人表示满意" });

        Assert.Equal("Closed", State(a));
        Assert.Empty(a.GetProperty("clocks").EnumerateArray());
        var timeline = await liaison.GetFromJsonAsync<JsonElement>($"{Api(slug)}/{Id(a)}/timeline");
        Assert.Equal(8, timeline.GetArrayLength());
        Assert.DoesNotContain(timeline.EnumerateArray(), e => e.GetProperty("label").GetString()!.Contains(ApplicantId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_step_out_of_turn_is_refused_naming_the_state_it_needs()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await ReceiveAsync(liaison, slug);
        foreach (var step in new[] { "grant", "refusal", "assignment", "start", "termination", "closing", "follow-up", "objection", "objection-decision", "agency-receipt", "confirm", "dismissal", "withdrawal", "materials-supplied", "paperwork" })
        {
            var errors = await RefusedAsync(liaison, slug, a, step, new() { ["on"] = "2024-03-02" });
            Assert.True(errors.TryGetProperty("state", out var state), step);
            // Paperwork's state allows it; what is missing is the provisional aid it would follow, and the message says so.
            var needs = step == "paperwork" ? "未先行提供" : "工作站已接收";
            Assert.Contains(state.EnumerateArray(), m => m.GetString()!.Contains(needs, StringComparison.Ordinal));
        }

        var stale = await liaison.PostAsJsonAsync($"{Api(slug)}/{Id(a)}/forwarding", new { version = 0, at = "2024-03-01 12:00" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var before = await RefusedAsync(liaison, slug, a, "forwarding", new() { ["at"] = "2024-03-01 08:00" });
        Assert.True(before.TryGetProperty("at", out _));
    }

    [Fact]
    public async Task An_intake_names_every_bad_field_at_once()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var body = Application("2999-01-01 09:00");
        body["applicantIdNumber"] = ApplicantId[..^1] + (ApplicantId[^1] == '1' ? "2" : "1");
        body["means"] = "ExemptGroup";
        body["representativeName"] = "王小明";
        body["matter"] = "4";
        var response = await liaison.PostAsJsonAsync(Api(slug), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "receivedAt", "applicantIdNumber", "exemptGroup", "representativeRelation", "matter" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task A_station_clerk_reads_the_register_but_records_nothing_and_another_township_sees_none_of_it()
    {
        var (admin, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await ReceiveAsync(liaison, slug);
        var clerk = await platform.SignedInClientAsync(await Modular.Testing.Scenario.CreateUserAsync(admin, slug, Clerk), Modular.Testing.Scenario.Password);
        Assert.Equal(1, (await clerk.GetFromJsonAsync<JsonElement>(Api(slug))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync(Api(slug), Application())).StatusCode);

        var (_, other, stranger) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api(other)}/{Id(a)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Api(other)}/{Id(a)}/forwarding", new { version = 1, at = "2024-03-01 12:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api(other)}/{Id(a)}/application-form.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Api(other)}/{Id(a)}/applicant/reveal", new { field = "IdNumber", reason = "核对" })).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>(Api(other))).GetProperty("total").GetInt32());
        // Nor through the first township's address: the stranger is no member there, and learns nothing of it.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api(slug)}/{Id(a)}")).StatusCode);
    }
}
