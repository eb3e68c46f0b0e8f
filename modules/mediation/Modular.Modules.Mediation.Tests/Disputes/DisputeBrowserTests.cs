using System.Net.Http.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;
using Scenario = Modular.Testing.Scenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

public sealed class DisputeBrowserTests(MediationBrowserPlatform platform, Chromium chromium)
    : IClassFixture<MediationBrowserPlatform>, IClassFixture<Chromium>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task A_mediator_takes_a_dispute_from_intake_to_a_signed_agreement_and_downloads_it_masked()
    {
        var (slug, page) = await MediatorPageAsync();
        var applicantId = DisputePageTests.ApplicantId;
        var respondentId = DisputePageTests.RespondentId;
        var wrongId = applicantId[..^1] + (applicantId[^1] == '1' ? "2" : "1");

        await page.GotoAsync($"/t/{slug}/mediation/disputes/new");
        await page.SelectOptionAsync("select[name='Form.Source']", "Visit");
        await page.FillAsync("input[name='Form.ReceivedOn']", "2026-11-02");
        await page.SelectOptionAsync("select[name='Form.Category']", "Neighbours");
        await page.FillAsync("input[name='Form.Village']", "新街村");
        await page.SelectOptionAsync("select[name='Form.Risk']", "Medium");
        await page.FillAsync("textarea[name='Form.Summary']", "两家因宅基地排水沟走向发生争执");
        await page.CheckAsync("input[name='Form.SpecialGroups'][value='ElderlyLivingAlone']");
        await page.FillAsync("input[name='Form.Parties[0].Name']", "王桂兰");
        await page.FillAsync("input[name='Form.Parties[0].IdNumber']", wrongId);
        await page.FillAsync("input[name='Form.Parties[0].Phone']", DisputePageTests.Phone);
        await page.FillAsync("input[name='Form.Parties[1].Name']", "李德才");
        await page.FillAsync("input[name='Form.Parties[1].IdNumber']", respondentId);
        await page.ClickAsync("form.dispute-form button[type=submit]");
        await Expect(page.Locator("span.field-error[data-field='parties[0].idNumber']")).ToBeVisibleAsync();
        await Expect(page.Locator("span.field-error")).ToHaveCountAsync(1);

        await page.FillAsync("input[name='Form.Parties[0].IdNumber']", applicantId);
        await page.ClickAsync("form.dispute-form button[type=submit]");
        await Expect(page.Locator("small.dispute-state")).ToHaveAttributeAsync("data-state", "Registered");
        await Expect(page.Locator("body")).ToContainTextAsync("独居老人");
        await Expect(page.Locator("#target-on")).ToContainTextAsync("2026-12-02");

        await page.SelectOptionAsync("details[data-step='start'] select[name='Form.Basis']", "Application");
        await page.SelectOptionAsync("details[data-step='start'] select[name='Form.AppliedBy']", "王桂兰");
        await page.FillAsync("details[data-step='start'] input[name='Form.On']", "2026-11-03");
        await page.ClickAsync("details[data-step='start'] button[type=submit]");
        await Expect(page.Locator("small.dispute-state")).ToHaveAttributeAsync("data-state", "Accepted");

        await page.FillAsync("details[data-step='mediator'] input[name='Form.Mediator']", "周明芳");
        await page.FillAsync("details[data-step='mediator'] input[name='Form.On']", "2026-11-03");
        await page.ClickAsync("details[data-step='mediator'] button[type=submit]");
        await Expect(page.Locator("#mediator")).ToContainTextAsync("周明芳");

        await page.FillAsync("details[data-step='session'] input[name='Form.Place']", "新街村调委会调解室");
        await page.FillAsync("details[data-step='session'] textarea[name='Form.Record']", "双方陈述意见，同意按原走向恢复排水沟。");
        await page.FillAsync("details[data-step='session'] input[name='Form.On']", "2026-11-05");
        await page.ClickAsync("details[data-step='session'] button[type=submit]");
        await Expect(page.Locator("small.dispute-state")).ToHaveAttributeAsync("data-state", "Mediating");
        await Expect(page.Locator("#sessions")).ToContainTextAsync("同意按原走向恢复排水沟");

        await page.ClickAsync("details[data-step='agreement'] summary");
        await page.FillAsync("details[data-step='agreement'] textarea[name='Form.Matters']", "排水沟改道导致申请人院落积水");
        await page.FillAsync("details[data-step='agreement'] textarea[name='Form.Responsibilities']", "被申请人擅自改道，负主要责任");
        await page.FillAsync("details[data-step='agreement'] textarea[name='Form.Terms']", "被申请人于2026年11月20日前将排水沟恢复原走向，并赔偿申请人清理费800元");
        await page.FillAsync("details[data-step='agreement'] textarea[name='Form.Performance']", "现场恢复，现金一次付清");
        await page.FillAsync("details[data-step='agreement'] input[name='Form.On']", "2026-11-05");
        await page.ClickAsync("details[data-step='agreement'] button[type=submit]");
        await Expect(page.Locator("small.dispute-state")).ToHaveAttributeAsync("data-state", "AgreementDrafted");

        await page.FillAsync("details[data-step='signature'] input[name='Form.On']", "2026-11-06");
        await page.ClickAsync("details[data-step='signature'] button[type=submit]");
        await Expect(page.Locator("small.dispute-state")).ToHaveAttributeAsync("data-state", "Agreed");
        await Expect(page.Locator("#court-window")).ToContainTextAsync("2026-12-07"); // 30 days from 11-06 is Sunday 12-06
        await Expect(page.Locator("section.record-timeline li")).ToHaveCountAsync(6);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#agreement-link"));
        var path = await download.PathAsync();
        using var document = WordprocessingDocument.Open(path, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("人民调解协议书", text);
        Assert.Contains("王桂兰", text);
        Assert.Contains("李德才", text);
        Assert.Contains("赔偿申请人清理费800元", text);
        Assert.Contains("周明芳", text);
        Assert.Contains(applicantId[..6], text);
        Assert.DoesNotContain(applicantId, text);
        Assert.DoesNotContain(respondentId, text);
        Assert.DoesNotContain(DisputePageTests.Phone, text);
    }

    [Fact]
    public async Task A_mediator_imports_a_ledger_sees_every_bad_row_and_nothing_is_taken_until_it_is_right()
    {
        var (slug, page) = await MediatorPageAsync();
        string[] good = ["2026-10-08", "排查发现", "", "邻里纠纷", "新街村", "张三", DisputePageTests.ApplicantId, "李四", "", "因放牛损坏庄稼", "低", "达成协议", "2026-10-20", "口头协议"];
        string[] bad = ["2026-10-09", "排查发现", "", "吵架纠纷", "新街村", "王五", "520527198503120419", "赵六", "", "口角", "低", "", "", ""];

        await page.GotoAsync($"/t/{slug}/mediation/disputes/import");
        await Expect(page.Locator("#template-link")).ToHaveAttributeAsync("href", $"/api/t/{slug}/mediation/disputes/template.xlsx");
        await page.SetInputFilesAsync("input[name='file']", new FilePayload { Name = "台帐.xlsx", MimeType = XlsxType, Buffer = Ledger(good, bad) });
        await page.ClickAsync("#import-form button[type=submit]");
        await Expect(page.Locator("#import-refused")).ToContainTextAsync("未导入任何纠纷");
        await Expect(page.Locator("#import-errors tr[data-row='3']").First).ToBeVisibleAsync();
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("类别");
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("第1位当事人身份证号码");
        await Expect(page.Locator("#import-errors tr[data-row='2']")).ToHaveCountAsync(0);
        await page.GotoAsync($"/t/{slug}/mediation/disputes");
        await Expect(page.Locator("#dispute-total")).ToHaveAttributeAsync("data-total", "0");

        await page.GotoAsync($"/t/{slug}/mediation/disputes/import");
        await page.SetInputFilesAsync("input[name='file']", new FilePayload { Name = "台帐.xlsx", MimeType = XlsxType, Buffer = Ledger(good) });
        await page.ClickAsync("#import-form button[type=submit]");
        await Expect(page.Locator("#import-done")).ToHaveAttributeAsync("data-imported", "1");
        await page.GotoAsync($"/t/{slug}/mediation/disputes");
        await Expect(page.Locator("#disputes tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#disputes tbody tr")).ToHaveAttributeAsync("data-state", "Agreed");
        await Expect(page.Locator("#disputes")).ToContainTextAsync("张三、李四");
        await Expect(page.Locator("#disputes")).Not.ToContainTextAsync(DisputePageTests.ApplicantId);
    }

    private async Task<(string Slug, IPage Page)> MediatorPageAsync()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var mediator = await Scenario.CreateUserAsync(admin, slug, DisputePageTests.Mediator);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, mediator, Scenario.Password);
        return (slug, page);
    }

    private static readonly string[] Header =
        ["受理日期", "来源", "移交单位", "类别", "村（社区）", "申请人", "申请人身份证号码", "被申请人", "被申请人身份证号码", "纠纷简要情况", "激化风险", "办理结果", "结果日期", "协议形式"];

    /// <summary>A real .xlsx as a township keeps it: a header row of the ledger's columns, then one dispute per row.</summary>
    private static byte[] Ledger(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var strings = new List<string>();
            var data = new SheetData();
            foreach (var (values, r) in new[] { Header }.Concat(rows).Select((v, i) => (v, i + 1)))
            {
                var row = new Row { RowIndex = (uint)r };
                foreach (var (value, c) in values.Select((v, i) => (v, i)))
                {
                    if (value.Length == 0)
                    {
                        continue;
                    }

                    strings.Add(value);
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r}",
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue((strings.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    });
                }

                data.Append(row);
            }

            var shared = workbookPart.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "矛盾纠纷台帐" }));
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }
}
