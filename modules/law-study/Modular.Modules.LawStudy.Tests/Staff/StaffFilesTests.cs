using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests.Staff;

/// <summary>The roster's pages and files: masked everywhere, revealed and exported in full only with a reason (audited), imported all or nothing.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class StaffFilesTests(LawStudyPlatform platform)
{
    private static readonly string IdNumber = Identities.IdNumber("52052719800101123");
    private const string Phone = "13985704321";

    private static string Api(string slug) => $"/api/t/{slug}/law-study/staff";

    private static object Person(string name, string? idNumber, string? userName = null, string phone = Phone) =>
        new { name, department = "规划建设办公室", post = "规划建设执法", enforcementPost = true, userName, idNumber, phone, joinedOn = "2020-01-02" };

    [Fact]
    public async Task Personal_data_is_masked_in_page_api_and_export_and_revealed_or_exported_in_full_only_with_a_reason_on_the_audit_trail()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.Head), Scenario.Password);
        var person = await (await clerk.PostAsJsonAsync(Api(slug), Person("胡志强", IdNumber))).Content.ReadFromJsonAsync<JsonElement>();
        var id = person.GetProperty("id").GetGuid();

        var page = await clerk.GetStringAsync($"/t/{slug}/law-study/staff/{id}");
        Assert.Contains("139****4321", page);
        Assert.DoesNotContain(Phone, page);
        Assert.DoesNotContain(IdNumber, page);
        Assert.DoesNotContain("reveal-form", page);
        Assert.DoesNotContain(Phone, await clerk.GetStringAsync($"/t/{slug}/law-study/staff"));

        var export = string.Join("|", Cells(await clerk.GetByteArrayAsync($"{Api(slug)}/export.xlsx")));
        Assert.Contains("139****4321", export);
        Assert.DoesNotContain(IdNumber, export);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"{Api(slug)}/export.xlsx?full=true&reason=核对")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/reveal", new { field = "IdNumber", reason = "核对" })).StatusCode);

        Assert.Contains("reveal-form", await head.GetStringAsync($"/t/{slug}/law-study/staff/{id}"));
        var revealed = await head.PostAsJsonAsync($"{Api(slug)}/{id}/reveal", new { field = "IdNumber", reason = "办理执法证申领" });
        Assert.Equal(IdNumber, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        var noReason = await head.GetAsync($"{Api(slug)}/export.xlsx?full=true");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
        var full = string.Join("|", Cells(await head.GetByteArrayAsync($"{Api(slug)}/export.xlsx?full=true&reason=报送县司法局")));
        Assert.Contains(IdNumber, full);

        var audit = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("办理执法证申领", audit);
        Assert.Contains("报送县司法局", audit);
        Assert.DoesNotContain(IdNumber, audit);
    }

    [Fact]
    public async Task A_full_export_imports_into_another_township_and_a_file_with_bad_rows_imports_nobody_naming_each_row()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk, LawStudyPlatform.Head);
        await head.PostAsJsonAsync(Api(slug), Person("胡志强", IdNumber, "huzhiqiang-a"));
        await head.PostAsJsonAsync(Api(slug), Person("朱光辉", null));
        var gone = await (await head.PostAsJsonAsync(Api(slug), Person("高俊", null))).Content.ReadFromJsonAsync<JsonElement>();
        await head.PostAsJsonAsync($"{Api(slug)}/{gone.GetProperty("id").GetGuid()}/leave", new { version = 1, leftOn = "2020-06-30", reason = "调离" });
        var full = await head.GetByteArrayAsync($"{Api(slug)}/export.xlsx?includeLeft=true&full=true&reason=迁移花名册");

        var (_, other, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var imported = await ImportAsync(clerk, other, full);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        Assert.Equal(1, result.GetProperty("skippedLeft").GetInt32());
        Assert.Equal(["朱光辉", "胡志强"], (await clerk.GetFromJsonAsync<JsonElement>(Api(other))).EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        // Row 2 holds an ID number already on the roster, rows 3 and 4 share one, row 5's is not a valid one and has no name.
        var second = Identities.IdNumber("52052719900202123");
        var bad = Workbook(
            Row("罗永红", IdNumber, "luo"),
            Row("梁伟", second, "liangwei"),
            Row("宋平", second, "songping"),
            Row("", "520527199001011234", "xiefei"));
        var refused = await ImportAsync(clerk, other, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var rows = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((2, "身份证号码"), rows);
        Assert.Contains((4, "身份证号码"), rows);
        Assert.Contains((5, "姓名"), rows);
        Assert.Contains((5, "身份证号码"), rows);
        Assert.DoesNotContain(rows, r => r.Item1 == 3);
        Assert.Equal(2, (await clerk.GetFromJsonAsync<JsonElement>(Api(other))).GetArrayLength());
    }

    [Fact]
    public async Task A_zip_bomb_or_a_file_that_is_not_excel_is_refused_as_problem_details()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        foreach (var file in new[] { ZipBombs.OneHugeCell(400L * 1024 * 1024), Encoding.UTF8.GetBytes("姓名,部门\n何军,综合行政执法办公室"), Array.Empty<byte>() })
        {
            var refused = await ImportAsync(clerk, slug, file);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0, (await clerk.GetFromJsonAsync<JsonElement>(Api(slug))).GetArrayLength());
    }

    private static Dictionary<string, object> Row(string name, string idNumber, string userName) => new()
    {
        ["姓名"] = name,
        ["部门"] = "综合行政执法办公室",
        ["岗位"] = "城管执法",
        ["执法岗位"] = "是",
        ["登录账号"] = userName,
        ["身份证号码"] = idNumber,
        ["联系电话"] = Phone,
        ["入职日期"] = "2020-01-02",
    };

    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] workbook)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "roster.xlsx");
        return await client.PostAsync($"{Api(slug)}/import", content);
    }

    private static List<string> Cells(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query().Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
    }
}
