using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;

namespace Modular.Modules.OpenGovernment.Tests.PowerList;

public sealed class PowerListBrowserTests(OpenGovernmentBrowserPlatform platform, Chromium chromium) : IClassFixture<OpenGovernmentBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_judicial_office_proposes_an_item_the_county_approves_it_and_it_is_listed_with_its_flow_chart()
    {
        // SignedInClientAsync addresses http://localhost, not the Kestrel socket: sign in on the real address instead.
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, AllowAutoRedirect = false, HandleCookies = true });
        Assert.True((await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).IsSuccessStatusCode);
        var slug = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var judicialName = await Scenario.CreateUserAsync(admin, slug, PowerListScenario.JudicialOffice);
        var countyName = await Scenario.CreateUserAsync(admin, slug, PowerListScenario.CountyApprover);

        var judicial = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(judicial, judicialName, Scenario.Password);
        await judicial.GotoAsync($"/t/{slug}/open-government/power-list/proposals");
        await judicial.FillAsync("input[name='Form.Title']", "增加林木林地权属争议裁决");
        await judicial.FillAsync("input[name='Form.EffectiveOn']", "2026-01-01");
        await judicial.SelectOptionAsync("select[name='Form.Kind']", "add");
        await judicial.FillAsync("input[name='Form.Code']", "CJ-101");
        await judicial.FillAsync("input[name='Form.Name']", "林木林地权属争议裁决");
        await judicial.SelectOptionAsync("select[name='Form.Category']", "行政裁决");
        await judicial.FillAsync("input[name='Form.LegalBasis']", "《中华人民共和国森林法》第二十二条");
        await judicial.FillAsync("input[name='Form.ImplementingOffice']", "镇林业站");
        await judicial.FillAsync("textarea[name='Form.CooperatingDepartments']", "县林业局\n镇司法所");
        await judicial.SelectOptionAsync("select[name='Form.PowerSource']", "法定");
        await judicial.FillAsync("textarea[name='Form.WorkflowSteps']", "当事人提出申请\n受理\n调查取证\n组织调解\n作出裁决\n送达裁决书");
        await judicial.FillAsync("input[name='Form.TimeLimit']", "受理之日起60日");
        await judicial.FillAsync("input[name='Form.SupervisionPhone']", "0857-3291001");
        await judicial.ClickAsync("#propose-form button[type=submit]");
        await Expect(judicial.Locator("#proposal-status")).ToHaveAttributeAsync("data-status", "pending");
        var address = new Uri(judicial.Url).AbsolutePath;

        var county = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(county, countyName, Scenario.Password);
        await county.GotoAsync(address);
        await county.FillAsync("input[name='Decision.Reason']", "同意");
        await county.ClickAsync("#approve");
        await Expect(county.Locator("#proposal-status")).ToHaveAttributeAsync("data-status", "approved");

        await county.GotoAsync($"/t/{slug}/open-government/power-list?asOf=2026-01-01");
        await Expect(county.Locator("#power-counts td[data-category='行政裁决']")).ToHaveTextAsync("1");
        await county.ClickAsync("#power-items tr[data-code='CJ-101'] a");
        await Expect(county.Locator("#item-name")).ToContainTextAsync("林木林地权属争议裁决");
        await Expect(county.Locator("#workflow svg")).ToBeVisibleAsync();
        await Expect(county.Locator("#workflow svg g.step")).ToHaveCountAsync(6);
        await Expect(county.Locator("#workflow svg")).ToContainTextAsync("组织调解");
    }

    [Fact]
    public async Task The_judicial_office_imports_a_workbook_sees_the_bad_rows_and_then_submits_a_good_one()
    {
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, AllowAutoRedirect = false, HandleCookies = true });
        Assert.True((await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).IsSuccessStatusCode);
        var slug = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var judicialName = await Scenario.CreateUserAsync(admin, slug, PowerListScenario.JudicialOffice);
        var judicial = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(judicial, judicialName, Scenario.Password);
        var bad = PowerListWorkbookTests.Workbook(
            PowerListWorkbookTests.Row("IM-001", "特困人员救助供养", "行政给付", "0857-3291001"),
            PowerListWorkbookTests.Row("IM-002", "最低生活保障审核", "行政监督", "0857-3291001"));
        var good = PowerListWorkbookTests.Workbook(PowerListWorkbookTests.Row("IM-001", "特困人员救助供养", "行政给付", "0857-3291001"));

        await judicial.GotoAsync($"/t/{slug}/open-government/power-list/import");
        await judicial.SetInputFilesAsync("input[name='file']", new Microsoft.Playwright.FilePayload { Name = "清单.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bad });
        await judicial.FillAsync("input[name='Form.EffectiveOn']", "2030-01-01");
        await judicial.ClickAsync("#import-form button[type=submit]");
        await Expect(judicial.Locator("#import-errors tr[data-row='3']")).ToContainTextAsync("类别");
        await Expect(judicial.Locator("#import-errors tr[data-row='2']")).ToHaveCountAsync(0);

        await judicial.SetInputFilesAsync("input[name='file']", new Microsoft.Playwright.FilePayload { Name = "清单.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = good });
        await judicial.FillAsync("input[name='Form.EffectiveOn']", "2030-01-01");
        await judicial.ClickAsync("#import-form button[type=submit]");
        await Expect(judicial.Locator("#proposal-status")).ToHaveAttributeAsync("data-status", "pending");
        await Expect(judicial.Locator("#proposal-changes")).ToContainTextAsync("特困人员救助供养");
    }
}
