using System.Net;
using System.Net.Http.Json;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Liaisons.LiaisonScenario;

namespace Modular.Modules.Mediation.Tests.Liaisons;

[Collection(MediationCollection.Name)]
public sealed class LiaisonPageTests(MediationPlatform platform)
{
    [Fact]
    public async Task An_open_leads_page_offers_a_mediator_the_intake_and_the_closure_and_a_petition_clerk_only_reads()
    {
        var (admin, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "mediation.petition-clerk"), Scenario.Password);
        var liaison = await AppointAsync(mediator, slug);
        var id = await ReportAsync(mediator, slug, liaison, "2026-07-01");

        var mediatorPage = await mediator.GetStringAsync($"/t/{slug}/mediation/leads/{id}");
        var clerkPage = await clerk.GetStringAsync($"/t/{slug}/mediation/leads/{id}");
        var clerkReport = await clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/leads", Lead(liaison, "2026-07-02"));

        Assert.Contains($"href=\"/t/{slug}/mediation/disputes/new?lead={id}\"", mediatorPage);
        Assert.Contains("close-lead-form", mediatorPage);
        Assert.Contains("报告线索（野马川村，风险中，2026-07-01）", mediatorPage);
        Assert.Contains("村民王某、村民赵某", clerkPage);
        Assert.DoesNotContain("disputes/new", clerkPage);
        Assert.DoesNotContain("close-lead-form", clerkPage);
        Assert.Equal(HttpStatusCode.Forbidden, clerkReport.StatusCode);
    }

    [Fact]
    public async Task A_closed_leads_page_shows_its_reason_and_offers_no_further_step()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await ReportAsync(mediator, slug, await AppointAsync(mediator, slug), "2026-07-01");
        await CloseAsync(mediator, slug, id, "2026-07-02", "Other", "已引导向劳动保障监察投诉");

        var page = await mediator.GetStringAsync($"/t/{slug}/mediation/leads/{id}");
        var list = await mediator.GetStringAsync($"/t/{slug}/mediation/leads?state=Closed&liaison=junk");

        Assert.Contains("data-state=\"Closed\"", page);
        Assert.Contains("2026-07-02：其他 已引导向劳动保障监察投诉", page);
        Assert.DoesNotContain("close-lead-form", page);
        Assert.DoesNotContain("disputes/new", page);
        Assert.Contains($"data-lead=\"{id}\"", list);
    }

    [Fact]
    public async Task The_liaisons_page_lists_his_leads_and_a_stood_down_liaison_offers_no_steps()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await AppointAsync(mediator, slug);
        var lead = await ReportAsync(mediator, slug, id, "2026-07-01");
        var version = (await GetLiaisonAsync(mediator, slug, id)).GetProperty("version").GetInt64();
        (await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/stand-down", new { version, on = "2026-07-10", reason = "外出务工" })).EnsureSuccessStatusCode();

        var page = await mediator.GetStringAsync($"/t/{slug}/mediation/liaisons/{id}");

        Assert.Contains($"data-lead=\"{lead}\"", page);
        Assert.Contains("data-active=\"false\"", page);
        Assert.Contains("2026-07-10：外出务工", page);
        Assert.DoesNotContain("stand-down-form", page);
        Assert.DoesNotContain("/edit", page);
    }

    [Fact]
    public async Task A_petition_clerk_who_forges_the_closure_or_the_stand_down_form_changes_nothing()
    {
        var (admin, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "mediation.petition-clerk"), Scenario.Password);
        var liaison = await AppointAsync(mediator, slug);
        var lead = await ReportAsync(mediator, slug, liaison, "2026-07-01");
        var tokenFrom = $"/t/{slug}/mediation/petitions/new"; // a page the clerk may post on

        var closure = await Disputes.DisputePageTests.PostFormAsync(clerk, $"/t/{slug}/mediation/leads/{lead}", "close-lead",
            new() { ["Form.Version"] = "1", ["Form.On"] = "2026-07-02", ["Form.Reason"] = "ResolvedOnTheSpot" }, tokenFrom);
        var standDown = await Disputes.DisputePageTests.PostFormAsync(clerk, $"/t/{slug}/mediation/liaisons/{liaison}", "stand-down",
            new() { ["Form.Version"] = "1", ["Form.On"] = "2026-07-10", ["Form.Reason"] = "外出务工" }, tokenFrom);

        Assert.NotEqual(HttpStatusCode.Redirect, closure.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, standDown.StatusCode);
        Assert.Equal("Reported", (await GetLeadAsync(mediator, slug, lead)).GetProperty("state").GetString());
        Assert.True((await GetLiaisonAsync(mediator, slug, liaison)).GetProperty("isActive").GetBoolean());
    }
}
