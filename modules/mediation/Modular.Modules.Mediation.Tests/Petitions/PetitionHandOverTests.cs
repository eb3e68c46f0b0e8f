using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Petitions;

/// <summary>A disclosure request answered "not processed: a petition" arrives in mediation as a petition.</summary>
[Collection(MediationAndOpenGovernmentCollection.Name)]
public sealed class PetitionHandOverTests(MediationAndOpenGovernmentPlatform platform)
{
    private const string OpenGovernmentClerk = "open-government.clerk";

    [Fact]
    public async Task A_disclosure_request_found_to_be_a_petition_is_registered_as_one()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module, MediationAndOpenGovernmentPlatform.OpenGovernment], OpenGovernmentClerk, Clerk);
        var requestNumber = await FileAndAnswerAsPetitionAsync(clerk, slug);

        var petition = await WaitForPetitionAsync(clerk, slug);

        Assert.Equal("DisclosureRequest", petition.GetProperty("channel").GetString());
        Assert.Equal(requestNumber, petition.GetProperty("transferReference").GetString());
        Assert.Equal("2026-10-20", Date(petition, "receivedOn"));
        Assert.Equal("2026-11-04", Date(petition, "acceptanceDueOn"));
        Assert.DoesNotContain(IdNumber(), petition.GetRawText());
        Assert.DoesNotContain(Phone, petition.GetRawText());
        var accepted = await StepAsync(clerk, slug, petition.GetProperty("id").GetGuid(), "acceptance", new() { ["on"] = "2026-10-22" });
        Assert.Equal("Accepted", accepted.GetProperty("state").GetString());
        Assert.Equal(2, accepted.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Without_mediation_in_the_township_nothing_arrives_and_the_request_is_still_answered()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([MediationAndOpenGovernmentPlatform.OpenGovernment], OpenGovernmentClerk, Clerk);
        await FileAndAnswerAsPetitionAsync(clerk, slug);

        // A later hand-over in another township arriving proves the relay has passed this township's event.
        var (_, witness, witnessClerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module, MediationAndOpenGovernmentPlatform.OpenGovernment], OpenGovernmentClerk, Clerk);
        await FileAndAnswerAsPetitionAsync(witnessClerk, witness);
        await WaitForPetitionAsync(witnessClerk, witness);
        await Scenario.SetModuleAsync(admin, slug, MediationPlatform.Module, true);

        var petitions = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/petitions");
        Assert.Equal(0, petitions.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Mediation_works_alone_where_open_government_is_disabled()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);

        var id = await RegisterAsync(clerk, slug, "2026-05-28");

        Assert.Equal("Registered", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/t/{slug}/open-government/requests")).StatusCode);
    }

    private static async Task<string> FileAndAnswerAsPetitionAsync(HttpClient clerk, string slug)
    {
        var filed = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests", new Dictionary<string, object?>
        {
            ["requesterType"] = "NaturalPerson",
            ["name"] = "王小明",
            ["idType"] = "ResidentIdCard",
            ["idNumber"] = IdNumber(),
            ["phone"] = Phone,
            ["address"] = "贵州省毕节市赫章县野马川镇新街32号",
            ["description"] = "要求镇政府解决我家承包地被占用的补偿问题",
            ["form"] = "Paper",
            ["delivery"] = "Post",
            ["channel"] = "InPerson",
            ["submittedOn"] = "2026-09-24",
        });
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var request = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetGuid();
        var current = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/requests/{id}");
        var answered = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests/{id}/reply", new Dictionary<string, object?>
        {
            ["version"] = current.GetProperty("version").GetInt64(),
            ["answeredOn"] = "2026-10-20",
            ["category"] = "NotProcessed",
            ["reason"] = "Petition",
            ["text"] = "您的申请属于信访事项，已转信访渠道办理。",
        });
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        return request.GetProperty("number").GetString()!;
    }

    private static async Task<JsonElement> WaitForPetitionAsync(HttpClient clerk, string slug)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var rows = (await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/petitions")).GetProperty("rows");
            if (rows.GetArrayLength() > 0)
            {
                Assert.Equal(1, rows.GetArrayLength());
                return await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/petitions/{rows[0].GetProperty("id").GetGuid()}");
            }

            await Task.Delay(500);
        }

        Assert.Fail("The petition never arrived in mediation.");
        return default;
    }
}
