using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Disputes;
using static Modular.Modules.Mediation.Tests.Liaisons.LiaisonScenario;

namespace Modular.Modules.Mediation.Tests.Liaisons;

/// <summary>A liaison's lead taken in as a dispute: the dispute and the lead's link are recorded together, once.</summary>
[Collection(MediationCollection.Name)]
public sealed class LeadIntakeTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_lead_taken_in_as_a_dispute_is_linked_and_can_be_neither_closed_nor_taken_in_again()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await AppointAsync(mediator, slug);
        var lead = await ReportAsync(mediator, slug, liaison, "2026-06-01");

        var dispute = await TakeInFromLeadAsync(mediator, slug, lead, "2026-06-02");
        Assert.Equal(HttpStatusCode.Created, dispute.StatusCode);
        var taken = await dispute.Content.ReadFromJsonAsync<JsonElement>();

        var linked = await GetLeadAsync(mediator, slug, lead);
        Assert.Equal("BecameDispute", linked.GetProperty("state").GetString());
        Assert.Equal(taken.GetProperty("id").GetGuid(), linked.GetProperty("disputeId").GetGuid());
        Assert.Equal(taken.GetProperty("number").GetString(), linked.GetProperty("disputeNumber").GetString());
        Assert.Equal(lead, (await DisputeScenario.GetAsync(mediator, slug, taken.GetProperty("id").GetGuid())).GetProperty("leadId").GetGuid());
        Assert.Contains("state", (await ErrorsAsync(await PostClosureAsync(mediator, slug, lead, new() { ["on"] = "2026-06-03", ["reason"] = "Duplicate" }))).Keys);
        Assert.Contains("leadId", (await ErrorsAsync(await TakeInFromLeadAsync(mediator, slug, lead, "2026-06-03"))).Keys);
        Assert.Equal(1, (await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_closed_lead_or_a_date_before_the_report_is_refused_and_no_dispute_is_taken_in()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await AppointAsync(mediator, slug);
        var closed = await ReportAsync(mediator, slug, liaison, "2026-06-01");
        await CloseAsync(mediator, slug, closed, "2026-06-01");
        var open = await ReportAsync(mediator, slug, liaison, "2026-06-05");

        Assert.Contains("leadId", (await ErrorsAsync(await TakeInFromLeadAsync(mediator, slug, closed, "2026-06-02"))).Keys);
        Assert.Contains("receivedOn", (await ErrorsAsync(await TakeInFromLeadAsync(mediator, slug, open, "2026-06-04"))).Keys);
        Assert.Contains("leadId", (await ErrorsAsync(await TakeInFromLeadAsync(mediator, slug, Guid.NewGuid(), "2026-06-04"))).Keys);
        Assert.Equal(0, (await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes")).GetProperty("total").GetInt64());
        Assert.Equal("Reported", (await GetLeadAsync(mediator, slug, open)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_intake_page_opened_from_a_lead_is_filled_with_what_the_liaison_reported()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await AppointAsync(mediator, slug, Liaison(village: "红岩村"));
        var lead = await ReportAsync(mediator, slug, liaison, "2026-06-01");

        var html = await mediator.GetStringAsync($"/t/{slug}/mediation/disputes/new?lead={lead}");

        Assert.Contains("value=\"红岩村\"", html);
        Assert.Contains("两户村民因宅基地界址发生争吵", html);
        Assert.Contains("村民王某、村民赵某", html);
        Assert.Contains("<option value=\"Liaison\" selected", html);
    }

    private static Task<HttpResponseMessage> TakeInFromLeadAsync(HttpClient mediator, string slug, Guid lead, string receivedOn)
    {
        var intake = DisputeScenario.Intake(receivedOn);
        intake["source"] = "Liaison";
        intake["leadId"] = lead;
        return mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes", intake);
    }
}
