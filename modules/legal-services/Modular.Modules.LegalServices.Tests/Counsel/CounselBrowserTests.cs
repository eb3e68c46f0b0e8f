using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Modules.LegalServices.Tests.LegalAid;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;

namespace Modular.Modules.LegalServices.Tests.Counsel;

/// <summary>
/// In Chromium: the head sends a contract for review, the counsel answers it under their own sign-in, the head puts it
/// on the agenda; and the whole counsel area done with its pages only (the IT admin creates the users, as on
/// /admin/users): the retainer and its expiry warning, counsel named with their sign-in, two documents sent with their
/// materials and legal basis, counsel answering them, the gate refusing an unreviewed and an unlawful item and taking the
/// lawful one, attendance, the meeting pack with each item's opinion, and a case through its stages.
/// </summary>
public sealed class CounselBrowserTests(LegalServicesBrowserPlatform platform, Chromium chromium)
    : IClassFixture<LegalServicesBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_contract_goes_for_review_counsel_answers_it_and_only_then_it_goes_on_the_agenda()
    {
        var (slug, headName, counselName) = await TownshipAsync();
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

    private const string Contract = "野马川镇集镇农贸市场摊位租赁合同";
    private const string Quarry = "野马川镇砂石场承包经营合同";

    [Fact]
    public async Task The_head_and_counsel_run_the_whole_counsel_area_from_its_pages_and_the_gate_refuses_an_unreviewed_and_an_unlawful_item_but_takes_a_lawful_one()
    {
        var (slug, headName, counselName) = await TownshipAsync();
        var root = $"/t/{slug}/legal-services/counsel";
        var today = DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime.AddHours(8));

        var head = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(head, headName, Scenario.Password);

        // The retainer, ending inside the 30 days' warning, and its counsel with their sign-in name.
        await head.GotoAsync(root);
        await head.FillAsync("#sign-retainer-form input[name='Form.Firm']", "贵州万驰律师事务所");
        await head.FillAsync("#sign-retainer-form input[name='Form.ContractNumber']", "法顾〔2024〕1号");
        await head.FillAsync("#sign-retainer-form input[name='Form.From']", "2024-01-01");
        await head.FillAsync("#sign-retainer-form input[name='Form.To']", today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await head.FillAsync("#sign-retainer-form input[name='Form.SignedOn']", "2024-01-01");
        await head.ClickAsync("#sign-retainer-form button[type=submit]");
        await Expect(head.Locator("#current-term")).ToHaveClassAsync("overdue");
        await Expect(head.Locator("#current-term")).ToContainTextAsync("即将到期");

        var counselForm = head.Locator("details[data-step='counsel']");
        await counselForm.Locator("input[name='Form.Name']").FillAsync("伍猛麟");
        await counselForm.Locator("input[name='Form.LicenceNumber']").FillAsync("15205201510123456");
        await counselForm.Locator("input[name='Form.Phone']").FillAsync(CounselScenario.Phone);
        await counselForm.Locator("input[name='Form.UserName']").FillAsync(counselName);
        await counselForm.Locator("button[type=submit]").ClickAsync();
        var counselRow = head.Locator("section.retainer tbody tr", new() { HasText = "伍猛麟" });
        await Expect(counselRow).ToContainTextAsync(counselName);
        Assert.DoesNotContain(CounselScenario.Phone, await counselRow.InnerTextAsync(), StringComparison.Ordinal);

        // Two documents sent for review, each with its legal basis and materials; a meeting date too soon is warned.
        await SendAsync(head, root, Contract, "《中华人民共和国民法典》第七百零三条");
        await Expect(head.Locator(".review-warning")).ToContainTextAsync("不足7个工作日");
        await Expect(head.Locator(".review-round dl").First).ToContainTextAsync("《中华人民共和国民法典》第七百零三条");
        await Expect(head.Locator(".review-round dl").First).ToContainTextAsync("送审稿；起草说明");
        await SendAsync(head, root, Quarry, "《中华人民共和国矿产资源法》第三条");

        // Counsel signs in and sees what was sent to them, and answers each on its own page.
        var counsel = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(counsel, counselName, Scenario.Password);
        await counsel.GotoAsync($"{root}/reviews");
        await Expect(counsel.Locator("h1")).ToHaveTextAsync("我的审查");
        await Expect(counsel.Locator("#reviews tbody tr")).ToHaveCountAsync(2);
        await AnswerAsync(counsel, Contract, "Lawful", "Conforms", "经审查，合同主体适格、程序合法、内容符合法律规定。");
        await AnswerAsync(counsel, Quarry, "Unlawful", "DoesNotConform", "集体所有的砂石资源承包经营须经村民会议决定，镇政府无权发包，合同内容不合法。");
        await Expect(counsel.Locator(".opinion")).ToHaveAttributeAsync("data-opinion", "Unlawful");
        await Expect(counsel.Locator("#gate")).ToHaveAttributeAsync("data-passes", "false");

        // The meeting, scheduled on its page; the gate on the agenda form.
        await head.GotoAsync($"{root}/meetings");
        await head.SelectOptionAsync("#schedule-meeting-form select[name='Form.Kind']", "JointMeeting");
        await head.FillAsync("#schedule-meeting-form input[name='Form.On']", "2024-10-10");
        await head.FillAsync("#schedule-meeting-form input[name='Form.Title']", "2024年第10次党政联席会议");
        await head.FillAsync("#schedule-meeting-form input[name='Form.Place']", "三楼会议室");
        await head.ClickAsync("#schedule-meeting-form button[type=submit]");
        await Expect(head.Locator("h1")).ToContainTextAsync("2024年第10次党政联席会议");

        var agenda = head.Locator("details[data-step='agenda']");
        await agenda.Locator("select[name='Form.Kind']").SelectOptionAsync("Contract");
        await agenda.Locator("input[name='Form.Title']").FillAsync("未经审查的施工合同");
        await agenda.Locator("button[type=submit]").ClickAsync();
        await Expect(agenda.Locator("span.field-error[data-field='reviewId']")).ToContainTextAsync("未经审查的不得提交会议讨论");

        await agenda.Locator("select[name='Form.Kind']").SelectOptionAsync("");
        await agenda.Locator("input[name='Form.Title']").FillAsync("");
        await SelectReviewAsync(agenda, Quarry);
        await agenda.Locator("button[type=submit]").ClickAsync();
        await Expect(agenda.Locator("span.field-error[data-field='reviewId']")).ToContainTextAsync("经审查不合法，不得提交会议讨论");

        await SelectReviewAsync(agenda, Contract);
        await agenda.Locator("button[type=submit]").ClickAsync();
        await Expect(head.Locator($"#agenda tr[data-item='{Contract}'] .opinion")).ToHaveTextAsync("合法");
        await Expect(head.Locator("#agenda tbody tr")).ToHaveCountAsync(1);
        await Expect(head.Locator("#refusals li")).ToHaveCountAsync(2);
        await Expect(head.Locator("#refusals")).ToContainTextAsync(Quarry);

        // Counsel's attendance, once the day has come, and the pack with each item's opinion.
        var attendance = await OpenStepAsync(head, "attendance");
        await attendance.Locator("input[name='Form.CounselIds']").CheckAsync();
        await attendance.Locator("input[name='Form.On']").FillAsync("2024-10-10");
        await attendance.Locator("button[type=submit]").ClickAsync();
        await Expect(head.Locator("#attendance")).ToHaveTextAsync("伍猛麟");
        var pack = await head.Context.APIRequest.GetAsync((await head.Locator("#pack-link").GetAttributeAsync("href"))!);
        Assert.Equal(200, pack.Status);
        var text = CounselScenario.Text(await pack.BodyAsync());
        Assert.Contains(Contract, text);
        Assert.Contains("合法", text);
        Assert.Contains("经审查，合同主体适格、程序合法、内容符合法律规定。", text);
        Assert.Contains("列席的法律顾问：伍猛麟", text);
        Assert.DoesNotContain(Quarry, text);

        // A case the counsel represents, through its stages.
        await head.GotoAsync($"{root}/cases");
        await head.SelectOptionAsync("#register-case-form select[name='Form.Kind']", "Administrative");
        await head.FillAsync("#register-case-form input[name='Form.Court']", "赫章县人民法院");
        await head.FillAsync("#register-case-form input[name='Form.CaseNumber']", "（2024）黔0527行初15号");
        await head.FillAsync("#register-case-form input[name='Form.Cause']", "不服行政处罚决定");
        await head.SelectOptionAsync("#register-case-form select[name='Form.Position']", "Defendant");
        await head.SelectOptionAsync("#register-case-form select[name='Form.Stage']", "FirstInstance");
        await head.SelectOptionAsync("#register-case-form select[name='Form.CounselId']", new SelectOptionValue { Label = "伍猛麟" });
        await head.FillAsync("#register-case-form input[name='Form.FiledOn']", "2024-05-06");
        await head.ClickAsync("#register-case-form button[type=submit]");
        await Expect(head.Locator("h1")).ToContainTextAsync("（2024）黔0527行初15号");

        await CaseStepAsync(head, "hearing", "第一次开庭", ("HearingOn", "2024-06-18"), ("Note", "第一次开庭"));
        await CaseStepAsync(head, "stage", "（2024）黔05行终88号", ("Stage", "Appeal"), ("Court", "毕节市中级人民法院"), ("CaseNumber", "（2024）黔05行终88号"), ("On", "2024-08-01"));
        await CaseStepAsync(head, "outcome", "驳回上诉，维持原判", ("Outcome", "驳回上诉，维持原判"), ("On", "2024-11-20"));

        // The year's figures count what was done on these pages.
        await head.GotoAsync($"{root}/figures?year=2024");
        await Expect(head.Locator("[data-figure='meetingsAttended'] td")).ToHaveTextAsync("1");
        await Expect(head.Locator("[data-figure='opinions'] td")).ToHaveTextAsync("2");
        await Expect(head.Locator("[data-figure='casesRepresented'] td")).ToHaveTextAsync("1");
        await Expect(head.Locator("[data-figure='unlawful'] td")).ToHaveTextAsync("1");
        // A refusal counts in the year it was made (today), whatever the meeting's date.
        await head.GotoAsync($"{root}/figures?year={today.Year}");
        await Expect(head.Locator("[data-figure='gateRefusals'] td")).ToHaveTextAsync("2");
    }

    private static async Task SendAsync(IPage head, string root, string title, string legalBasis)
    {
        await head.GotoAsync($"{root}/reviews/new");
        await head.FillAsync("input[name='Form.Title']", title);
        await head.SelectOptionAsync("select[name='Form.Kind']", "Contract");
        await head.FillAsync("input[name='Form.Department']", "经济发展办");
        await head.FillAsync("input[name='Form.DocumentVersion']", "送审稿");
        await head.FillAsync("input[name='Form.On']", "2024-09-27");
        await head.FillAsync("input[name='Form.MeetingOn']", "2024-10-10");
        await head.FillAsync("textarea[name='Form.LegalBasis']", legalBasis);
        await head.FillAsync("textarea[name='Form.Materials']", "送审稿\n起草说明");
        await head.SelectOptionAsync("select[name='Form.CounselId']", new SelectOptionValue { Label = "伍猛麟（贵州万驰律师事务所）" });
        await head.ClickAsync("#submit-review-form button[type=submit]");
        await Expect(head.Locator("small.review-state")).ToHaveAttributeAsync("data-state", "AwaitingOpinion");
        await Expect(head.Locator("h1")).ToContainTextAsync("合法性审查");
    }

    private static async Task AnswerAsync(IPage counsel, string title, string opinion, string content, string text)
    {
        await counsel.GotoAsync(counsel.Url.Split("/reviews")[0] + "/reviews");
        await counsel.Locator("#reviews tbody tr", new() { HasText = title }).Locator("a").ClickAsync();
        var form = counsel.Locator("details[data-step='opinion']");
        await form.Locator("input[name='Form.On']").FillAsync("2024-10-09");
        await form.Locator("select[name='Form.Content']").SelectOptionAsync(content);
        await form.Locator("select[name='Form.Opinion']").SelectOptionAsync(opinion);
        await form.Locator("textarea[name='Form.OpinionText']").FillAsync(text);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(counsel.Locator("small.review-state")).ToHaveAttributeAsync("data-state", opinion);
    }

    /// <summary>A step's form, opened as a person clicks its summary.</summary>
    private static async Task<ILocator> OpenStepAsync(IPage page, string step)
    {
        var form = page.Locator($"details[data-step='{step}']");
        await form.EvaluateAsync("d => d.open = true");
        return form;
    }

    /// <summary>A step of a case, its fields filled (a choice selected), posted; the case then shows <paramref name="shows"/>.</summary>
    private static async Task CaseStepAsync(IPage page, string step, string shows, params (string Field, string Value)[] fields)
    {
        var form = await OpenStepAsync(page, step);
        foreach (var (field, value) in fields)
        {
            var input = form.Locator($"[name='Form.{field}']");
            if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await input.SelectOptionAsync(value);
            }
            else
            {
                await input.FillAsync(value);
            }
        }

        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("section.card dl").First).ToContainTextAsync(shows);
    }

    private static async Task SelectReviewAsync(ILocator agenda, string title)
    {
        var select = agenda.Locator("select[name='Form.ReviewId']");
        var value = await select.Locator("option", new() { HasText = title }).GetAttributeAsync("value");
        await select.SelectOptionAsync(value!);
    }

    /// <summary>A township with legal services, and its head and a counsel as the IT admin creates them.</summary>
    private async Task<(string Slug, string Head, string Counsel)> TownshipAsync()
    {
        var admin = await ClientAsync("admin", PlatformFactory.AdminPassword);
        var slug = await Scenario.CreateTownshipAsync(admin, LegalServicesPlatform.Module);
        return (slug, await Scenario.CreateUserAsync(admin, slug, CounselScenario.Head), await Scenario.CreateUserAsync(admin, slug, CounselScenario.Counsel));
    }

    private async Task<HttpClient> ClientAsync(string user, string password)
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var client = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password })).EnsureSuccessStatusCode();
        return client;
    }
}
