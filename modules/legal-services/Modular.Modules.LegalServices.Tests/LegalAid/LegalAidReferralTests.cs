using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>
/// The referral from mediation (MediationFailedInLegalAidMatter) with both modules loaded in one host: it arrives as a
/// pre-filled draft a clerk confirms or dismisses, and nothing arrives where legal services is not enabled.
/// </summary>
public sealed class LegalAidReferralTests(LegalServicesAndMediationPlatform platform) : IClassFixture<LegalServicesAndMediationPlatform>
{
    private const string Mediator = "mediation.mediator";
    private static readonly string DisputantId = Identities.IdNumber("52052719700101002");

    [Fact]
    public async Task A_failed_wage_mediation_arrives_as_a_draft_that_becomes_an_application_only_when_a_clerk_confirms_it()
    {
        var (_, slug, user) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module, LegalServicesAndMediationPlatform.Mediation], Mediator, Liaison);
        var disputeNumber = await FailAsync(user, slug);

        var draft = await WaitForDraftAsync(user, slug);
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal("", draft.GetProperty("number").GetString());
        var a = await GetAsync(user, slug, draft.GetProperty("id").GetGuid());
        Assert.Equal(disputeNumber, a.GetProperty("referralDisputeNumber").GetString());
        Assert.Equal("刘德华", a.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(DisputantId[..6] + "********" + DisputantId[^4..], a.GetProperty("applicant").GetProperty("idNumber").GetString());
        Assert.Equal("LabourRelationOrWages", a.GetProperty("matter").GetString());
        Assert.Equal(["confirm", "dismissal"], a.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(a.GetProperty("clocks").EnumerateArray());

        // Confirmed with the applicant: the clerk completes what mediation could not know.
        var confirm = Application("2026-06-08 10:00");
        confirm["applicantName"] = "刘德华";
        confirm["applicantIdNumber"] = DisputantId;
        var confirmed = await StepAsync(user, slug, a, "confirm", confirm);

        Assert.Equal("Received", confirmed.GetProperty("state").GetString());
        Assert.Equal("2026-0001", confirmed.GetProperty("number").GetString());
        Assert.Contains("forwarding", confirmed.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_referral_the_applicant_does_not_take_up_is_dismissed_with_a_reason_and_counts_as_no_application()
    {
        var (_, slug, user) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module, LegalServicesAndMediationPlatform.Mediation], Mediator, Liaison);
        await FailAsync(user, slug);
        var a = await GetAsync(user, slug, (await WaitForDraftAsync(user, slug)).GetProperty("id").GetGuid());

        var bare = await RefusedAsync(user, slug, a, "dismissal", new() { ["on"] = "2026-06-08" });
        Assert.True(bare.TryGetProperty("reason", out _));
        a = await StepAsync(user, slug, a, "dismissal", new() { ["on"] = "2026-06-08", ["reason"] = "当事人表示自行委托律师" });

        Assert.Equal("Dismissed", a.GetProperty("state").GetString());
        var figures = await user.GetFromJsonAsync<JsonElement>($"{Api(slug)}/figures?from=2026-01-01&to=2026-12-31");
        Assert.Equal(0, figures.GetProperty("applications").GetInt32());
    }

    [Fact]
    public async Task Where_legal_services_is_not_enabled_the_failed_mediation_leaves_no_draft()
    {
        var (admin, slug, user) = await platform.TownshipWithUserAsync([LegalServicesAndMediationPlatform.Mediation], Mediator, Liaison);
        await FailAsync(user, slug);

        // A later referral in another township arriving proves the relay has passed this township's event.
        var (_, witness, witnessUser) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module, LegalServicesAndMediationPlatform.Mediation], Mediator, Liaison);
        await FailAsync(witnessUser, witness);
        await WaitForDraftAsync(witnessUser, witness);
        await Scenario.SetModuleAsync(admin, slug, LegalServicesPlatform.Module, true);

        Assert.Equal(0, (await user.GetFromJsonAsync<JsonElement>(Api(slug))).GetProperty("total").GetInt32());
    }

    private static async Task<string> FailAsync(HttpClient user, string slug)
    {
        var disputes = $"/api/t/{slug}/mediation/disputes";
        var intake = new Dictionary<string, object?>
        {
            ["source"] = "Visit",
            ["receivedOn"] = "2026-06-01",
            ["category"] = "LabourWages",
            ["village"] = "双河村",
            ["summary"] = "工地拖欠工资",
            ["risk"] = "Medium",
            ["parties"] = new object[]
            {
                new Dictionary<string, object?> { ["name"] = "刘德华", ["role"] = "Applicant", ["idNumber"] = DisputantId },
                new Dictionary<string, object?> { ["name"] = "张学友", ["role"] = "Respondent" },
            },
        };
        var created = await user.PostAsJsonAsync(disputes, intake);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var dispute = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dispute.GetProperty("id").GetGuid();
        dispute = await DisputeStepAsync(user, disputes, id, "start", new() { ["on"] = "2026-06-02", ["basis"] = "Application", ["appliedBy"] = "刘德华" });
        dispute = await DisputeStepAsync(user, disputes, id, "mediator", new() { ["on"] = "2026-06-02", ["mediator"] = "王德明" });
        dispute = await DisputeStepAsync(user, disputes, id, "session", new() { ["on"] = "2026-06-02", ["place"] = "调解室", ["participants"] = "双方", ["record"] = "双方陈述。" });
        await DisputeStepAsync(user, disputes, id, "failure", new()
        {
            ["on"] = "2026-06-05",
            ["reason"] = "双方分歧过大",
            ["routes"] = "告知可申请劳动仲裁",
            ["legalAidMatter"] = "LabourRelationOrWages",
            ["applicantParty"] = 0,
        });
        return dispute.GetProperty("number").GetString()!;
    }

    private static async Task<JsonElement> DisputeStepAsync(HttpClient user, string disputes, Guid id, string step, Dictionary<string, object?> body)
    {
        body["version"] = (await user.GetFromJsonAsync<JsonElement>($"{disputes}/{id}")).GetProperty("version").GetInt64();
        var response = await user.PostAsJsonAsync($"{disputes}/{id}/{step}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> WaitForDraftAsync(HttpClient user, string slug)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var register = await user.GetFromJsonAsync<JsonElement>($"{Api(slug)}?state=Draft");
            if (register.GetProperty("total").GetInt32() > 0)
            {
                return Assert.Single(register.GetProperty("rows").EnumerateArray());
            }

            await Task.Delay(500);
        }

        Assert.Fail("The referral never arrived.");
        return default;
    }
}
