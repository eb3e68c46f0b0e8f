using System.Net.Http.Json;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests.Consultations;

public sealed class ConsultationBrowserTests(LegalServicesAndMediationBrowserPlatform platform, Chromium chromium)
    : IClassFixture<LegalServicesAndMediationBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_clerk_registers_a_walk_in_consultation_routes_it_to_mediation_and_a_mediator_finds_it_among_the_leads()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, LegalServicesPlatform.Module, LegalServicesAndMediationPlatform.Mediation);
        var clerk = await Scenario.CreateUserAsync(admin, slug, LegalServicesPlatform.Clerk, LegalServicesAndMediationPlatform.Mediator);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, clerk, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/legal-services/consultations");
        await page.ClickAsync("#register-link");
        await page.SelectOptionAsync("select[name='Form.Channel']", "Hall");
        await page.SelectOptionAsync("select[name='Form.Topic']", "MarriageFamily");
        await page.FillAsync("input[name='Form.Phone']", ConsultationScenario.Phone);
        await page.FillAsync("input[name='Form.Village']", "团结村");
        await page.FillAsync("textarea[name='Form.Question']", "兄弟分家时老宅归属发生争执");
        await page.ClickAsync("form.consultation-form button[type=submit]");
        await Assertions.Expect(page.Locator("span.field-error[data-field='name']")).ToBeVisibleAsync();

        await page.FillAsync("input[name='Form.Name']", "杨正祥");
        await page.FillAsync("input[name='Form.Phone']", ConsultationScenario.Phone);
        await page.ClickAsync("form.consultation-form button[type=submit]");
        await Assertions.Expect(page.Locator("small.consultation-state")).ToHaveAttributeAsync("data-state", "Registered");
        await Assertions.Expect(page.Locator("#phone .masked")).ToHaveTextAsync("139****4321");

        await page.ClickAsync("details.step-form[data-step='routing'] summary");
        await page.SelectOptionAsync("details[data-step='routing'] select[name='Form.Window']", "PeopleMediation");
        await page.FillAsync("details[data-step='routing'] textarea[name='Form.Note']", "家庭纠纷，转人民调解");
        await page.ClickAsync("details[data-step='routing'] button[type=submit]");
        await Assertions.Expect(page.Locator("small.consultation-state")).ToHaveAttributeAsync("data-state", "Routed");
        await Assertions.Expect(page.Locator("#window")).ToHaveAttributeAsync("data-window", "PeopleMediation");

        // The relay runs in the background: the lead is there within moments.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync($"/t/{slug}/mediation/leads");
            if (await page.Locator("body").InnerTextAsync() is { } text && text.Contains("兄弟分家时老宅归属发生争执", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(500);
        }

        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("公共法律服务工作站");
        await page.Locator("tr", new() { HasText = "兄弟分家时老宅归属发生争执" }).Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#referred-from")).ToContainTextAsync("法律咨询");
        await Assertions.Expect(page.Locator("small.lead-state")).ToHaveAttributeAsync("data-state", "Reported");
    }
}
