using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Modular.Modules.Mediation.Tests.Petitions;
using static Modular.Modules.Mediation.Tests.Disputes.DisputeScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

[Collection(MediationCollection.Name)]
public sealed class DisputeLedgerTests(MediationPlatform platform)
{
    private static readonly string RespondentId = PetitionScenario.IdNumber("52052719750505003");

    [Fact]
    public async Task The_ledger_filters_by_state_category_village_mediator_and_period()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var agreed = await TakeInAsync(mediator, slug, "2026-03-02", "LandForest");
        await ToMediationAsync(mediator, slug, agreed, "2026-03-03");
        await StepAsync(mediator, slug, agreed, "oral-agreement", new() { ["on"] = "2026-03-04", ["terms"] = "重新确定界桩", ["performance"] = "当场履行" });
        await TakeInAsync(mediator, slug, "2026-05-02");
        await TakeInAsync(mediator, slug, "2026-06-02");

        async Task<JsonElement> Ledger(string query) => await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes?{query}");

        Assert.Equal(3, (await Ledger("")).GetProperty("total").GetInt64());
        Assert.Equal(agreed, (await Ledger("state=Agreed")).GetProperty("rows")[0].GetProperty("id").GetGuid());
        Assert.Equal(1, (await Ledger("category=LandForest")).GetProperty("total").GetInt64());
        Assert.Equal(1, (await Ledger("mediator=王德明")).GetProperty("total").GetInt64());
        Assert.Equal(3, (await Ledger("village=双河村")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await Ledger("village=红岩村")).GetProperty("total").GetInt64());
        Assert.Equal(2, (await Ledger("from=2026-04-01&to=2026-12-31")).GetProperty("total").GetInt64());
        Assert.Equal(2, (await Ledger("open=true")).GetProperty("total").GetInt64());
        var bad = await mediator.GetAsync($"/api/t/{slug}/mediation/disputes?state=Nonsense&from=yesterday");
        var errors = await ErrorsAsync(bad);
        Assert.Contains("state", errors.Keys);
        Assert.Contains("from", errors.Keys);
    }

    [Fact]
    public async Task A_mediator_assigned_shows_in_the_ledgers_filter_list_at_once_though_the_list_is_cached()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-03-02");
        const string option = "<option value=\"王德明\"";
        Assert.DoesNotContain(option, await mediator.GetStringAsync($"/t/{slug}/mediation/disputes"), StringComparison.Ordinal); // the list is now cached

        await ToMediationAsync(mediator, slug, id, "2026-03-03");

        // The step announced the change, so the cached list (kept up to a minute) was forgotten on every instance.
        Assert.Contains(option, await mediator.GetStringAsync($"/t/{slug}/mediation/disputes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_api_and_the_default_export_show_personal_data_masked()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");

        var detail = await mediator.GetStringAsync($"/api/t/{slug}/mediation/disputes/{id}");
        var export = await mediator.GetByteArrayAsync($"/api/t/{slug}/mediation/disputes/export.xlsx");
        var rows = Rows(export);

        Assert.DoesNotContain(ApplicantId, detail);
        Assert.DoesNotContain(Phone, detail);
        Assert.Contains(ApplicantId[..6] + "********" + ApplicantId[^4..], detail);
        Assert.Single(rows);
        Assert.Equal(ApplicantId[..6] + "********" + ApplicantId[^4..], rows[0]["申请人身份证号码"]);
        Assert.Equal("139****4321", rows[0]["申请人联系电话"]);
        Assert.DoesNotContain(rows[0].Values, v => v?.ToString()?.Contains(ApplicantId, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_full_export_and_a_reveal_need_the_right_and_a_reason_and_are_listed_for_the_township_admin()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var mediator = await platform.SignedInClientAsync(await Modular.Testing.Scenario.CreateUserAsync(admin, slug, Mediator), Modular.Testing.Scenario.Password);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");

        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.GetAsync($"/api/t/{slug}/mediation/disputes/export.xlsx?full=true&reason=核对")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/parties/0/reveal", new { field = "IdNumber", reason = "核对" })).StatusCode);
        Assert.Contains("reason", (await ErrorsAsync(await head.GetAsync($"/api/t/{slug}/mediation/disputes/export.xlsx?full=true"))).Keys);
        Assert.Contains("reason", (await ErrorsAsync(await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/parties/0/reveal", new { field = "IdNumber", reason = " " }))).Keys);

        var full = Rows(await head.GetByteArrayAsync($"/api/t/{slug}/mediation/disputes/export.xlsx?full=true&reason=" + Uri.EscapeDataString("移交县司法局核对")));
        var revealed = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/parties/0/reveal", new { field = "PhoneNumber", reason = "电话通知调解时间" });

        Assert.Equal(ApplicantId, full[0]["申请人身份证号码"]);
        Assert.Equal(Phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        var audit = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("移交县司法局核对", audit);
        Assert.Contains("矛盾纠纷台帐 完整导出", audit);
        Assert.Contains("电话通知调解时间", audit);
        Assert.Contains("/ 刘德华", audit);
        Assert.DoesNotContain(Phone, audit);
    }

    [Fact]
    public async Task An_import_with_one_bad_row_imports_nothing_and_names_every_bad_row()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var rows = new[]
        {
            Row("2025-03-02", "邻里纠纷", "刘一", "陈二", "达成协议", "2025-03-10", "书面协议"),
            Row("2025-04-02", "星座纠纷", "刘三", "陈四", "调解中", "", ""),
            Row("2025-13-02", "婚姻家庭纠纷", "刘五", "陈六", "达成协议", "2025-05-10", ""),
            Row("2025-06-02", "合同纠纷", "刘七", "陈八", "调解不成", "2025-06-20", "", idNumber: "520527197001010021"),
        };

        var response = await ImportAsync(mediator, slug, rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "类别"), errors);
        Assert.Contains((4, "受理日期"), errors);
        Assert.Contains((4, "协议形式"), errors);
        Assert.Contains(errors, e => e.Row == 5 && e.Column!.Contains("身份证号码", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Equal(0, (await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_good_import_records_every_row_with_its_outcome_and_numbers_by_year()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var rows = new[]
        {
            Row("2025-03-02", "邻里纠纷", "刘一", "陈二、陈三", "达成协议", "2025-03-10", "书面协议", idNumber: ApplicantId),
            Row("2025-06-02", "合同纠纷", "刘七", "某建材有限公司", "调解不成", "2025-06-20", ""),
            Row("2026-01-05", "其他纠纷", "刘九", "陈十", "调解中", "", ""),
        };

        var response = await ImportAsync(mediator, slug, rows);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var ledger = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes");
        var byNumber = ledger.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("number").GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal("Agreed", byNumber["2025-0001"]);
        Assert.Equal("Failed", byNumber["2025-0002"]);
        Assert.Equal("Mediating", byNumber["2026-0001"]);
        var next = await TakeInAsync(mediator, slug, "2026-06-01");
        Assert.Equal("2026-0002", (await GetAsync(mediator, slug, next)).GetProperty("number").GetString());
        var figures = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/figures?from=2025-01-01&to=2025-12-31");
        Assert.Equal(2, figures.GetProperty("screened").GetInt32());
        Assert.Equal(1, figures.GetProperty("resolved").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_message()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("not a workbook"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "ledger.xlsx");

        var response = await mediator.PostAsync($"/api/t/{slug}/mediation/disputes/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(".xlsx", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_center_head_adds_a_category_and_changes_the_practice_and_mediators_cannot()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var mediator = await platform.SignedInClientAsync(await Modular.Testing.Scenario.CreateUserAsync(admin, slug, Mediator), Modular.Testing.Scenario.Password);

        var added = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/settings/categories", new { version = 0, chinese = "征地拆迁纠纷", english = "Land acquisition" });
        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        var practice = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/settings/practice", new { version = 1, targetDays = 15, followUpDays = 10 });
        Assert.True(practice.StatusCode == HttpStatusCode.OK, await practice.Content.ReadAsStringAsync());
        var stale = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/settings/categories/retire", new { version = 1, code = "Other" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/settings/practice", new { version = 2, targetDays = 5, followUpDays = 5 })).StatusCode);
        var id = await TakeInAsync(mediator, slug, "2026-06-01", "Custom1");
        var dispute = await GetAsync(mediator, slug, id);
        Assert.Equal("征地拆迁纠纷", dispute.GetProperty("categoryLabel").GetString());
        Assert.Equal("2026-06-16", dispute.GetProperty("targetOn").GetString());
    }

    [Fact]
    public async Task A_full_export_imports_into_another_township_with_each_ID_number_on_its_own_party()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var intake = Intake("2026-03-02");
        intake["parties"] = new object[]
        {
            new Dictionary<string, object?> { ["name"] = "刘一", ["role"] = "Applicant" },
            new Dictionary<string, object?> { ["name"] = "刘二", ["role"] = "Applicant", ["idNumber"] = ApplicantId, ["phone"] = Phone },
            new Dictionary<string, object?> { ["name"] = "陈三", ["role"] = "Respondent", ["idNumber"] = RespondentId },
        };
        Assert.Equal(HttpStatusCode.Created, (await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes", intake)).StatusCode);
        var full = await head.GetByteArrayAsync($"/api/t/{slug}/mediation/disputes/export.xlsx?full=true&reason=" + Uri.EscapeDataString("移交新台帐"));
        var (_, otherSlug, otherHead) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);

        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(full);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "ledger.xlsx");
        var imported = await otherHead.PostAsync($"/api/t/{otherSlug}/mediation/disputes/import", content);

        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var id = (await otherHead.GetFromJsonAsync<JsonElement>($"/api/t/{otherSlug}/mediation/disputes")).GetProperty("rows")[0].GetProperty("id").GetGuid();
        var parties = (await GetAsync(otherHead, otherSlug, id)).GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(["刘一", "刘二", "陈三"], parties.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, parties[0].GetProperty("idNumber").ValueKind);
        Assert.Equal(ApplicantId[..6] + "********" + ApplicantId[^4..], parties[1].GetProperty("idNumber").GetString());
        Assert.Equal(RespondentId[..6] + "********" + RespondentId[^4..], parties[2].GetProperty("idNumber").GetString());
        var revealed = await otherHead.PostAsJsonAsync($"/api/t/{otherSlug}/mediation/disputes/{id}/parties/1/reveal", new { field = "PhoneNumber", reason = "核对导入" });
        Assert.Equal(Phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_household_registrar_may_reveal_on_the_ledger_but_not_a_disputes_party_and_a_far_page_is_empty()
    {
        var (admin, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var registrar = await platform.SignedInClientAsync(await Modular.Testing.Scenario.CreateUserAsync(admin, slug, "mediation.household-registrar"), Modular.Testing.Scenario.Password);
        var id = await TakeInAsync(mediator, slug, "2026-06-01");

        var reveal = await registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/parties/0/reveal", new { field = "IdNumber", reason = "核对" });
        var far = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes?page=2147483647");

        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        Assert.Equal(0, far.GetProperty("rows").GetArrayLength());
        Assert.Equal(1, far.GetProperty("total").GetInt64());
    }

    private static Dictionary<string, object?> Row(string received, string category, string applicant, string respondent, string outcome, string outcomeOn, string form, string? idNumber = null) => new()
    {
        ["受理日期"] = received,
        ["来源"] = "排查发现",
        ["移交单位"] = "",
        ["类别"] = category,
        ["村（社区）"] = "水塘村",
        ["申请人"] = applicant,
        ["申请人身份证号码"] = idNumber ?? "",
        ["申请人联系电话"] = "",
        ["被申请人"] = respondent,
        ["被申请人身份证号码"] = respondent == "陈二、陈三" ? $"；{RespondentId}" : "",
        ["被申请人联系电话"] = "",
        ["纠纷简要情况"] = "邻里纠纷",
        ["特殊群体"] = "",
        ["激化风险"] = "低",
        ["调解员"] = "王德明",
        ["办理结果"] = outcome,
        ["结果日期"] = outcomeOn,
        ["协议形式"] = form,
        ["结果说明"] = "",
    };

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "ledger.xlsx");
        return await client.PostAsync($"/api/t/{slug}/mediation/disputes/import", content);
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook) =>
        new MemoryStream(workbook).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
}
