using System.Net;
using System.Net.Http.Json;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Petitions;

[Collection(MediationCollection.Name)]
public sealed class PetitionPageTests(MediationPlatform platform)
{
    [Fact]
    public async Task The_list_highlights_an_overdue_petition_and_the_petition_page_shows_masked_numbers_and_the_timeline()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");

        var list = await clerk.GetAsync($"/t/{slug}/mediation/petitions?overdue=maybe");
        var page = await clerk.GetStringAsync($"/t/{slug}/mediation/petitions/{id}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("petition-overdue", html); // the acceptance notice was due 2026-06-12
        Assert.Contains("2026-06-12", html);
        Assert.DoesNotContain(IdNumber(), page);
        Assert.DoesNotContain(Phone, page);
        Assert.Contains("520527", page);
        Assert.Contains("赫信转〔2026〕12号", page);
        Assert.Contains("登记（上级转送/交办，2026-05-28）", page);
    }

    [Fact]
    public async Task A_clerk_sees_the_next_steps_and_a_mediator_only_reads()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");
        var mediator = await platform.SignedInClientAsync(await Modular.Testing.Scenario.CreateUserAsync(admin, slug, "mediation.mediator"), Modular.Testing.Scenario.Password);

        var clerkPage = await clerk.GetStringAsync($"/t/{slug}/mediation/petitions/{id}");
        var mediatorPage = await mediator.GetStringAsync($"/t/{slug}/mediation/petitions/{id}");
        var register = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions", Transferred("2026-05-28"));

        Assert.Contains("data-step=\"acceptance\"", clerkPage);
        Assert.Contains("data-step=\"objection\"", clerkPage);
        Assert.DoesNotContain("data-step=\"opinion\"", clerkPage);
        Assert.DoesNotContain("petition-step", mediatorPage);
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
    }

    [Fact]
    public async Task Figures_for_a_badly_written_period_name_both_fields()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);

        var response = await clerk.GetAsync($"/api/t/{slug}/mediation/petitions/figures?from=2026-13-01&to=yesterday");

        var errors = await ErrorsAsync(response);
        Assert.Contains("from", errors.Keys);
        Assert.Contains("to", errors.Keys);
    }
}
