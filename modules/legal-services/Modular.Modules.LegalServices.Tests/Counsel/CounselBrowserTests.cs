using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Modules.LegalServices.Tests.LegalAid;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;

namespace Modular.Modules.LegalServices.Tests.Counsel;

/// <summary>In Chromium: the head sends a contract for review, the counsel answers it under their own sign-in, the head puts it on the agenda.</summary>
public sealed class CounselBrowserTests(LegalServicesBrowserPlatform platform, Chromium chromium)
    : IClassFixture<LegalServicesBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_contract_goes_for_review_counsel_answers_it_and_only_then_it_goes_on_the_agenda()
    {
        var admin = await ClientAsync("admin", PlatformFactory.AdminPassword);
        var slug = await Scenario.CreateTownshipAsync(admin, LegalServicesPlatform.Module);
        var headName = await Scenario.CreateUserAsync(admin, slug, CounselScenario.Head);
        var counselName = await Scenario.CreateUserAsync(admin, slug, CounselScenario.Counsel);
        var head = await ClientAsync(headName, Scenario.Password);
        var api = CounselScenario.Api(slug);
        var retainer = await CounselScenario.PostAsync(head, api + "/retainers", new() { ["firm"] = "贵州万驰律师事务所", ["from"] = "2024-01-01", ["to"] = "2099-12-31" }, HttpStatusCode.Created);
        await CounselScenario.StepAsync(head, api + "/retainers", retainer, "counsel", new() { ["name"] = "伍猛麟", ["licenceNumber"] = "15205201510123456", ["userName"] = counselName });

        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, headName, Scenario.Password);
        await page.GotoAsync($"/t/{slug}/legal-services/counsel/reviews/new");
        await page.FillAsync("input[name='Form.Title']", "野马川镇集镇农贸市场摊位租赁合同");
        await page.SelectOptionAsync("select[name='Form.Kind']", "Contract");
        await page.FillAsync("input[name='Form.Department']", "经济发展办");
        await page.FillAsync("input[name='Form.DocumentVersion']", "送审稿");
        await page.FillAsync("input[name='Form.On']", "2024-09-27");
        await page.FillAsync("input[name='Form.MeetingOn']", "2024-10-10");
        await page.FillAsync("textarea[name='Form.LegalBasis']", "《中华人民共和国民法典》第七百零三条");
        await page.ClickAsync("#submit-review-form button[type=submit]");
        // Every refusal beside its field: no counsel chosen, no materials listed.
        await Expect(page.Locator("span.field-error[data-field='counselId']")).ToBeVisibleAsync();
        await Expect(page.Locator("span.field-error[data-field='materials']")).ToBeVisibleAsync();

        await page.SelectOptionAsync("select[name='Form.CounselId']", new SelectOptionValue { Label = "伍猛麟（贵州万驰律师事务所）" });
        await page.FillAsync("textarea[name='Form.Materials']", "送审稿\n起草说明");
        await page.ClickAsync("#submit-review-form button[type=submit]");
        await Expect(page.Locator("small.review-state")).ToHaveAttributeAsync("data-state", "AwaitingOpinion");
        await Expect(page.Locator(".review-due")).ToHaveAttributeAsync("data-due-on", "2024-10-12");
        await Expect(page.Locator(".review-warning")).ToContainTextAsync("不足7个工作日");
        var reviewUrl = page.Url;

        var counselPage = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(counselPage, counselName, Scenario.Password);
        await counselPage.GotoAsync($"/t/{slug}/legal-services/counsel/reviews");
        await Expect(counselPage.Locator("h1")).ToHaveTextAsync("我的审查");
        await counselPage.ClickAsync("#reviews a");
        await counselPage.SelectOptionAsync("details[data-step='opinion'] select[name='Form.Opinion']", "Lawful");
        await counselPage.FillAsync("details[data-step='opinion'] input[name='Form.On']", "2024-10-09");
        await counselPage.FillAsync("details[data-step='opinion'] textarea[name='Form.OpinionText']", "经审查，合同主体适格、程序合法、内容符合法律规定。");
        await counselPage.ClickAsync("details[data-step='opinion'] button[type=submit]");
        await Expect(counselPage.Locator("small.review-state")).ToHaveAttributeAsync("data-state", "Lawful");
        await Expect(counselPage.Locator(".opinion")).ToHaveAttributeAsync("data-opinion", "Lawful");

        var meeting = await CounselScenario.PostAsync(head, api + "/meetings", new() { ["kind"] = "JointMeeting", ["on"] = "2024-10-10", ["title"] = "2024年第10次党政联席会议" }, HttpStatusCode.Created);
        await page.GotoAsync($"/t/{slug}/legal-services/counsel/meetings/{meeting.GetProperty("id").GetGuid()}");
        // An item with no review is refused with the reason beside the review's field.
        await page.SelectOptionAsync("details[data-step='agenda'] select[name='Form.Kind']", "Contract");
        await page.FillAsync("details[data-step='agenda'] input[name='Form.Title']", "未经审查的施工合同");
        await page.ClickAsync("details[data-step='agenda'] button[type=submit]");
        await Expect(page.Locator("details[data-step='agenda'] span.field-error[data-field='reviewId']")).ToContainTextAsync("未经审查的不得提交会议讨论");

        await page.SelectOptionAsync("details[data-step='agenda'] select[name='Form.Kind']", "");
        await page.FillAsync("details[data-step='agenda'] input[name='Form.Title']", "");
        await page.SelectOptionAsync("details[data-step='agenda'] select[name='Form.ReviewId']", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("details[data-step='agenda'] button[type=submit]");
        await Expect(page.Locator("#agenda tr[data-item='野马川镇集镇农贸市场摊位租赁合同'] .opinion")).ToHaveTextAsync("合法");
        await Expect(page.Locator("#refusals li")).ToHaveCountAsync(1);

        await page.GotoAsync(reviewUrl);
        await Expect(page.Locator("#gate")).ToHaveAttributeAsync("data-passes", "true");
    }

    private async Task<HttpClient> ClientAsync(string user, string password)
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var client = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password })).EnsureSuccessStatusCode();
        return client;
    }
}
