using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.DisclosureRequests.RequestScenario;

namespace Modular.Modules.OpenGovernment.Tests.AnnualReport;

[Collection(OpenGovernmentCollection.Name)]
public sealed class AnnualReportTests(OpenGovernmentPlatform platform)
{
    private static int Cell(JsonElement report, string key, int column) =>
        report.GetProperty("requests").EnumerateArray().First(r => r.GetProperty("key").GetString() == key).GetProperty("counts")[column].GetInt32();

    private const int Natural = 0, Firm = 1, Research = 2, Total = 6;

    /// <summary>
    /// 2025: one natural person's request, still open at the year's end, answered "not held" in 2026.
    /// 2026: a natural person (disclosed), a commercial firm (not disclosed: third party), a research institution (open).
    /// </summary>
    private static async Task ArrangeYearAsync(HttpClient clerk, string slug)
    {
        var (carried, _) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2025-12-10"));
        var (person, _) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-03-02"));
        var (firm, _) = await EnterAsync(clerk, slug, Organisation("CommercialFirm", "2026-04-07"));
        await EnterAsync(clerk, slug, Organisation("ResearchInstitution", "2026-10-12"));
        await AnswerAsync(clerk, slug, carried, "CannotProvide", "NotHeld", answeredOn: "2026-01-06");
        await AnswerAsync(clerk, slug, person, "Disclosed", null, answeredOn: "2026-03-20");
        await AnswerAsync(clerk, slug, firm, "NotDisclosed", "ThirdPartyRights", answeredOn: "2026-04-30");
    }

    [Fact]
    public async Task The_requests_table_counts_the_years_requests_by_requester_type_and_outcome_with_carry_over_both_ways()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        await ArrangeYearAsync(clerk, slug);

        var y2026 = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/annual-report/2026");
        var y2025 = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/annual-report/2025");

        Assert.Equal(1, Cell(y2026, "received", Natural));
        Assert.Equal(1, Cell(y2026, "received", Firm));
        Assert.Equal(1, Cell(y2026, "received", Research));
        Assert.Equal(3, Cell(y2026, "received", Total));
        Assert.Equal(1, Cell(y2026, "carried-over", Natural));
        Assert.Equal(1, Cell(y2026, "carried-over", Total));
        Assert.Equal(1, Cell(y2026, "Disclosed", Natural));
        Assert.Equal(1, Cell(y2026, "NotDisclosed", Firm));
        Assert.Equal(1, Cell(y2026, "ThirdPartyRights", Firm));
        Assert.Equal(0, Cell(y2026, "StateSecret", Total));
        Assert.Equal(1, Cell(y2026, "CannotProvide", Natural));
        Assert.Equal(1, Cell(y2026, "NotHeld", Natural));
        Assert.Equal(3, Cell(y2026, "results-total", Total));
        Assert.Equal(1, Cell(y2026, "carried-forward", Research));
        Assert.Equal(1, Cell(y2026, "carried-forward", Total));

