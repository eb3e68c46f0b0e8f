using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.Mediation.Tests.Households.HouseholdScenario;

namespace Modular.Modules.Mediation.Tests.Households;

[Collection(MediationCollection.Name)]
public sealed class HouseholdImportTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_good_import_registers_one_household_per_number_with_its_members()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var file = Xlsx.Write(Xlsx.LedgerHeader,
            Xlsx.LedgerRow("5205270101", "王大明", "户主", IdNumber(31)),
            Xlsx.LedgerRow("5205270101", "刘秀英", "配偶", IdNumber(32)),
            Xlsx.LedgerRow("5205270101", "王小红", "子女", IdNumber(33), "留守儿童"),
            Xlsx.LedgerRow("5205270102", "陈老汉", "户主", IdNumber(34), "独居老人、残疾人", village: "红岩村"));

        var response = await ImportAsync(registrar, slug, file);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, answer.GetProperty("households").GetInt32());
        Assert.Equal(4, answer.GetProperty("members").GetInt32());
        var ledger = await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households?specialGroup=LeftBehindChild");
        var row = Assert.Single(ledger.GetProperty("rows").EnumerateArray());
        Assert.Equal("5205270101", row.GetProperty("number").GetString());
        Assert.Equal("王大明", row.GetProperty("headName").GetString());
        Assert.Equal(3, row.GetProperty("members").GetInt32());
        var lists = await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households/special-groups");
        var elderly = lists.EnumerateArray().Single(l => l.GetProperty("group").GetProperty("value").GetString() == "ElderlyLivingAlone");
        Assert.Equal("红岩村", Assert.Single(elderly.GetProperty("villages").EnumerateArray()).GetProperty("village").GetString());
    }

    [Fact]
    public async Task A_short_household_number_that_Excel_stripped_of_its_zeros_gets_them_back()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var file = Xlsx.Write(Xlsx.LedgerHeader, Xlsx.LedgerRow("2", "王大明", "户主", IdNumber(51)));

        var response = await ImportAsync(registrar, slug, file);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ledger = await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households");
        Assert.Equal("0002", Assert.Single(ledger.GetProperty("rows").EnumerateArray()).GetProperty("number").GetString());
    }

    [Fact]
    public async Task An_import_with_bad_rows_among_good_ones_imports_nothing_and_names_every_bad_row()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        await RegisterAsync(registrar, slug, "张三", IdNumber(40));
        var wrongCheck = IdNumber(42)[..17] + (IdNumber(42)[17] == '0' ? '1' : '0');
        var file = Xlsx.Write(Xlsx.LedgerHeader,
            Xlsx.LedgerRow("0101", "王大明", "户主", IdNumber(41)),
            Xlsx.LedgerRow("0101", "刘秀英", "配偶", wrongCheck),               // row 3: check digit
            Xlsx.LedgerRow("0101", "王小红", "表亲", IdNumber(43), "五保户"),    // row 4: unknown relation and group
            Xlsx.LedgerRow("0102", "陈老汉", "户主", IdNumber(41)),              // row 5: same ID number as row 2
            Xlsx.LedgerRow("0103", "李四", "户主", IdNumber(40)),                // row 6: on the ledger already
            Xlsx.LedgerRow("0104", "赵五", "子女", IdNumber(44)));              // row 7: a household without a head

        var response = await ImportAsync(registrar, slug, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Select(r => (Row: r.GetProperty("row").GetInt32(), Column: r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "身份证号码"), rows);
        Assert.Contains((4, "与户主关系"), rows);
        Assert.Contains((5, "身份证号码"), rows);
        Assert.Contains((6, "身份证号码"), rows);
        Assert.Contains((4, "特殊群体"), rows);
        Assert.Contains((7, "与户主关系"), rows);
        Assert.DoesNotContain(rows, r => r.Row == 2);
        var ledger = await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households");
        Assert.Equal(1, ledger.GetProperty("households").GetInt32());
    }

    [Fact]
    public async Task The_template_has_the_export_columns_and_a_file_without_them_is_refused()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);

        var template = Xlsx.Read(await registrar.GetByteArrayAsync($"/api/t/{slug}/mediation/households/template.xlsx"));
        var missing = await ImportAsync(registrar, slug, Xlsx.Write(["户号", "姓名"], ["0001", "张三"]));

        Assert.Equal(Xlsx.LedgerHeader, template[0]);
        Assert.Contains("缺少列", await missing.Content.ReadAsStringAsync());
        Assert.Contains("id=\"template-link\"", await registrar.GetStringAsync($"/t/{slug}/mediation/households/import"));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "台帐.xlsx");
        return await client.PostAsync($"/api/t/{slug}/mediation/households/import", content);
    }
}
