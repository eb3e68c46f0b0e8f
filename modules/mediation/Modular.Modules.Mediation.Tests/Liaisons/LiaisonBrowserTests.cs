using System.Net.Http.Json;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Modules.Mediation.Tests.Liaisons;

public sealed class LiaisonBrowserTests(MediationBrowserPlatform platform, Chromium chromium)
    : IClassFixture<MediationBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_mediator_appoints_a_liaison_and_records_the_lead_he_reports_with_the_pages()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var mediator = await Scenario.CreateUserAsync(admin, slug, LiaisonScenario.Mediator);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, mediator, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/mediation/liaisons");
        await page.ClickAsync($"a[href='/t/{slug}/mediation/liaisons/new']");
        await page.FillAsync("input[name='Form.Village']", "双河村");
        await page.SelectOptionAsync("select[name='Form.Role']", "LegalServiceVolunteer");
        await page.FillAsync("input[name='Form.Phone']", LiaisonScenario.Phone);
        await page.FillAsync("input[name='Form.AppointedOn']", "2026-03-01");
        await page.ClickAsync("form.liaison-form button[type=submit]");
        await Assertions.Expect(page.Locator("span.field-error[data-field='name']")).ToBeVisibleAsync();

        await page.FillAsync("input[name='Form.Name']", "杨正祥");
        await page.ClickAsync("form.liaison-form button[type=submit]");
        await Assertions.Expect(page.Locator("small.liaison-state")).ToHaveAttributeAsync("data-active", "true");
        await Assertions.Expect(page.Locator("#phone")).ToHaveTextAsync(LiaisonScenario.MaskedPhone);

        await page.ClickAsync("a[href*='/mediation/leads/new?liaison=']");
        await page.FillAsync("input[name='Form.ReportedOn']", "2026-07-01");
        await page.SelectOptionAsync("select[name='Form.Risk']", "High");
        await page.FillAsync("textarea[name='Form.Account']", "两个村民组因灌溉用水分配发生争执");
        await page.ClickAsync("form.lead-form button[type=submit]");
        await Assertions.Expect(page.Locator("small.lead-state")).ToHaveAttributeAsync("data-state", "Reported");
        await Assertions.Expect(page.Locator("dd.lead-risk")).ToHaveAttributeAsync("data-risk", "High");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("双河村");

        await page.SelectOptionAsync("select[name='Form.Reason']", "ResolvedOnTheSpot");
        await page.FillAsync("input[name='Form.On']", "2026-07-02");
        await page.ClickAsync("form.close-lead-form button[type=submit]");
        await Assertions.Expect(page.Locator("small.lead-state")).ToHaveAttributeAsync("data-state", "Closed");
        await Assertions.Expect(page.Locator("ol.liaison-timeline li")).ToHaveCountAsync(2);

        await page.GotoAsync($"/t/{slug}/mediation/liaisons");
        await Assertions.Expect(page.Locator("#liaisons td[data-count='closed']")).ToHaveTextAsync("1");
    }
}
