using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using static Modular.Modules.Mediation.Tests.Disputes.DisputeScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

[Collection(MediationCollection.Name)]
public sealed class DisputeWorkflowTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_dispute_goes_from_intake_to_a_signed_agreement_performed_visited_and_archived()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        await ToMediationAsync(mediator, slug, id, "2026-06-02");
        var drafted = await StepAsync(mediator, slug, id, "agreement", Agreement("2026-06-03"));
        Assert.Equal("AgreementDrafted", drafted.GetProperty("state").GetString());
        var agreed = await StepAsync(mediator, slug, id, "signature", new() { ["on"] = "2026-06-05" });

        Assert.Equal("Agreed", agreed.GetProperty("state").GetString());
        Assert.Equal("2026-06-05", agreed.GetProperty("resolvedOn").GetString());
        Assert.Equal("2026-07-06", agreed.GetProperty("courtConfirmationDueOn").GetString()); // 30 days end on Sunday 07-05
        Assert.Equal("2026-07-06", agreed.GetProperty("followUpDueOn").GetString()); // the local 30 days too: Sunday 07-05 moves to Monday
        await StepAsync(mediator, slug, id, "court-confirmation", new() { ["on"] = "2026-06-20", ["court"] = "赫章县人民法院" });
        var performed = await StepAsync(mediator, slug, id, "performance", new() { ["on"] = "2026-06-30", ["status"] = "Performed", ["note"] = "已完成改道。" });
        Assert.Equal("Performed", performed.GetProperty("state").GetString());
        await StepAsync(mediator, slug, id, "follow-up", new() { ["on"] = "2026-07-02", ["visitor"] = "王德明", ["note"] = "双方和睦。" });
        var archived = await StepAsync(mediator, slug, id, "archive", new() { ["on"] = "2026-07-03", ["fileNumber"] = "野调〔2026〕5号" });

        Assert.Equal("Archived", archived.GetProperty("state").GetString());
        var timeline = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/{id}/timeline");
        Assert.Equal(10, timeline.GetArrayLength());
        Assert.All(timeline.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("by").GetString())));
        Assert.DoesNotContain(ApplicantId, timeline.GetRawText());
    }

    [Fact]
    public async Task The_agreement_docx_carries_the_article_29_content_with_the_parties_masked()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        await ToMediationAsync(mediator, slug, id, "2026-06-02");
        await StepAsync(mediator, slug, id, "agreement", Agreement("2026-06-03"));

        var bytes = await mediator.GetByteArrayAsync($"/api/t/{slug}/mediation/disputes/{id}/agreement.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;

        Assert.Contains("人民调解协议书", text);
        Assert.Contains("刘德华", text);
        Assert.Contains("张学友", text);
        Assert.Contains("被申请人将排水沟改道至两户界址以东", text);
        Assert.Contains("2026年6月30日前完成改道", text);
        Assert.Contains("一式3份", text);
        Assert.Contains("三十日内共同向人民法院申请司法确认", text);
        Assert.DoesNotContain(ApplicantId, text);
        Assert.Contains(ApplicantId[..6] + "********" + ApplicantId[^4..], text);
        var full = await mediator.GetAsync($"/api/t/{slug}/mediation/disputes/{id}/agreement.docx?full=true&reason=签署");
        Assert.Equal(HttpStatusCode.Forbidden, full.StatusCode);
    }

    [Fact]
    public async Task A_party_refusing_stops_mediation_and_nothing_follows()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        await StepAsync(mediator, slug, id, "start", new() { ["on"] = "2026-06-02", ["basis"] = "CommitteeInitiative" });
        var refused = await StepAsync(mediator, slug, id, "refusal", new() { ["on"] = "2026-06-02", ["party"] = "张学友", ["reason"] = "明确表示不接受调解" });

        Assert.Equal("Refused", refused.GetProperty("state").GetString());
        Assert.False(refused.GetProperty("isOpen").GetBoolean());
        var session = await PostStepAsync(mediator, slug, id, "session", new() { ["on"] = "2026-06-03", ["place"] = "调解室", ["participants"] = "双方", ["record"] = "记录" });
        Assert.Contains("当事人拒绝调解", string.Join(" ", (await ErrorsAsync(session))["state"]));
        Assert.Equal("Archived", (await StepAsync(mediator, slug, id, "archive", new() { ["on"] = "2026-06-04", ["fileNumber"] = "野调〔2026〕6号" })).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_with_the_state_named_and_nothing_recorded()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");

        var agreement = await PostStepAsync(mediator, slug, id, "agreement", Agreement("2026-06-02"));
        var signature = await PostStepAsync(mediator, slug, id, "signature", new() { ["on"] = "2026-06-02" });
        var application = await PostStepAsync(mediator, slug, id, "start", new() { ["on"] = "2026-06-02", ["basis"] = "Application" });
        await StepAsync(mediator, slug, id, "start", new() { ["on"] = "2026-06-02", ["basis"] = "CommitteeInitiative" });
        var sessionWithoutMediator = await PostStepAsync(mediator, slug, id, "session", new() { ["on"] = "2026-06-02", ["place"] = "调解室", ["participants"] = "双方", ["record"] = "记录" });
        var archiveOpen = await PostStepAsync(mediator, slug, id, "archive", new() { ["on"] = "2026-06-02", ["fileNumber"] = "X" });
        var beforeIntake = await PostStepAsync(mediator, slug, id, "mediator", new() { ["on"] = "2026-05-30", ["mediator"] = "王德明" });
        var future = await PostStepAsync(mediator, slug, id, "mediator", new() { ["on"] = "2099-01-01", ["mediator"] = "王德明" });

        Assert.Contains("已登记，待启动调解", string.Join(" ", (await ErrorsAsync(agreement))["state"]));
        Assert.Contains("state", (await ErrorsAsync(signature)).Keys);
        Assert.Contains("appliedBy", (await ErrorsAsync(application)).Keys);
        Assert.Contains("mediator", (await ErrorsAsync(sessionWithoutMediator)).Keys);
        Assert.Contains("已受理调解", string.Join(" ", (await ErrorsAsync(archiveOpen))["state"]));
        Assert.Contains("on", (await ErrorsAsync(beforeIntake)).Keys);
        Assert.Contains("on", (await ErrorsAsync(future)).Keys);
        var dispute = await GetAsync(mediator, slug, id);
        Assert.Equal("Accepted", dispute.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, dispute.GetProperty("mediator").ValueKind);
    }

    [Fact]
    public async Task An_oral_agreement_has_no_court_confirmation_and_cannot_be_archived_before_performance_is_checked()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        await ToMediationAsync(mediator, slug, id, "2026-06-02");
        var agreed = await StepAsync(mediator, slug, id, "oral-agreement", new() { ["on"] = "2026-06-02", ["terms"] = "当场赔偿800元", ["performance"] = "当场履行" });

        Assert.Equal("Oral", agreed.GetProperty("agreementForm").GetString());
        Assert.Equal(JsonValueKind.Null, agreed.GetProperty("courtConfirmationDueOn").ValueKind);
        var court = await PostStepAsync(mediator, slug, id, "court-confirmation", new() { ["on"] = "2026-06-03", ["court"] = "赫章县人民法院" });
        Assert.Contains("书面", string.Join(" ", (await ErrorsAsync(court))["state"]));
        var archive = await PostStepAsync(mediator, slug, id, "archive", new() { ["on"] = "2026-06-03", ["fileNumber"] = "X" });
        Assert.Contains("第三十一条", string.Join(" ", (await ErrorsAsync(archive))["state"]));
        var docx = await mediator.GetAsync($"/api/t/{slug}/mediation/disputes/{id}/agreement.docx");
        Assert.Equal(HttpStatusCode.NotFound, docx.StatusCode);
    }

    [Fact]
    public async Task Court_confirmation_after_the_30_days_is_refused()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-03-02");
        await ToMediationAsync(mediator, slug, id, "2026-03-03");
        await StepAsync(mediator, slug, id, "agreement", Agreement("2026-03-04"));
        await StepAsync(mediator, slug, id, "signature", new() { ["on"] = "2026-03-05" });

        var late = await PostStepAsync(mediator, slug, id, "court-confirmation", new() { ["on"] = "2026-04-10", ["court"] = "赫章县人民法院" });

        Assert.Contains("2026-04-07", string.Join(" ", (await ErrorsAsync(late))["on"])); // 04-04 is a Saturday in the Qingming holiday
    }

    [Fact]
    public async Task A_draft_the_parties_would_not_sign_ends_as_a_failure_with_no_agreement_to_print()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        await ToMediationAsync(mediator, slug, id, "2026-06-02");
        await StepAsync(mediator, slug, id, "agreement", Agreement("2026-06-03"));
        var failed = await StepAsync(mediator, slug, id, "failure", new() { ["on"] = "2026-06-04", ["reason"] = "被申请人拒绝签字", ["routes"] = "可向人民法院起诉" });

        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("agreementForm").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await mediator.GetAsync($"/api/t/{slug}/mediation/disputes/{id}/agreement.docx")).StatusCode);
        var figures = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/figures?from=2026-01-01&to=2026-12-31");
        Assert.Equal(0, figures.GetProperty("resolved").GetInt32());
        Assert.Equal(1, figures.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task A_mediator_chosen_by_the_parties_and_a_partly_performed_agreement_stay_supervised_until_performed()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        await StepAsync(mediator, slug, id, "start", new() { ["on"] = "2026-06-01", ["basis"] = "Application", ["appliedBy"] = "刘德华" });
        var chosen = await StepAsync(mediator, slug, id, "mediator", new() { ["on"] = "2026-06-01", ["mediator"] = "李秀英", ["chosenByParties"] = true });
        Assert.True(chosen.GetProperty("mediatorChosenByParties").GetBoolean());
        await StepAsync(mediator, slug, id, "session", new() { ["on"] = "2026-06-02", ["place"] = "村委会", ["participants"] = "双方", ["record"] = "记录" });
        await StepAsync(mediator, slug, id, "oral-agreement", new() { ["on"] = "2026-06-02", ["terms"] = "分两期赔偿1600元", ["performance"] = "6月、7月各付800元" });

        var partly = await StepAsync(mediator, slug, id, "performance", new() { ["on"] = "2026-06-30", ["status"] = "PartlyPerformed", ["note"] = "已付第一期。" });
        Assert.Equal("Agreed", partly.GetProperty("state").GetString());
        var performed = await StepAsync(mediator, slug, id, "performance", new() { ["on"] = "2026-07-31", ["status"] = "Performed", ["note"] = "两期付清。" });

        Assert.Equal("Performed", performed.GetProperty("state").GetString());
        Assert.Equal(2, performed.GetProperty("performanceChecks").GetArrayLength());
        var again = await PostStepAsync(mediator, slug, id, "performance", new() { ["on"] = "2026-08-01", ["status"] = "Performed", ["note"] = "再次" });
        Assert.Contains("state", (await ErrorsAsync(again)).Keys);
    }

    [Fact]
    public async Task Routing_and_a_police_report_are_recorded_with_their_reasons()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        var reported = await StepAsync(mediator, slug, id, "police-report", new() { ["on"] = "2026-06-01", ["station"] = "野马川派出所", ["reason"] = "一方扬言报复" });
        Assert.Equal("High", reported.GetProperty("risk").GetString());
        Assert.Equal("Registered", reported.GetProperty("state").GetString());
        var routed = await StepAsync(mediator, slug, id, "routing", new() { ["on"] = "2026-06-02", ["to"] = "县劳动人事争议仲裁委员会", ["reason"] = "属劳动争议" });

        Assert.Equal("Routed", routed.GetProperty("state").GetString());
        Assert.Equal("县劳动人事争议仲裁委员会", routed.GetProperty("routedTo").GetString());
        Assert.Equal(1, routed.GetProperty("policeReports").GetArrayLength());
    }

    [Fact]
    public async Task A_failure_in_a_legal_aid_matter_suggests_a_referral_and_other_failures_do_not()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var wages = await TakeInAsync(mediator, slug, "2026-06-01", "LabourWages");
        var fence = await TakeInAsync(mediator, slug, "2026-06-01");
        foreach (var id in new[] { wages, fence })
        {
            await ToMediationAsync(mediator, slug, id, "2026-06-02");
        }

        var noApplicant = await PostStepAsync(mediator, slug, wages, "failure", new() { ["on"] = "2026-06-05", ["reason"] = "差距过大", ["routes"] = "可申请劳动仲裁", ["legalAidMatter"] = "LabourRelationOrWages", ["applicantParty"] = 7 });
        Assert.Contains("applicantParty", (await ErrorsAsync(noApplicant)).Keys);
        var failed = await StepAsync(mediator, slug, wages, "failure", new() { ["on"] = "2026-06-05", ["reason"] = "差距过大", ["routes"] = "可申请劳动仲裁", ["legalAidMatter"] = "LabourRelationOrWages", ["applicantParty"] = 0 });
        await StepAsync(mediator, slug, fence, "failure", new() { ["on"] = "2026-06-05", ["reason"] = "互不让步", ["routes"] = "可向人民法院起诉" });

        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        var wagesTimeline = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/{wages}/timeline");
        var fenceTimeline = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/{fence}/timeline");
        Assert.Contains(wagesTimeline.EnumerateArray(), e => e.GetProperty("event").GetString() == "mediation.mediation-failed-in-legal-aid-matter.v1");
        Assert.DoesNotContain(fenceTimeline.EnumerateArray(), e => e.GetProperty("event").GetString()!.Contains("legal-aid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_version_answers_409_and_bad_intake_names_every_field()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");
        var stale = (await GetAsync(mediator, slug, id)).GetProperty("version").GetInt64();
        await StepAsync(mediator, slug, id, "start", new() { ["on"] = "2026-06-02", ["basis"] = "CommitteeInitiative" });

        var conflict = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/routing", new { version = stale, on = "2026-06-02", to = "派出所", reason = "治安案件" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var current = (await GetAsync(mediator, slug, id)).GetProperty("version").GetInt64();
        Assert.Equal(current, (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt64());

        var bad = Intake("2026-06-01", "Astrology");
        bad["source"] = "Transfer";
        bad["risk"] = "Apocalyptic";
        bad["parties"] = new object[] { new Dictionary<string, object?> { ["name"] = "刘德华", ["idNumber"] = "520527197001010021" } };
        var errors = await ErrorsAsync(await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes", bad));
        Assert.Contains("category", errors.Keys);
        Assert.Contains("risk", errors.Keys);
        Assert.Contains("transferredFrom", errors.Keys);
        Assert.Contains("parties", errors.Keys);
        Assert.Contains("parties[0].idNumber", errors.Keys);
    }

    [Fact]
    public async Task Another_townships_staff_can_neither_read_nor_change_a_dispute()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var (_, otherSlug, stranger) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{otherSlug}/mediation/disputes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/t/{otherSlug}/mediation/disputes/{id}/start", new { version = 1, on = "2026-06-02", basis = "CommitteeInitiative" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{otherSlug}/mediation/disputes/{id}/agreement.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/t/{otherSlug}/mediation/disputes/{id}/parties/0/reveal", new { field = "IdNumber", reason = "核对" })).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>($"/api/t/{otherSlug}/mediation/disputes")).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{slug}/mediation/disputes/{id}")).StatusCode); // not a member there
        Assert.Equal("Registered", (await GetAsync(mediator, slug, id)).GetProperty("state").GetString());
    }
}
