using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Modular.Kit.Documents;
using Modular.Testing;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>A station's register kept in Excel, imported: all or nothing, each row in its state with its dates, numbered on.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class LegalAidImportTests(LegalServicesPlatform platform)
{
    private const string Reason = "迁移至新乡镇的登记";

    [Fact]
    public async Task A_full_export_imports_into_another_township_as_the_same_register_with_open_ones_on_their_clocks_and_numbers_run_on()
    {
        var (_, source, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        await RegisterOfThreeAsync(head, source);
        var file = await head.GetByteArrayAsync($"{Api(source)}/export.xlsx?full=true&reason={Reason}");

        var (_, target, other) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var imported = await ImportAsync(other, target, file);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        var again = Rows(await other.GetByteArrayAsync($"{Api(target)}/export.xlsx?full=true&reason={Reason}"));
        Assert.Equal(Rows(file).Select(Line), again.Select(Line));

        var list = await other.GetFromJsonAsync<JsonElement>($"{Api(target)}?page=1");
        var review = (await other.GetFromJsonAsync<JsonElement>($"{Api(target)}/{list.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("state").GetString() == "UnderReview").GetProperty("id").GetGuid()}"));
        Assert.Equal("2024-03-08", review.GetProperty("decisionDueOn").GetString());
        Assert.Equal(ApplicantId[..6] + "********" + ApplicantId[^4..], review.GetProperty("applicant").GetProperty("idNumber").GetString());
        Assert.DoesNotContain(Phone, review.GetRawText(), StringComparison.Ordinal);
        var home = await other.GetFromJsonAsync<JsonElement>($"/api/t/{target}/home");
        Assert.Contains(home.GetProperty("dueItems").EnumerateArray(), i => i.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString() == "法律援助申请 2024-0001 审查决定");

        // The same file once more: new numbers after the township's own, none taken twice.
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(other, target, file)).StatusCode);
        var numbers = Rows(await other.GetByteArrayAsync($"{Api(target)}/export.xlsx")).Select(r => r["编号"]?.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2021-0001", "2021-0002", "2024-0001", "2024-0002", "2024-0003", "2024-0004"], numbers);
    }

    [Fact]
    public async Task A_register_with_bad_rows_names_each_by_row_and_column_and_takes_nothing()
    {
        var (_, source, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        await RegisterOfThreeAsync(head, source);
        var rows = Rows(await head.GetByteArrayAsync($"{Api(source)}/export.xlsx?full=true&reason={Reason}"));
        var columns = rows[0].Keys.ToList();
        rows[0]["身份证号码"] = "520527197003120410";
        rows[2]["结案日期"] = "";
        var bad = Workbook.Write("法律援助申请登记", columns, rows.Select(r => (IReadOnlyList<object?>)[.. columns.Select(c => r[c])]));

        var (_, target, other) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var refused = await ImportAsync(other, target, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var named = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((2, "身份证号码"), named);
        Assert.Contains((4, "结案日期"), named);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"{Api(target)}?page=1")).GetProperty("total").GetInt32());

        // A masked export cannot be imported: its ID numbers are masked.
        var masked = await ImportAsync(other, target, await head.GetByteArrayAsync($"{Api(source)}/export.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, masked.StatusCode);
    }

    [Fact]
    public async Task A_zip_bomb_or_a_csv_renamed_xlsx_is_refused_as_problem_details_and_takes_nothing()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        foreach (var bytes in new[] { ZipBombs.OneHugeCell(400L * 1024 * 1024), "编号,申请人\n2020-0001,王桂兰"u8.ToArray() })
        {
            var response = await ImportAsync(head, slug, bytes);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetArrayLength());
        }

        Assert.Equal(0, (await head.GetFromJsonAsync<JsonElement>($"{Api(slug)}?page=1")).GetProperty("total").GetInt32());
    }

    // Closed and visited (2021), under the agency's review (2024, on its clock), refused (2024).
    private static async Task RegisterOfThreeAsync(HttpClient head, string slug)
    {
        var closed = await UnderReviewAsync(head, slug, "2021-03-01 09:30", "2021-03-02");
        closed = await StepAsync(head, slug, closed, "grant", new() { ["on"] = "2021-03-05", ["decisionNumber"] = "赫法援决〔2021〕1号" });
        closed = await StepAsync(head, slug, closed, "assignment", new() { ["on"] = "2021-03-06", ["kind"] = "Lawyer", ["assignee"] = "陈明", ["organisation"] = "贵州万驰律师事务所" });
        closed = await StepAsync(head, slug, closed, "start", new() { ["on"] = "2021-03-07" });
        closed = await StepAsync(head, slug, closed, "closing", new() { ["on"] = "2021-04-10", ["outcome"] = "仲裁调解结案，追回工资12600元", ["report"] = "承办人员提交结案报告及卷宗。" });
        await StepAsync(head, slug, closed, "follow-up", new() { ["on"] = "2021-04-20", ["visitor"] = "司法所 刘强", ["note"] = "受援人表示满意" });
        await UnderReviewAsync(head, slug, "2024-03-01 09:30", "2024-03-01");
        var refused = await UnderReviewAsync(head, slug, "2024-05-06 10:00", "2024-05-07");
        await StepAsync(head, slug, refused, "refusal", new() { ["on"] = "2024-05-09", ["reasons"] = "申请人家庭收入高于当地经济困难标准" });
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "法律援助台帐.xlsx" } };
        return await client.PostAsync($"{Api(slug)}/import", form);
    }

    private static string Line(IDictionary<string, object?> row) => string.Join("|", row.Values.Select(v => v?.ToString()));

    private static List<IDictionary<string, object?>> Rows(byte[] workbook) =>
        new MemoryStream(workbook).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
}
