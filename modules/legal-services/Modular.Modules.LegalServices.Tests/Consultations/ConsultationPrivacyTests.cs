using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using static Modular.Modules.LegalServices.Tests.Consultations.ConsultationScenario;

namespace Modular.Modules.LegalServices.Tests.Consultations;

/// <summary>
/// The person's ID number, phone and address: masked in the API, the pages and the export; revealed one field at a
/// time with a reason, and exported in full with a reason, each recorded for the township admin; imported all or nothing.
/// </summary>
[Collection(LegalServicesCollection.Name)]
public sealed class ConsultationPrivacyTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task The_person_is_masked_in_the_answer_the_page_and_the_export()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk);
        var c = await RegisterAsync(clerk, slug, "2020-06-01T09:00");
        Assert.Equal("139****4321", c.GetProperty("phone").GetString());
        Assert.DoesNotContain(IdNumber, c.GetRawText());
        Assert.DoesNotContain(Address, c.GetRawText());

        var page = await clerk.GetStringAsync($"/t/{slug}/legal-services/consultations/{c.GetProperty("id").GetGuid()}");
        Assert.Contains("139****4321", page);
        Assert.DoesNotContain(Phone, page);
        Assert.DoesNotContain(IdNumber, page);
        Assert.DoesNotContain("reveal-form", page); // a clerk may not reveal
        var register = await clerk.GetStringAsync($"/t/{slug}/legal-services/consultations");
        Assert.Contains(c.GetProperty("number").GetString()!, register);
        Assert.DoesNotContain(Phone, register);

        var export = await clerk.GetByteArrayAsync($"{Api(slug)}/export.xlsx");
        var text = string.Join("|", Cells(export));
        Assert.Contains("139****4321", text);
        Assert.DoesNotContain(Phone, text);
        Assert.DoesNotContain(IdNumber, text);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"{Api(slug)}/export.xlsx?full=true&reason=核对")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"{Api(slug)}/{c.GetProperty("id").GetGuid()}/reveal", new { field = "PhoneNumber", reason = "回电" })).StatusCode);
    }

    [Fact]
    public async Task The_judicial_office_head_reveals_one_field_with_a_reason_and_the_township_admin_sees_the_reveal_but_not_the_value()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk, LegalServicesPlatform.Reader);
        var c = await RegisterAsync(head, slug, "2020-06-01T09:00");
        var reveal = $"{Api(slug)}/{c.GetProperty("id").GetGuid()}/reveal";

        Assert.True((await ErrorsAsync(await head.PostAsJsonAsync(reveal, new { field = "PhoneNumber" }))).TryGetProperty("reason", out _));
        var revealed = await head.PostAsJsonAsync(reveal, new { field = "IdNumber", reason = "核实法律援助申请人身份" });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(IdNumber, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());

        var full = await head.GetAsync($"{Api(slug)}/export.xlsx?full=true&reason=移交县法律援助中心");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains(Phone, string.Join("|", Cells(await full.Content.ReadAsByteArrayAsync())));
        Assert.True((await ErrorsAsync(await head.GetAsync($"{Api(slug)}/export.xlsx?full=true"))).TryGetProperty("reason", out _));

        var audit = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("核实法律援助申请人身份", audit);
        Assert.Contains("移交县法律援助中心", audit);
        Assert.Contains("刘德华", audit);
        Assert.DoesNotContain(IdNumber, audit);
    }

    [Fact]
    public async Task A_full_export_imports_into_another_township_and_a_file_with_a_bad_row_imports_nothing()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk, LegalServicesPlatform.Reader);
        var answered = await RegisterAsync(head, slug, "2020-06-01T09:00");
        await StepAsync(head, slug, answered, "answer", new() { ["at"] = "2020-06-01T09:20", ["answer"] = "依法解答" });
        var routed = await RegisterAsync(head, slug, "2020-06-02T09:00", "Letter");
        await StepAsync(head, slug, routed, "routing", new() { ["at"] = "2020-06-02T10:00", ["window"] = "Notary", ["note"] = "预约公证" });
        await RegisterAsync(head, slug, "2020-06-03T09:00", "Phone");
        var full = await head.GetByteArrayAsync($"{Api(slug)}/export.xlsx?full=true&reason=迁移登记簿");

        var other = await Modular.Testing.Scenario.CreateTownshipAsync(admin, LegalServicesPlatform.Module);
        var clerk = await platform.SignedInClientAsync(await Modular.Testing.Scenario.CreateUserAsync(admin, other, LegalServicesPlatform.Clerk), Modular.Testing.Scenario.Password);
        var imported = await ImportAsync(clerk, other, full);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var list = await clerk.GetFromJsonAsync<JsonElement>(Api(other));
        Assert.Equal(3, list.GetProperty("total").GetInt64());
        Assert.Equal(["Registered", "Routed", "Answered"], list.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("state").GetString()));
        Assert.Equal("Notary", list.GetProperty("rows")[1].GetProperty("window").GetString());

        // The masked export cannot be imported: its masked ID numbers and phones are refused, row by row, and nothing is taken.
        var masked = await head.GetByteArrayAsync($"{Api(slug)}/export.xlsx");
        var refused = await ImportAsync(clerk, other, masked);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "身份证号码");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "联系电话");
        Assert.Equal(3, (await clerk.GetFromJsonAsync<JsonElement>(Api(other))).GetProperty("total").GetInt64());
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] workbook)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "register.xlsx");
        return await client.PostAsync($"{Api(slug)}/import", content);
    }

    private static IEnumerable<string> Cells(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query().Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
    }
}
