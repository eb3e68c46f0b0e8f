using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using CellValues = DocumentFormat.OpenXml.Spreadsheet.CellValues;
using ReportSteps = Modular.Host.Tests.Infrastructure.Reports;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;
using SharedStringItem = DocumentFormat.OpenXml.Spreadsheet.SharedStringItem;

namespace Modular.Host.Tests;

/// <summary>
/// The county's rule-of-law office (县级法治办): its townships' figures side by side, from every module at once, and
/// nothing else — no other county's township, no personal data, no way into a township.
/// </summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class CountyTests(NotebookPlatform platform)
{
    private const string Phone = "13812345678";

    /// <summary>A county of its own (a random 6-digit code), so tests never see each other's townships.</summary>
    internal static string UniqueCounty() => "6" + Random.Shared.Next(0, 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<string> CreateTownshipAsync(HttpClient admin, string county, string name)
    {
        var slug = Scenario.UniqueSlug("c");
        var code = county + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var response = await admin.PostAsJsonAsync("/api/admin/townships", new { slug, name, code, countyCode = county, countyName = "测试县" + county });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return await CreateTownshipAsync(admin, county, name);
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Scenario.SetModuleAsync(admin, slug, Notebook.Id, true);
        return slug;
    }

    internal static async Task<string> CreateCountyOfficerAsync(HttpClient admin, string county)
    {
        var userName = Scenario.UniqueSlug("k");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = "县法治办", password = Scenario.Password })).StatusCode);
        var granted = await admin.PutAsync($"/api/admin/users/{userName}/counties/{county}", null);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return userName;
    }

    /// <summary>Two townships of one county with matters (a phone number on each), one of another county.</summary>
    private async Task<(HttpClient Admin, string County, string Big, string Small, string Elsewhere, HttpClient Officer)> CountyAsync()
    {
        var admin = await platform.AdminClientAsync();
        var county = UniqueCounty();
        var big = await CreateTownshipAsync(admin, county, "甲镇" + county);
        var small = await CreateTownshipAsync(admin, county, "乙乡" + county);
        var elsewhere = await CreateTownshipAsync(admin, UniqueCounty(), "外县镇" + county);
        var today = Notebook.Today(platform);
        foreach (var (slug, count) in new[] { (big, 3), (small, 1), (elsewhere, 5) })
        {
            var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
            for (var i = 0; i < count; i++)
            {
                var matter = await Notebook.OpenMatterAsync(clerk, slug, "调解记录", today, Phone);
                if (i == 0)
                {
                    await Notebook.CloseMatterAsync(clerk, slug, matter, today);
                }
            }
        }

        var officer = await platform.SignedInClientAsync(await CreateCountyOfficerAsync(admin, county), Scenario.Password);
        return (admin, county, big, small, elsewhere, officer);
    }

    private int Year => Modular.Kit.TownshipTime.Today(platform.Clock).Year;

    private static decimal Value(JsonElement row, string column) => row.GetProperty("values").GetProperty(column).GetDecimal();

    [Fact]
    public async Task The_county_sees_which_townships_sent_their_annual_report_and_when_and_which_have_not()
    {
        var (admin, county, big, small, _, officer) = await CountyAsync();
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, big, Modular.Contracts.Modules.PlatformRoles.ReportClerk), Scenario.Password);
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, big, Modular.Contracts.Modules.PlatformRoles.ReportApprover), Scenario.Password);
        var saved = await ReportSteps.OkAsync(ReportSteps.SaveAsync(clerk, big, Year, 0, ReportSteps.AllParts()));
        var submitted = await ReportSteps.OkAsync(ReportSteps.StepAsync(clerk, big, Year, "submit", ReportSteps.Version(saved)));
        var approved = await ReportSteps.OkAsync(ReportSteps.StepAsync(head, big, Year, "approve", ReportSteps.Version(submitted)));
        await ReportSteps.OkAsync(ReportSteps.StepAsync(clerk, big, Year, "send", ReportSteps.Version(approved)));

        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={Year}");
        var rows = view.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("township").GetString()!);
        Assert.StartsWith(Notebook.Today(platform), rows[big].GetProperty("texts").GetProperty("report.sent").GetString());
        Assert.Equal("未开始", rows[small].GetProperty("texts").GetProperty("report.sent").GetString());
        var page = await officer.GetStringAsync($"/county/{county}?year={Year}");
        Assert.Contains("年度报告报送", page);
    }

    [Fact]
    public async Task Late_is_judged_by_each_townships_own_due_day()
    {
        var today = Modular.Kit.TownshipTime.Today(platform.Clock);
        if (today < new DateOnly(today.Year, 1, 10))
        {
            return; // In the first days of January "the first days of the year" (1 January, off the New Year rest days) may not have passed yet.
        }

        var (admin, county, big, small, _, officer) = await CountyAsync();
        var last = Year - 1;
        // Last year's report sent today: on time where it is due on 31 December of this year, late where it was due on
        // the first days of the year. The small township has not started, and is late only by its own setting.
        var bigClerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, big, Modular.Contracts.Modules.PlatformRoles.ReportClerk), Scenario.Password);
        var smallClerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, small, Modular.Contracts.Modules.PlatformRoles.ReportClerk), Scenario.Password);
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, big, Modular.Contracts.Modules.PlatformRoles.ReportApprover), Scenario.Password);
        await ReportSteps.OkAsync(bigClerk.PutAsJsonAsync($"/api/t/{big}/annual-report/settings", new { version = 0, sendBy = "12-31", publishBy = "12-31" }));
        await ReportSteps.OkAsync(smallClerk.PutAsJsonAsync($"/api/t/{small}/annual-report/settings", new { version = 0, sendBy = "01-01", publishBy = "01-02" }));
        var saved = await ReportSteps.OkAsync(ReportSteps.SaveAsync(bigClerk, big, last, 0, ReportSteps.AllParts()));
        var submitted = await ReportSteps.OkAsync(ReportSteps.StepAsync(bigClerk, big, last, "submit", ReportSteps.Version(saved)));
        var approved = await ReportSteps.OkAsync(ReportSteps.StepAsync(head, big, last, "approve", ReportSteps.Version(submitted)));
        await ReportSteps.OkAsync(ReportSteps.StepAsync(bigClerk, big, last, "send", ReportSteps.Version(approved)));

        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={last}");
        var rows = view.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("township").GetString()!);
        Assert.Equal(Notebook.Today(platform), rows[big].GetProperty("texts").GetProperty("report.sent").GetString());
        Assert.Equal("未开始（逾期未报送）", rows[small].GetProperty("texts").GetProperty("report.sent").GetString());

        // The big township's setting moved to the first days of the year: the same report is now late.
        var settings = await bigClerk.GetFromJsonAsync<JsonElement>($"/api/t/{big}/annual-report/settings");
        await ReportSteps.OkAsync(bigClerk.PutAsJsonAsync($"/api/t/{big}/annual-report/settings", new { version = settings.GetProperty("version").GetInt64(), sendBy = "01-01", publishBy = "01-02" }));
        view = await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={last}");
        rows = view.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("township").GetString()!);
        Assert.Equal($"{Notebook.Today(platform)}（逾期）", rows[big].GetProperty("texts").GetProperty("report.sent").GetString());
    }

    [Fact]
    public async Task The_county_office_sees_each_of_its_townships_figures_and_never_another_countys_township()
    {
        var (_, county, big, small, elsewhere, officer) = await CountyAsync();

        var response = await officer.GetAsync($"/api/county/{county}/figures?year={Year}");
        var body = await response.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = view.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("township").GetString()!);
        Assert.Equal(new[] { big, small }.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(elsewhere, body, StringComparison.Ordinal);
        Assert.Equal(3, Value(rows[big], "notebook.recorded"));
        Assert.Equal(1, Value(rows[big], "notebook.closed"));
        Assert.Equal(1, Value(rows[small], "notebook.recorded"));
        Assert.DoesNotContain(Phone, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone[^4..], body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_county_figures_are_the_ones_the_townships_annual_report_gives()
    {
        var (admin, county, big, small, _, officer) = await CountyAsync();
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={Year}");

        foreach (var slug in new[] { big, small })
        {
            var reader = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Reader), Scenario.Password);
            var report = await reader.GetStringAsync($"/t/{slug}/annual-report?year={Year}");
            var row = view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("township").GetString() == slug);
            Assert.Contains($"{Year}年登记事项{Value(row, "notebook.recorded")}件，办结{Value(row, "notebook.closed")}件", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Any_column_sorts_the_townships_either_way()
    {
        var (_, county, big, small, _, officer) = await CountyAsync();

        async Task<string[]> OrderAsync(string query) =>
            [.. (await officer.GetFromJsonAsync<JsonElement>($"/api/county/{county}/figures?year={Year}&{query}")).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("township").GetString()!)];

        Assert.Equal([big, small], await OrderAsync("sort=notebook.recorded&desc=true"));
        Assert.Equal([small, big], await OrderAsync("sort=notebook.recorded&desc=false"));
        var page = await officer.GetStringAsync($"/county/{county}?year={Year}&sort=notebook.recorded&desc=false");
        Assert.True(page.IndexOf($"data-township=\"{small}\"", StringComparison.Ordinal) < page.IndexOf($"data-township=\"{big}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_draws_its_chart_as_svg_on_the_server_without_personal_data()
    {
        var (_, county, big, small, elsewhere, officer) = await CountyAsync();

        var page = await officer.GetStringAsync($"/county/{county}?year={Year}&chart=notebook.recorded");

        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("data-column=\"notebook.recorded\"", page, StringComparison.Ordinal);
        Assert.Contains($"<g data-township=\"{big}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<g data-township=\"{small}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Split("<svg")[1].Split("</svg>")[0], StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, page, StringComparison.Ordinal);
        Assert.Contains("登记事项", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_read_back_holds_the_same_figures_and_no_personal_data()
    {
        var (_, county, _, _, _, officer) = await CountyAsync();

        var response = await officer.GetAsync($"/api/county/{county}/figures.xlsx?year={Year}&sort=notebook.recorded&desc=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var part = workbook.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText;
        var rows = part.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();

        Assert.Equal(["乡镇 / Township", "区划代码 / Code", "登记事项 / Matters recorded", "办结事项 / Matters closed", "年度报告报送 / Annual report sent"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("甲镇", rows[1][0], StringComparison.Ordinal);
        Assert.Equal(["3", "1", "未开始"], rows[1][2..]);
        Assert.StartsWith("乙乡", rows[2][0], StringComparison.Ordinal);
        Assert.Equal(["1", "1", "未开始"], rows[2][2..]);
        var everything = string.Join("|", rows.SelectMany(r => r));
        Assert.DoesNotContain(Phone, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("外县镇", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_county_office_can_neither_read_nor_write_inside_a_township_nor_see_another_county()
    {
        var (admin, county, big, _, elsewhere, officer) = await CountyAsync();
        var otherCounty = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{elsewhere}")).GetProperty("township").GetProperty("countyCode").GetString();

        foreach (var path in new[] { $"/t/{big}", $"/t/{big}/notebook/matters", $"/t/{big}/annual-report", $"/t/{big}/due", Notebook.Matters(big), $"/api/t/{big}/home" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Notebook.PostMatterAsync(officer, big, "越权写入", Notebook.Today(platform))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/county/{otherCounty}/figures?year={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/county/{otherCounty}/figures.xlsx?year={Year}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync($"/county/{otherCounty}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.AnonymousClient().GetAsync($"/api/county/{county}/figures")).StatusCode);
    }

    [Fact]
    public async Task The_platform_admin_grants_and_revokes_the_county_office_and_both_are_audited()
    {
        var admin = await platform.AdminClientAsync();
        var county = UniqueCounty();
        await CreateTownshipAsync(admin, county, "丙镇" + county);
        var userName = await CreateCountyOfficerAsync(admin, county);
        var officer = await platform.SignedInClientAsync(userName, Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/county/{county}/figures")).StatusCode);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        Assert.Equal(county, users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("counties")[0].GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/admin/users/{userName}/counties/{county}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/county/{county}/figures")).StatusCode);
        var audit = await admin.GetStringAsync($"/api/admin/audit?user=admin&take=500");
        Assert.Contains($"county:{county}: county-office", audit, StringComparison.Ordinal);
        Assert.Contains($"county:{county}: —", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_without_townships_or_a_user_that_does_not_exist_is_refused_with_problem_details()
    {
        var admin = await platform.AdminClientAsync();
        var county = UniqueCounty();
        await CreateTownshipAsync(admin, county, "丁镇" + county);

        var noCounty = await admin.PutAsync($"/api/admin/users/admin/counties/000000", null);
        var noUser = await admin.PutAsync($"/api/admin/users/nobody-{county}/counties/{county}", null);

        Assert.Equal(HttpStatusCode.BadRequest, noCounty.StatusCode);
        Assert.Equal("application/problem+json", noCounty.Content.Headers.ContentType?.MediaType);
        Assert.Contains("countyCode", await noCounty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noUser.StatusCode);
    }

    [Fact]
    public async Task A_bad_year_is_a_400_in_the_api_and_a_readable_message_on_the_page()
    {
        var admin = await platform.AdminClientAsync();
        var county = UniqueCounty();
        await CreateTownshipAsync(admin, county, "戊镇" + county);
        var officer = await platform.SignedInClientAsync(await CreateCountyOfficerAsync(admin, county), Scenario.Password);

        var api = await officer.GetAsync($"/api/county/{county}/figures?year=99999");
        var page = await officer.GetAsync($"/county/{county}?year=abc");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("年份须为", html, StringComparison.Ordinal);
    }
}
