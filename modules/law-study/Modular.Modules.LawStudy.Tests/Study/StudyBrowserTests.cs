using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests.Study;

/// <summary>A host on a real socket for Chromium, with only this module.</summary>
public sealed class LawStudyBrowserPlatform() : PlatformFactory(LawStudyPlatform.Plugins, kestrel: true);

public sealed class StudyBrowserTests(LawStudyBrowserPlatform platform, Chromium chromium) : IClassFixture<LawStudyBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_clerk_records_a_session_takes_its_attendance_from_the_roster_and_the_hours_add_up()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, LawStudyPlatform.Module);
        var user = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StudyClerk);
        var clerk = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await clerk.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Scenario.Password })).EnsureSuccessStatusCode();
        await StudyScenario.PersonAsync(clerk, slug, "李晓燕");
        await StudyScenario.PersonAsync(clerk, slug, "赵明亮");

        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, user, Scenario.Password);
        await page.GotoAsync($"/t/{slug}/law-study/study");
        await page.ClickAsync("#record-link");
        await page.SelectOptionAsync("select[name='Form.Kind']", "AllStaff");
        await page.FillAsync("input[name='Form.HeldOn']", "2020-06-24");
        await page.FillAsync("input[name='Form.Hours']", "2.5");
        await page.FillAsync("input[name='Form.Topic']", "全体干部职工学法：民法典");
        await page.ClickAsync("form.study-form button[type=submit]");
        await Assertions.Expect(page.Locator("span.field-error[data-field='laws']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("span.field-error[data-field='organiser']")).ToBeVisibleAsync();

        await page.FillAsync("input[name='Form.Organiser']", "党政办公室");
        await page.FillAsync("textarea[name='Form.Laws']", "《中华人民共和国民法典》\n《中华人民共和国宪法》");
        await page.ClickAsync("form.study-form button[type=submit]");
        await Assertions.Expect(page.Locator("small.study-state")).ToHaveAttributeAsync("data-state", "Recorded");

        await page.SelectOptionAsync("tr[data-person='赵明亮'] select", "SickLeave");
        await page.ClickAsync("details[data-step='attendance'] button[type=submit]");
        await Assertions.Expect(page.Locator("#attendance tr[data-mark='Present']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#attendance tr[data-mark='SickLeave']")).ToContainTextAsync("病假");

        await page.GotoAsync($"/t/{slug}/law-study/study/hours?year=2020");
        await Assertions.Expect(page.Locator("#hours tr", new() { HasText = "李晓燕" })).ToContainTextAsync("2.5");
        await page.GotoAsync($"/t/{slug}/law-study/study/hours?year=2020&behind=true");
        await Assertions.Expect(page.Locator("#hours-total")).ToHaveAttributeAsync("data-behind", "2");
    }
}
