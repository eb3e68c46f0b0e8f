using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Households;
using static Modular.Modules.Mediation.Tests.Disputes.DisputeScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

/// <summary>A dispute links to the households of its parties; the household's page lists its disputes.</summary>
[Collection(MediationCollection.Name)]
public sealed class DisputeHouseholdTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_party_linked_to_a_household_flags_its_special_groups_and_the_household_page_lists_the_dispute()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var body = HouseholdScenario.Household("刘德华", DisputeScenario.ApplicantId);
        ((Dictionary<string, object?>)body["head"]!)["specialGroups"] = new[] { "Disabled" };
        var registered = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/households", body);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var household = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var id = await TakeInAsync(head, slug, "2026-06-01");

        var linked = await LinkAsync(head, slug, id, 0, household);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var dispute = await linked.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(household, dispute.GetProperty("parties")[0].GetProperty("householdId").GetGuid());
        Assert.Contains("Disabled", dispute.GetProperty("specialGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Contains("ElderlyLivingAlone", dispute.GetProperty("specialGroups").EnumerateArray().Select(g => g.GetString()));
        var ledger = await head.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes?household={household}");
        Assert.Equal(1, ledger.GetProperty("total").GetInt64());
        var page = await head.GetStringAsync($"/t/{slug}/mediation/households/{household}");
        Assert.Contains($"/t/{slug}/mediation/disputes/{id}", page);
        Assert.Contains("关联的矛盾纠纷", page);
    }

    [Fact]
    public async Task A_link_to_a_household_not_on_this_ledger_or_for_a_missing_party_is_refused()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var (_, otherSlug, otherHead) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var (foreign, _) = await HouseholdScenario.RegisterAsync(otherHead, otherSlug);
        var id = await TakeInAsync(head, slug, "2026-06-01");

        var errors = await ErrorsAsync(await LinkAsync(head, slug, id, 0, foreign));
        Assert.Contains("householdId", errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await LinkAsync(head, slug, id, 9, foreign)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(head, slug, id)).GetProperty("parties")[0].GetProperty("householdId").ValueKind);
    }

    private static async Task<HttpResponseMessage> LinkAsync(HttpClient client, string slug, Guid id, int party, Guid household)
    {
        var version = (await GetAsync(client, slug, id)).GetProperty("version").GetInt64();
        return await client.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/parties/{party}/household", new { version, householdId = household });
    }
}
