using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.PowerList;

[Collection(OpenGovernmentCollection.Name)]
public sealed class PowerListWorkbookTests(OpenGovernmentPlatform platform)
{
    private static readonly string[] Header =
    [
        "编码", "事项名称", "子项", "类别", "设定依据", "实施主体", "配合部门", "权力来源",
        "受理责任", "审查责任", "决定责任", "送达责任", "监管责任", "追责情形", "办理流程", "廉政风险点", "办理时限", "监督电话",
    ];

    [Fact]
    public async Task A_workbook_with_bad_rows_is_refused_whole_naming_each_row_and_a_good_one_becomes_one_proposal()
    {
        var (admin, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var county = await PowerListScenario.ApproverAsync(platform, admin, slug);
        var bad = Workbook(
            Row("IM-001", "特困人员救助供养", "行政给付", "0857-3291001"),
            Row("IM-002", "", "行政给付", "0857-3291001"),
            Row("IM-003", "组织开展森林防火", "行政监督", "0857-3291001"),
            Row("IM-004", "民兵工作", "其他", "not a phone"));

        var refused = await ImportAsync(judicial, slug, bad, "2030-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var rows = problem.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).Distinct().Order().ToArray();
        Assert.Equal([3, 4, 5], rows);
        var errors = problem.GetProperty("errors");
        Assert.Contains("事项名称", errors.GetProperty("row 3")[0].GetString());
        Assert.Contains("类别", errors.GetProperty("row 4")[0].GetString());
        Assert.Contains("监督电话", errors.GetProperty("row 5")[0].GetString());
        Assert.Empty((await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list/proposals")).EnumerateArray());

        var good = Workbook(Row("IM-001", "特困人员救助供养", "行政给付", "0857-3291001"), Row("IM-004", "民兵工作", "其他", "12345"));
        var accepted = await ImportAsync(judicial, slug, good, "2030-01-01");

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, answer.GetProperty("added").GetInt32());
        var proposal = Assert.Single((await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list/proposals")).EnumerateArray());
        Assert.Equal("import", proposal.GetProperty("origin").GetString());
        Assert.Equal("pending", proposal.GetProperty("status").GetString());
        Assert.Equal(2, proposal.GetProperty("changes").GetArrayLength());
        Assert.Empty((await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2030-01-01")).GetProperty("items").EnumerateArray());

        await PowerListScenario.ApproveAsync(county, slug, proposal);
        var list = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2030-01-01");
        Assert.Equal(new[] { "IM-001", "IM-004" }, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(new[] { "申请", "受理", "审查", "决定" }, list.GetProperty("items")[0].GetProperty("workflowSteps").EnumerateArray().Select(s => s.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_template_and_the_export_are_workbooks_with_the_header_row()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null);

        var template = await judicial.GetAsync($"/api/t/{slug}/open-government/power-list/template.xlsx");
        var export = await judicial.GetAsync($"/api/t/{slug}/open-government/power-list/export.xlsx?asOf=2020-12-31");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        var templateRows = Read(await template.Content.ReadAsByteArrayAsync());
        Assert.Equal(Header, templateRows[0].Take(Header.Length).ToArray());
        Assert.Equal(2, templateRows.Count);
        var exported = Read(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(PowerListScenario.Counts2020.Values.Sum() + 1, exported.Count);
        Assert.Contains(exported, r => r[1] == "农村村民宅基地审批");
        Assert.DoesNotContain(exported, r => r[0] == "CF-005");
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] workbook, string effectiveOn)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "清单.xlsx");
        form.Add(new StringContent(effectiveOn), "effectiveOn");
        return await client.PostAsync($"/api/t/{slug}/open-government/power-list/import", form);
    }

    internal static Dictionary<string, object> Row(string code, string name, string category, string phone)
    {
        var row = Header.ToDictionary(h => h, _ => (object)"");
        row["编码"] = code;
        row["事项名称"] = name;
        row["类别"] = category;
        row["设定依据"] = "《社会救助暂行办法》第十四条";
        row["实施主体"] = "镇社会事务服务中心";
        row["配合部门"] = "县民政局\n村民委员会";
        row["权力来源"] = "法定";
        row["办理流程"] = "申请\n受理\n审查\n决定";
        row["监督电话"] = phone;
        return row;
    }

    internal static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static List<string[]> Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
    }
}
