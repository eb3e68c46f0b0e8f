using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

[Collection(MediationCollection.Name)]
public sealed partial class DisputePageTests(MediationPlatform platform)
{
    internal const string Mediator = "mediation.mediator";
    internal const string CenterHead = "mediation.center-head";
    internal const string Phone = "13812345678";

    internal static readonly string ApplicantId = IdNumber("52052719850312041");
    internal static readonly string RespondentId = IdNumber("52052719790101123");

    [Fact]
    public async Task The_ledger_filters_and_answers_junk_query_strings_with_the_page_not_an_error()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var (_, number) = await TakeInAsync(mediator, slug);

        var junk = await mediator.GetAsync($"/t/{slug}/mediation/disputes?state=Nonsense&from=2026-13-45&to=yesterday&open=maybe&page=-3&mediator=&village=");
        var hugePage = await mediator.GetAsync($"/t/{slug}/mediation/disputes?page=99999999999999&state=1");
        var script = await mediator.GetAsync($"/t/{slug}/mediation/disputes?category=%3Cscript%3Ealert(1)%3C/script%3E&village=%22%3E%3Cb%3E");
        var matching = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes?state=Registered&category=Neighbours&village=%E6%96%B0%E8%A1%97%E6%9D%91&open=true&from=2026-11-01&to=2026-11-30");
        var other = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes?state=Agreed");
        var before = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes?to=2026-10-31");

        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        var junkHtml = await junk.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"from\"", junkHtml);
        Assert.Contains("data-field=\"state\"", junkHtml);
        Assert.Contains($"data-number=\"{number}\"", junkHtml); // the bad bounds are left out, not the rows
        Assert.Equal(HttpStatusCode.OK, hugePage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", await script.Content.ReadAsStringAsync());
        Assert.Contains($"data-number=\"{number}\"", matching);
        Assert.Contains("data-total=\"1\"", matching);
        Assert.Contains("export.xlsx?state=Registered&amp;category=Neighbours", matching);
        Assert.DoesNotContain($"data-number=\"{number}\"", other);
        Assert.DoesNotContain($"data-number=\"{number}\"", before);
        Assert.DoesNotContain("full-export", matching); // a mediator may not export personal data in clear
    }

    [Fact]
    public async Task The_ledger_and_the_dispute_page_show_ID_numbers_and_phones_masked_only()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var (id, number) = await TakeInAsync(mediator, slug);

        var ledger = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes");
        var page = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes/{id}");

        Assert.Contains(number, ledger);
        Assert.Contains("王桂兰、李德才", ledger);
        foreach (var html in new[] { ledger, page })
        {
            Assert.DoesNotContain(ApplicantId, html);
            Assert.DoesNotContain(RespondentId, html);
            Assert.DoesNotContain(Phone, html);
        }

        Assert.Contains("520527", page);
        Assert.Contains(ApplicantId[^4..], page);
        Assert.Contains("data-state=\"Registered\"", page);
        Assert.Contains("受理登记（当事人来访，2026-11-02）", page);
        Assert.DoesNotContain("Reveal.Reason", page); // a mediator has no reveal permission
    }

    [Fact]
    public async Task Another_township_s_mediator_finds_neither_the_dispute_nor_its_page()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var (id, number) = await TakeInAsync(mediator, slug);
        var (_, otherSlug, stranger) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);

        var theirs = await stranger.GetAsync($"/t/{slug}/mediation/disputes/{id}");
        var theirLedger = await stranger.GetAsync($"/t/{slug}/mediation/disputes");
        var throughOwn = await stranger.GetAsync($"/t/{otherSlug}/mediation/disputes/{id}");
        var ownLedger = await stranger.GetStringAsync($"/t/{otherSlug}/mediation/disputes");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirLedger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughOwn.StatusCode);
        Assert.DoesNotContain(number, await throughOwn.Content.ReadAsStringAsync());
        Assert.DoesNotContain(number, ownLedger);
    }

    [Fact]
    public async Task A_registered_dispute_offers_only_the_steps_its_state_allows_and_a_reader_none()
    {
        var (admin, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var (id, _) = await TakeInAsync(mediator, slug);
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Clerk), Scenario.Password);

        var page = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes/{id}");
        var readerPage = await clerk.GetStringAsync($"/t/{slug}/mediation/disputes/{id}");
        var readerIntake = await clerk.GetAsync($"/t/{slug}/mediation/disputes/new");

        // A reader who forges the step form (with a token from a page they may post on) moves nothing.
        var forged = await PostFormAsync(clerk, $"/t/{slug}/mediation/disputes/{id}", "start",
            new() { ["Form.Version"] = "1", ["Form.On"] = "2026-11-03", ["Form.Basis"] = "CommitteeInitiative" }, tokenFrom: $"/t/{slug}/mediation/petitions/new");

        Assert.Equal(["start", "refusal", "routing", "police-report"], Steps(page));
        Assert.Empty(Steps(readerPage));
        Assert.DoesNotContain("take-in-link", await clerk.GetStringAsync($"/t/{slug}/mediation/disputes"));
        Assert.NotEqual(HttpStatusCode.OK, readerIntake.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("data-state=\"Registered\"", await mediator.GetStringAsync($"/t/{slug}/mediation/disputes/{id}"));
    }

    [Fact]
    public async Task A_step_posted_with_a_stale_version_is_told_as_a_readable_conflict()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var (id, _) = await TakeInAsync(mediator, slug);
        var url = $"/t/{slug}/mediation/disputes/{id}";
        var stale = await PageVersionAsync(mediator, url);
        await StepAsync(mediator, slug, id, "start", new() { ["on"] = "2026-11-03", ["basis"] = "CommitteeInitiative" });

        var response = await PostFormAsync(mediator, url, "police-report", new()
        {
            ["Form.Version"] = stale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.On"] = "2026-11-04",
            ["Form.Station"] = "野马川派出所",
            ["Form.Reason"] = "双方言语冲突升级",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("纠纷已被他人更新", html);
        Assert.DoesNotContain("police-reports", html);
        Assert.Contains("data-state=\"Accepted\"", html);
    }

    [Fact]
    public async Task A_step_with_bad_fields_shows_each_beside_its_field_and_a_good_one_moves_the_dispute_on()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var (id, _) = await TakeInAsync(mediator, slug);
        var url = $"/t/{slug}/mediation/disputes/{id}";

        var bad = await PostFormAsync(mediator, url, "start", new()
        {
            ["Form.Version"] = (await PageVersionAsync(mediator, url)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.On"] = "2026-10-01", // before the intake
            ["Form.Basis"] = "Application", // without the applicant
        });
        var good = await PostFormAsync(mediator, url, "start", new()
        {
            ["Form.Version"] = (await PageVersionAsync(mediator, url)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.On"] = "2026-11-03",
            ["Form.Basis"] = "Application",
            ["Form.AppliedBy"] = "王桂兰",
        });

        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-field=\"on\"", html);
        Assert.Contains("data-field=\"appliedBy\"", html);
        Assert.Contains("data-state=\"Registered\"", html);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("data-state=\"Accepted\"", await mediator.GetStringAsync(url));
    }

    [Fact]
    public async Task A_center_head_reveals_one_ID_number_with_a_reason_and_sees_it_only_in_that_answer()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var (id, _) = await TakeInAsync(head, slug);
        var url = $"/t/{slug}/mediation/disputes/{id}";

        var withoutReason = await PostFormAsync(head, url, "reveal-0-IdNumber", new() { ["Reveal.Party"] = "0", ["Reveal.Field"] = "IdNumber", ["Reveal.Reason"] = " " });
        var revealed = await PostFormAsync(head, url, "reveal-0-IdNumber", new() { ["Reveal.Party"] = "0", ["Reveal.Field"] = "IdNumber", ["Reveal.Reason"] = "打印协议书核对身份" });
        var junk = await PostFormAsync(head, url, "reveal-0-IdNumber", new() { ["Reveal.Party"] = "99", ["Reveal.Field"] = "Name", ["Reveal.Reason"] = "核对" });
        var later = await head.GetStringAsync(url);

        var refusedHtml = await withoutReason.Content.ReadAsStringAsync();
        Assert.Contains("请说明查看理由", refusedHtml);
        Assert.DoesNotContain(ApplicantId, refusedHtml);
        var revealedHtml = await revealed.Content.ReadAsStringAsync();
        Assert.Contains($"<span class=\"revealed\">{ApplicantId}</span>", revealedHtml);
        Assert.DoesNotContain(RespondentId, revealedHtml);
        Assert.DoesNotContain(Phone, revealedHtml);
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        Assert.DoesNotContain(ApplicantId, later);
        Assert.Contains("Reveal.Reason", later);
    }

    [Fact]
    public async Task The_center_head_adds_a_category_on_the_settings_page_and_a_mediator_only_reads_it()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Mediator), Scenario.Password);
        var url = $"/t/{slug}/mediation/disputes/settings";

        var blank = await PostFormAsync(head, url, "dispute-category-add", new() { ["Form.Version"] = "0", ["Form.Chinese"] = "", ["Form.English"] = "" });
        var added = await PostFormAsync(head, url, "dispute-category-add", new() { ["Form.Version"] = "0", ["Form.Chinese"] = "征地拆迁纠纷", ["Form.English"] = "Land requisition" });
        var stale = await PostFormAsync(head, url, "dispute-practice", new() { ["Form.Version"] = "0", ["Form.TargetDays"] = "45", ["Form.FollowUpDays"] = "15" });
        var mediatorView = await mediator.GetStringAsync(url);
        var intake = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes/new");

        Assert.Contains("data-field=\"chinese\"", await blank.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("设置已被他人修改", await stale.Content.ReadAsStringAsync());
        Assert.Contains("征地拆迁纠纷", mediatorView);
        Assert.DoesNotContain("add-category", mediatorView);
        Assert.DoesNotContain("practice-form", mediatorView);
        Assert.Contains("value=\"Custom1\"", intake);
    }

    [Fact]
    public async Task The_intake_form_names_a_bad_ID_number_in_the_row_it_was_typed_in_and_carries_the_lead_through()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await Liaisons.LiaisonScenario.AppointAsync(mediator, slug);
        var lead = await Liaisons.LiaisonScenario.ReportAsync(mediator, slug, liaison, "2026-11-09");
        var url = $"/t/{slug}/mediation/disputes/new?lead={lead}";
        var fields = new Dictionary<string, string>
        {
            ["Form.LeadId"] = lead.ToString(),
            ["Form.Source"] = "Liaison",
            ["Form.ReceivedOn"] = "2026-11-10",
            ["Form.Category"] = "LandForest",
            ["Form.Village"] = "新街村",
            ["Form.Summary"] = "山林界址争议",
            ["Form.Risk"] = "Low",
            ["Form.Parties[0].Name"] = "",
            ["Form.Parties[1].Name"] = "王桂兰",
            ["Form.Parties[1].Role"] = "Applicant",
            ["Form.Parties[1].IdNumber"] = "520527198503120419",
            ["Form.Parties[2].Name"] = "新街村民委员会",
            ["Form.Parties[2].IsOrganisation"] = "true",
            ["Form.Parties[2].Role"] = "Respondent",
        };

        var junkLead = await mediator.GetAsync($"/t/{slug}/mediation/disputes/new?lead=not-a-guid");
        var bad = await PostFormAsync(mediator, url, "take-in-dispute", fields);
        fields["Form.Parties[1].IdNumber"] = ApplicantId;
        var good = await PostFormAsync(mediator, url, "take-in-dispute", fields);

        Assert.Equal(HttpStatusCode.OK, junkLead.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"parties[1].idNumber\"", html);
        Assert.DoesNotContain("data-field=\"parties[0].idNumber\"", html);
        Assert.Contains($"value=\"{lead}\"", html);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var id = Guid.Parse(good.Headers.Location!.ToString().Split('/')[^1]);
        var taken = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/{id}");
        Assert.Equal(lead, taken.GetProperty("leadId").GetGuid());
        Assert.Equal(2, taken.GetProperty("parties").GetArrayLength());
    }

    internal static Dictionary<string, object?> Intake(string receivedOn = "2026-11-02") => new()
    {
        ["source"] = "Visit",
        ["receivedOn"] = receivedOn,
        ["category"] = "Neighbours",
        ["village"] = "新街村",
        ["summary"] = "两家因宅基地排水沟走向发生争执",
        ["risk"] = "Medium",
        ["specialGroups"] = new[] { "ElderlyLivingAlone" },
        ["parties"] = new object[]
        {
            new { name = "王桂兰", role = "Applicant", idNumber = ApplicantId, phone = Phone, address = "新街村三组12号" },
            new { name = "李德才", role = "Respondent", idNumber = RespondentId, phone = "13987654321", address = "新街村三组14号" },
        },
    };

    internal static async Task<(Guid Id, string Number)> TakeInAsync(HttpClient client, string slug, string receivedOn = "2026-11-02")
    {
        var response = await client.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes", Intake(receivedOn));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var taken = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (taken.GetProperty("id").GetGuid(), taken.GetProperty("number").GetString()!);
    }

    internal static async Task StepAsync(HttpClient client, string slug, Guid id, string step, Dictionary<string, object?> body)
    {
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/{id}");
        body["version"] = current.GetProperty("version").GetInt64();
        var response = await client.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/{step}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts one of the page's forms as the browser would: the antiforgery token from the page, the form's name as the handler.</summary>
    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string form, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "the page has no antiforgery token");
        var body = new Dictionary<string, string>(fields) { ["_handler"] = form, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    private static async Task<long> PageVersionAsync(HttpClient client, string url) =>
        long.Parse(VersionPattern().Match(await client.GetStringAsync(url)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Steps(string html) => [.. StepPattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Form.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("<details class=\"step-form\" data-step=\"([a-z-]+)\"")]
    private static partial Regex StepPattern();
}
