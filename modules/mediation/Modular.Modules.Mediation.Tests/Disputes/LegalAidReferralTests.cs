using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Disputes.DisputeScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

/// <summary>
/// Mediation's side of the legal-aid referral: a failure in a matter of 法律援助法 Art 31 reaches the module that keeps
/// legal-aid applications (a test stand-in here), with what it needs to pre-fill one; nothing reaches it otherwise.
/// </summary>
public sealed class LegalAidReferralTests(MediationAndLegalAidPlatform platform) : IClassFixture<MediationAndLegalAidPlatform>
{
    private const string InboxClerk = "legal-aid-inbox.clerk";

    [Fact]
    public async Task A_failed_wage_dispute_arrives_as_a_prefilled_referral()
    {
        var (_, slug, user) = await platform.TownshipWithUserAsync([MediationPlatform.Module, MediationAndLegalAidPlatform.Inbox], Mediator, InboxClerk);
        var id = await FailAsync(user, slug, "LabourWages", legalAid: true);

        var referral = await WaitForReferralAsync(user, slug);

        Assert.Equal(id, referral.GetProperty("id").GetGuid());
        Assert.Equal(4, referral.GetProperty("matter").GetInt32()); // the stand-in answers the enum's number: item (五) of Art 31
        Assert.Equal("刘德华", referral.GetProperty("applicantName").GetString());
        Assert.Equal(ApplicantId, referral.GetProperty("applicantIdNumber").GetString());
        Assert.Equal("张学友", referral.GetProperty("opposingParties")[0].GetString());
        Assert.Equal("双河村", referral.GetProperty("village").GetString());
    }

    [Fact]
    public async Task Without_the_receiving_module_in_the_township_mediation_fails_the_dispute_all_the_same_and_nothing_arrives()
    {
        var (admin, slug, user) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator, InboxClerk);
        var id = await FailAsync(user, slug, "LabourWages", legalAid: true);
        Assert.Equal("Failed", (await GetAsync(user, slug, id)).GetProperty("state").GetString());

        // A later referral in another township arriving proves the relay has passed this township's event.
        var (_, witness, witnessUser) = await platform.TownshipWithUserAsync([MediationPlatform.Module, MediationAndLegalAidPlatform.Inbox], Mediator, InboxClerk);
        await FailAsync(witnessUser, witness, "LabourWages", legalAid: true);
        await WaitForReferralAsync(witnessUser, witness);
        await Scenario.SetModuleAsync(admin, slug, MediationAndLegalAidPlatform.Inbox, true);

        Assert.Equal(0, (await user.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/{MediationAndLegalAidPlatform.Inbox}/referrals")).GetArrayLength());
    }

    [Fact]
    public async Task A_failure_outside_the_legal_aid_matters_suggests_nothing()
    {
        var (_, slug, user) = await platform.TownshipWithUserAsync([MediationPlatform.Module, MediationAndLegalAidPlatform.Inbox], Mediator, InboxClerk);
        await FailAsync(user, slug, "Neighbours", legalAid: false);
        var (_, witness, witnessUser) = await platform.TownshipWithUserAsync([MediationPlatform.Module, MediationAndLegalAidPlatform.Inbox], Mediator, InboxClerk);
        await FailAsync(witnessUser, witness, "LabourWages", legalAid: true);
        await WaitForReferralAsync(witnessUser, witness);

        Assert.Equal(0, (await user.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/{MediationAndLegalAidPlatform.Inbox}/referrals")).GetArrayLength());
    }

    private static async Task<Guid> FailAsync(HttpClient user, string slug, string category, bool legalAid)
    {
        var id = await TakeInAsync(user, slug, "2026-06-01", category);
        await ToMediationAsync(user, slug, id, "2026-06-02");
        var failure = new Dictionary<string, object?> { ["on"] = "2026-06-05", ["reason"] = "双方分歧过大", ["routes"] = "告知可申请劳动仲裁或向人民法院起诉" };
        if (legalAid)
        {
            failure["legalAidMatter"] = "LabourRelationOrWages";
            failure["applicantParty"] = 0;
        }

        await StepAsync(user, slug, id, "failure", failure);
        return id;
    }

    private static async Task<JsonElement> WaitForReferralAsync(HttpClient user, string slug)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var referrals = await user.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/{MediationAndLegalAidPlatform.Inbox}/referrals");
            if (referrals.GetArrayLength() > 0)
            {
                Assert.Equal(1, referrals.GetArrayLength());
                return referrals[0];
            }

            await Task.Delay(500);
        }

        Assert.Fail("The referral never arrived.");
        return default;
    }
}
