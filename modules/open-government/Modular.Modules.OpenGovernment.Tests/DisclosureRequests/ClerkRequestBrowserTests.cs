using System.Net.Http.Json;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.DisclosureRequests;

public sealed class ClerkRequestBrowserTests(OpenGovernmentBrowserPlatform platform, Chromium chromium)
    : IClassFixture<OpenGovernmentBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_clerk_enters_a_posted_request_asks_for_a_correction_records_it_and_answers_with_a_reply_letter()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var clerk = await Scenario.CreateUserAsync(admin, slug, "open-government.clerk");
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, clerk, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/open-government/requests/new");
        await page.SelectOptionAsync("select[name='Form.Channel']", "Post");
        await page.FillAsync("input[name='Form.SubmittedOn']", "2026-09-21");
        await page.FillAsync("input[name='Form.SignedForOn']", "2026-09-24");
        await page.SelectOptionAsync("select[name='Form.RequesterType']", "NaturalPerson");
        await page.FillAsync("input[name='Form.Name']", "钱老师");
        await page.SelectOptionAsync("select[name='Form.IdType']", "ResidentIdCard");
        await page.FillAsync("input[name='Form.IdNumber']", RequestScenario.IdNumber());
        await page.FillAsync("input[name='Form.Phone']", "13700002222");
        await page.FillAsync("input[name='Form.Address']", "野马川镇中学教师宿舍");
        await page.FillAsync("textarea[name='Form.Description']", "镇中学校舍维修工程招标文件");
        await page.SelectOptionAsync("select[name='Form.Form']", "Electronic");
        await page.SelectOptionAsync("select[name='Form.Delivery']", "Collect");
        await page.ClickAsync("form.request-form button[type=submit]");
        await Assertions.Expect(page.Locator("#request-filed")).ToBeVisibleAsync();

        await page.ClickAsync("#request-filed a");
        await Assertions.Expect(page.Locator("#reply-due")).ToHaveTextAsync("2026-10-29");
        await Assertions.Expect(page.Locator("td[data-field='phone']")).ToHaveTextAsync("137****2222");

        await page.FillAsync("input[name='Reveal.Reason']", "核对申请人身份");
        await page.SelectOptionAsync("select[name='Reveal.Field']", "PhoneNumber");
        await page.ClickAsync("form.reveal-form button[type=submit]");
        await Assertions.Expect(page.Locator("#revealed")).ToHaveTextAsync("13700002222");

        await page.FillAsync("input[name='Notice.NoticeOn']", "2026-09-30");
        await page.FillAsync("textarea[name='Notice.Items']", "请写明维修工程的年份");
        await page.ClickAsync("text=发出补正通知");
        await Assertions.Expect(page.Locator("#reply-due")).ToHaveTextAsync("待补正，期限暂停");

        await page.FillAsync("input[name='Corrected.ReceivedOn']", "2026-10-09");
        await page.ClickAsync("text=登记补正");
        await Assertions.Expect(page.Locator("#reply-due")).ToHaveTextAsync("2026-11-05");

        await page.FillAsync("input[name='Reply.AnsweredOn']", "2026-10-20");
        await page.SelectOptionAsync("select[name='Reply.Category']", "Disclosed");
        await page.FillAsync("textarea[name='Reply.Text']", "所申请信息予以公开，请于工作日到镇党政办领取。");
        await page.ClickAsync("form button[type=submit] >> text=答复");
        await Assertions.Expect(page.Locator("#reply")).ToContainTextAsync("予以公开");
        await Assertions.Expect(page.Locator("#reply-letter")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync(clerk);
    }
}
