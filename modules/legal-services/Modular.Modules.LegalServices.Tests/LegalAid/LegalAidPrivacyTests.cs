using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using Modular.Testing;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>ID numbers, phones, addresses and means masked in the API, the pages, the register's file and the papers; reveals audited.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class LegalAidPrivacyTests(LegalServicesPlatform platform)
{
    private const string Means = "家庭年收入约8000元，无存款";

    [Fact]
    public async Task The_api_and_the_page_show_personal_data_masked()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await ReceiveAsync(liaison, slug);
        var json = (await liaison.GetStringAsync($"{Api(slug)}/{Id(a)}")) + await liaison.GetStringAsync(Api(slug));
        var page = await liaison.GetStringAsync($"/t/{slug}/legal-services/legal-aid/{Id(a)}");
        var register = await liaison.GetStringAsync($"/t/{slug}/legal-services/legal-aid");

        Assert.Equal(ApplicantId[..6] + "********" + ApplicantId[^4..], a.GetProperty("applicant").GetProperty("idNumber").GetString());
        AssertMasked(json, page, register);
        Assert.Contains("王桂兰", page);
        Assert.DoesNotContain("查看理由", page); // no reveal control without the permission
    }

    [Fact]
    public async Task A_reveal_needs_the_permission_and_a_reason_and_the_township_admin_sees_who_revealed_what_and_why()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var liaison = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Liaison), Scenario.Password);
        var a = await ReceiveAsync(head, slug);
        var reveal = $"{Api(slug)}/{Id(a)}/applicant/reveal";

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync(reveal, new { field = "IdNumber", reason = "核对身份" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostAsJsonAsync(reveal, new { field = "IdNumber", reason = "" })).StatusCode);
        var id = await (await head.PostAsJsonAsync(reveal, new { field = "IdNumber", reason = "核对申请人身份" })).Content.ReadFromJsonAsync<JsonElement>();
        var means = await (await head.PostAsJsonAsync($"{Api(slug)}/{Id(a)}/means/reveal", new { reason = "复核经济困难状况" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(ApplicantId, id.GetProperty("value").GetString());
        Assert.Equal(Means, means.GetProperty("value").GetString());
        var townshipAdmin = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "township-admin"), Scenario.Password);
        var audit = await townshipAdmin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("法律援助申请 2024-0001 / 王桂兰", audit);
        Assert.Contains("核对申请人身份", audit);
        Assert.Contains("复核经济困难状况", audit);
        AssertMasked(audit);
    }

    [Fact]
    public async Task The_register_exports_masked_and_in_full_only_with_the_permission_and_a_reason()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var liaison = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Liaison), Scenario.Password);
        await ReceiveAsync(head, slug);

        var masked = Rows(await liaison.GetByteArrayAsync($"{Api(slug)}/export.xlsx"));
        Assert.Equal("王桂兰", Assert.Single(masked)["申请人"]?.ToString());
        AssertMasked(string.Join("|", masked.SelectMany(r => r.Values).Select(v => v?.ToString())));
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"{Api(slug)}/export.xlsx?full=true&reason=核对")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync($"{Api(slug)}/export.xlsx?full=true")).StatusCode);

        var full = Assert.Single(Rows(await head.GetByteArrayAsync($"{Api(slug)}/export.xlsx?full=true&reason=报送县法律援助中心")));
        Assert.Equal(ApplicantId, full["身份证号码"]?.ToString());
        Assert.Equal(Means, full["经济困难状况"]?.ToString());
    }

    [Fact]
    public async Task The_papers_are_filled_from_the_record_masked_and_a_full_form_needs_the_permission_and_a_reason()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var liaison = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Liaison), Scenario.Password);
        var a = await ReceiveAsync(head, slug);
        var papers = $"{Api(slug)}/{Id(a)}";
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"{papers}/materials-notice.docx")).StatusCode);
        a = await StepAsync(head, slug, a, "materials-request", new() { ["on"] = "2024-03-01", ["missing"] = "劳动合同或工资条\n经济困难状况说明表" });
        a = await StepAsync(head, slug, a, "materials-supplied", new() { ["on"] = "2024-03-04", ["items"] = "工资条" });
        a = await StepAsync(head, slug, a, "forwarding", new() { ["at"] = "2024-03-04 10:00", ["letterNumber"] = "野法援转〔2024〕1号" });

        var form = Text(await liaison.GetByteArrayAsync($"{papers}/application-form.docx"));
        var receipt = Text(await liaison.GetByteArrayAsync($"{papers}/receipt.docx"));
        var notice = Text(await liaison.GetByteArrayAsync($"{papers}/materials-notice.docx"));
        var letter = Text(await liaison.GetByteArrayAsync($"{papers}/forwarding-letter.docx"));

        Assert.Contains("法律援助申请表", form);
        Assert.Contains("在县城工地务工被拖欠工资12600元", form);
        Assert.Contains("请求确认劳动关系或者支付劳动报酬", form);
        Assert.Contains("身份证复印件", receipt);
        Assert.Contains("2024-03-01 09:30", receipt);
        Assert.Contains("补充材料通知书", notice);
        Assert.Contains("劳动合同或工资条", notice);
        Assert.Contains("经济困难状况说明表", notice);
        Assert.Contains("2024年3月18日", notice);
        Assert.Contains("野法援转〔2024〕1号", letter);
        Assert.Contains("县法律援助中心", letter);
        AssertMasked(form, receipt, notice, letter);

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"{papers}/application-form.docx?full=true&reason=打印")).StatusCode);
        var full = Text(await head.GetByteArrayAsync($"{papers}/application-form.docx?full=true&reason=申请人签字"));
        Assert.Contains(ApplicantId, full);
        Assert.Contains(Means, full);
    }

    internal static void AssertMasked(params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(ApplicantId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Address, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Means, text, StringComparison.Ordinal);
        }
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook) =>
        new MemoryStream(workbook).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

    private static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
