using System.Net.Http.Json;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Modules.Mediation.Tests.Petitions;

public sealed class PetitionBrowserTests(MediationBrowserPlatform platform, Chromium chromium)
    : IClassFixture<MediationBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_petition_clerk_registers_a_transferred_petition_and_accepts_it_with_the_page()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var clerk = await Scenario.CreateUserAsync(admin, slug, PetitionScenario.Clerk);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, clerk, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/mediation/petitions/new");
        await page.SelectOptionAsync("select[name='Form.Channel']", "Transferred");
        await page.FillAsync("input[name='Form.ReceivedOn']", "2026-07-03");
        await page.FillAsync("input[name='Form.Name']", "张大山");
        await page.FillAsync("input[name='Form.IdNumber']", PetitionScenario.IdNumber());
        await page.FillAsync("textarea[name='Form.Matter']", "反映承包地被占用未获补偿");
        await page.ClickAsync("form.petition-form button[type=submit]");
        await Assertions.Expect(page.Locator("span.field-error[data-field='transferReference']")).ToBeVisibleAsync();

        await page.FillAsync("input[name='Form.TransferringOffice']", "赫章县信访局");
        await page.FillAsync("input[name='Form.TransferReference']", "赫信转〔2026〕7号");
        await page.ClickAsync("form.petition-form button[type=submit]");
        await Assertions.Expect(page.Locator("small.petition-state")).ToHaveAttributeAsync("data-state", "Registered");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("2026-07-20");

        await page.FillAsync("details[data-step='acceptance'] input[name='Form.On']", "2026-07-06");
        await page.ClickAsync("details[data-step='acceptance'] button[type=submit]");
        await Assertions.Expect(page.Locator("small.petition-state")).ToHaveAttributeAsync("data-state", "Accepted");
        await Assertions.Expect(page.Locator("section.record-timeline li")).ToHaveCountAsync(2);
    }
}