        Assert.Equal(1, Cell(y2025, "received", Total));
        Assert.Equal(0, Cell(y2025, "results-total", Total));
        Assert.Equal(1, Cell(y2025, "carried-forward", Natural));
    }

    [Fact]
    public async Task Reconsideration_and_litigation_counts_entered_by_staff_appear_in_the_Word_and_Excel_reports()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        await ArrangeYearAsync(clerk, slug);
        var figures = new Dictionary<string, object?>
        {
            ["version"] = 0,
            ["reconsiderationUpheld"] = 2,
            ["reconsiderationCorrected"] = 1,
            ["reconsiderationOther"] = 0,
            ["reconsiderationPending"] = 1,
            ["directUpheld"] = 1,
            ["directCorrected"] = 0,
            ["directOther"] = 0,
            ["directPending"] = 0,
            ["afterReconsiderationUpheld"] = 0,
            ["afterReconsiderationCorrected"] = 0,
            ["afterReconsiderationOther"] = 0,
            ["afterReconsiderationPending"] = 1,
        };

        var bad = await clerk.PutAsJsonAsync($"/api/t/{slug}/open-government/annual-report/2026/review-and-litigation", new Dictionary<string, object?>(figures) { ["directOther"] = -1, ["reconsiderationPending"] = null });
        var saved = await clerk.PutAsJsonAsync($"/api/t/{slug}/open-government/annual-report/2026/review-and-litigation", figures);
        var stale = await clerk.PutAsJsonAsync($"/api/t/{slug}/open-government/annual-report/2026/review-and-litigation", figures);

        Assert.Superset(new HashSet<string> { "directOther", "reconsiderationPending" }, (await ErrorsAsync(bad)).Keys.ToHashSet());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var report = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/annual-report/2026");
        Assert.Equal(2, report.GetProperty("reviewAndLitigation").GetProperty("reconsideration").GetProperty("upheld").GetInt32());

        var docx = await clerk.GetAsync($"/api/t/{slug}/open-government/annual-report/2026/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        await using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        {
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart!.Document!.Body!;
            Assert.Contains("2026年政府信息公开工作年度报告", body.InnerText);
            Assert.Contains("新收政府信息公开申请3件，上年结转1件，办结3件，结转下年度继续办理1件", body.InnerText);
            var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
            var review = tables[^1].Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["行政复议", "2", "1", "0", "1", "4"], review[1]);
            var requests = tables[^2].Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["一、本年新收政府信息公开申请数量", "1", "1", "1", "0", "0", "0", "3"], requests[1]);
        }

        var xlsx = await clerk.GetAsync($"/api/t/{slug}/open-government/annual-report/2026/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var sheets = MiniExcel.GetSheetNames(stream);
            Assert.Contains("三、依申请公开", sheets);
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "三、依申请公开").Cast<IDictionary<string, object>>().ToList();
            var carriedForward = rows.Single(r => (string)r["项目"] == "四、结转下年度继续办理");
            Assert.Equal(1d, Convert.ToDouble(carriedForward["科研机构"], System.Globalization.CultureInfo.InvariantCulture));
            var review = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "四、复议诉讼").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(4d, Convert.ToDouble(review[0]["总计"], System.Globalization.CultureInfo.InvariantCulture));
        }

        var page = await clerk.GetStringAsync($"/t/{slug}/open-government/annual-report?year=2026");
        Assert.Contains("三、收到和处理政府信息公开申请情况", page);
        Assert.Contains("保护第三方合法权益", page);
    }

    [Fact]
    public async Task The_rule_of_law_report_gets_a_section_on_requests_received_and_handled_by_outcome()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        await ArrangeYearAsync(clerk, slug);

        var page = await clerk.GetStringAsync($"/t/{slug}/annual-report?year=2026");

        Assert.Contains("2026年，本镇新收政府信息公开申请3件，上年结转1件，办结3件（予以公开1件，不予公开1件，无法提供1件），结转下年度继续办理1件。", page);
    }

    [Fact]
    public async Task Another_townships_staff_see_none_of_these_figures_and_cannot_change_them()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        await ArrangeYearAsync(clerk, slug);
        var other = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var outsider = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, other, "open-government.clerk"), Scenario.Password);

        var theirs = await outsider.GetFromJsonAsync<JsonElement>($"/api/t/{other}/open-government/annual-report/2026");
        var put = await outsider.PutAsJsonAsync($"/api/t/{other}/open-government/annual-report/2026/review-and-litigation", new Dictionary<string, object?>
        {
            ["version"] = 0,
            ["reconsiderationUpheld"] = 9,
            ["reconsiderationCorrected"] = 0,
            ["reconsiderationOther"] = 0,
            ["reconsiderationPending"] = 0,
            ["directUpheld"] = 0,
            ["directCorrected"] = 0,
            ["directOther"] = 0,
            ["directPending"] = 0,
            ["afterReconsiderationUpheld"] = 0,
            ["afterReconsiderationCorrected"] = 0,
            ["afterReconsiderationOther"] = 0,
            ["afterReconsiderationPending"] = 0,
        });

        Assert.Equal(0, Cell(theirs, "received", Total));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var ours = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/annual-report/2026");
        Assert.Equal(3, Cell(ours, "received", Total));
        Assert.Equal(JsonValueKind.Null, ours.GetProperty("reviewAndLitigation").ValueKind);
    }
}
