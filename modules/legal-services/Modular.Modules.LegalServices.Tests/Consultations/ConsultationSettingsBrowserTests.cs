using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Modular.Modules.LegalServices.Tests.LegalAid;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;

namespace Modular.Modules.LegalServices.Tests.Consultations;

/// <summary>In Chromium, as the judicial office head meets it: the standard's periods beside the fields, a longer one refused on the page, a shorter one kept.</summary>
public sealed class ConsultationSettingsBrowserTests(LegalServicesBrowserPlatform platform, Chromium chromium)
    : IClassFixture<LegalServicesBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_head_finds_the_periods_in_the_navigation_is_refused_a_longer_letter_period_on_the_page_and_sets_a_shorter_one()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, LegalServicesPlatform.Module);
        var head = await Scenario.CreateUserAsync(admin, slug, LegalAidScenario.Head);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, head, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/legal-services/consultations");
        await page.ClickAsync($"a[href$='/t/{slug}/legal-services/consultations/settings']");
        await Expect(page.Locator("#letter")).ToContainTextAsync("规范：7个工作日");
        await Expect(page.Locator("#online")).ToContainTextAsync("规范：24小时");
        await Expect(page.Locator("input[name='Form.LetterDays']")).ToHaveValueAsync("7");
        await Expect(page.Locator("select[name='Form.LetterUnit']")).ToHaveValueAsync("WorkingDays");

        await page.FillAsync("input[name='Form.LetterDays']", "10");
        await page.ClickAsync("#settings-form button[type=submit]");
        await Expect(page.Locator("span.field-error[data-field='letter.length']")).ToContainTextAsync("不能长于");
        await Expect(page.Locator("input[name='Form.LetterDays']")).ToHaveValueAsync("10");

        await page.FillAsync("input[name='Form.LetterDays']", "5");
        await page.FillAsync("input[name='Form.OnlineReplyHours']", "12");
        await page.ClickAsync("#settings-form button[type=submit]");
        await Expect(page.Locator("#settings-saved")).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='Form.LetterDays']")).ToHaveValueAsync("5");

        var client = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = head, password = Scenario.Password })).EnsureSuccessStatusCode();
        var settings = await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/legal-services/consultations/settings");
        Assert.Equal((5, "WorkingDays", 12), (settings.GetProperty("letterDays").GetInt32(), settings.GetProperty("letterUnit").GetString(), settings.GetProperty("onlineReplyHours").GetInt32()));
    }
}
