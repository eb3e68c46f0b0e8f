using System.Net.Http.Json;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.DisclosureRequests;

public sealed class PortalRequestBrowserTests(OpenGovernmentBrowserPlatform platform, Chromium chromium)
    : IClassFixture<OpenGovernmentBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_visitor_files_a_request_on_the_portal_gets_a_number_and_code_and_checks_its_status()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var page = await chromium.NewPageAsync(platform.ServerAddress);

        await page.GotoAsync($"/t/{slug}/open-government/portal/requests/new");
        await page.ClickAsync("form.request-form button[type=submit]");
        await Assertions.Expect(page.Locator(".field-error[data-field='name']")).ToBeVisibleAsync();

        await page.SelectOptionAsync("select[name='Form.RequesterType']", "NaturalPerson");
        await page.FillAsync("input[name='Form.Name']", "赵村民");
        await page.SelectOptionAsync("select[name='Form.IdType']", "ResidentIdCard");
        await page.FillAsync("input[name='Form.IdNumber']", RequestScenario.IdNumber());
        await page.FillAsync("input[name='Form.Phone']", "13900001111");
        await page.FillAsync("input[name='Form.Address']", "野马川镇街上村二组");
        await page.FillAsync("textarea[name='Form.Description']", "本村2026年低保户名单及补助标准");
        await page.SelectOptionAsync("select[name='Form.Form']", "Paper");
        await page.SelectOptionAsync("select[name='Form.Delivery']", "Post");
        await page.ClickAsync("form.request-form button[type=submit]");

        await Assertions.Expect(page.Locator("#request-filed")).ToBeVisibleAsync();
        var number = (await page.Locator("#tracking-number").InnerTextAsync()).Trim();
        var code = (await page.Locator("#access-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4}-\d{4}$", number);

        await page.ClickAsync("#request-filed a");
        await page.FillAsync("input[name='Form.Number']", number);
        await page.FillAsync("input[name='Form.Code']", "WRONG234");
        await page.ClickAsync("form button[type=submit] >> text=查询");
        await Assertions.Expect(page.Locator("#status-not-found")).ToBeVisibleAsync();

        await page.FillAsync("input[name='Form.Number']", number);
        await page.FillAsync("input[name='Form.Code']", code);
        await page.ClickAsync("form button[type=submit] >> text=查询");
        await Assertions.Expect(page.Locator("#status-state")).ToHaveTextAsync("办理中");
        // The date alone, in its own element: a reply due in a year whose holiday notice is not configured yet carries the
        // provisional note beside it (filed in December, the 20 working days reach into next year).
        await Assertions.Expect(page.Locator("#status-due time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
    }
}
