using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Petitions;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Households.HouseholdScenario;

namespace Modular.Modules.Mediation.Tests.Households;

[Collection(MediationCollection.Name)]
public sealed class HouseholdPrivacyTests(MediationPlatform platform)
{
    private static readonly string HeadId = IdNumber(21);

    [Fact]
    public async Task ID_numbers_phones_and_addresses_are_masked_in_every_API_answer()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, _) = await RegisterAsync(registrar, slug, "张三", HeadId);

        var answers = new[]
        {
            await registrar.GetStringAsync($"/api/t/{slug}/mediation/households/{id}"),
            await registrar.GetStringAsync($"/api/t/{slug}/mediation/households"),
            await registrar.GetStringAsync($"/api/t/{slug}/mediation/households/special-groups"),
            await registrar.GetStringAsync($"/api/t/{slug}/mediation/households/{id}/timeline"),
        };

        AssertNoClearData(answers);
        var head = (await GetAsync(registrar, slug, id)).GetProperty("members")[0];
        Assert.Equal(HeadId[..6] + "********" + HeadId[^4..], head.GetProperty("idNumber").GetString());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var born = new DateOnly(1991, 4, 11); // what IdNumber(21) says
        Assert.Equal(today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0), head.GetProperty("age").GetInt32());
    }

    [Fact]
    public async Task The_ledger_pages_never_show_an_ID_number_phone_or_address_in_clear()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, _) = await RegisterAsync(registrar, slug, "张三", HeadId);
        var member = MemberId(await GetAsync(registrar, slug, id), "张三");

        var pages = new[]
        {
            await registrar.GetStringAsync($"/t/{slug}/mediation/households"),
            await registrar.GetStringAsync($"/t/{slug}/mediation/households/{id}"),
            await registrar.GetStringAsync($"/t/{slug}/mediation/households/{id}/edit"),
            await registrar.GetStringAsync($"/t/{slug}/mediation/households/{id}/members/{member}"),
            await registrar.GetStringAsync($"/t/{slug}/mediation/households/special-groups"),
        };

        AssertNoClearData(pages);
        Assert.Contains(HeadId[..6] + "********" + HeadId[^4..], pages[1]);
    }

    [Fact]
    public async Task The_default_export_is_masked()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        await RegisterAsync(registrar, slug, "张三", HeadId);

        var rows = Xlsx.Read(await registrar.GetByteArrayAsync($"/api/t/{slug}/mediation/households/export.xlsx"));

        Assert.Equal(Xlsx.LedgerHeader, rows[0]);
        var cells = rows.Skip(1).SelectMany(r => r).ToList();
        Assert.Contains("张三", cells);
        Assert.Contains(HeadId[..6] + "********" + HeadId[^4..], cells);
        AssertNoClearData([string.Join("|", cells)]);
    }

    [Fact]
    public async Task A_reveal_is_refused_without_the_permission_and_without_a_reason()
    {
        var (admin, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, _) = await RegisterAsync(registrar, slug, "张三", HeadId);
        var member = MemberId(await GetAsync(registrar, slug, id), "张三");
        var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Mediator), Scenario.Password);

        var forbidden = await RevealAsync(mediator, slug, id, member, "IdNumber", "核对身份");
        var reasonless = await RevealAsync(registrar, slug, id, member, "IdNumber", " ");
        var page = await mediator.GetStringAsync($"/t/{slug}/mediation/households/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("reason", (await PetitionScenario.ErrorsAsync(reasonless)).Keys);
        Assert.DoesNotContain("reveal-form", page);
        Assert.DoesNotContain(HeadId, await forbidden.Content.ReadAsStringAsync() + await reasonless.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reveal_with_a_reason_answers_the_clear_value_and_the_township_admin_sees_who_revealed_what_and_why()
    {
        var (admin, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, number) = await RegisterAsync(registrar, slug, "张三", HeadId);
        var member = MemberId(await GetAsync(registrar, slug, id), "张三");
        var townshipAdmin = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "township-admin"), Scenario.Password);

        var id1 = await RevealAsync(registrar, slug, id, member, "IdNumber", "办理低保核对身份");
        var phone = await RevealAsync(registrar, slug, id, member, "PhoneNumber", "电话回访");
        var address = await RevealAsync(registrar, slug, id, member, "Address", "上门走访");

        Assert.Equal(HeadId, (await id1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        Assert.Equal(HouseholdScenario.Phone, (await phone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        Assert.Equal(Address, (await address.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        var audit = await townshipAdmin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains($"户 {number} / 张三", audit);
        Assert.Contains("办理低保核对身份", audit);
        Assert.Contains("电话回访", audit);
        AssertNoClearData([audit]);
    }

    [Fact]
    public async Task A_full_export_needs_the_permission_and_a_reason_and_is_recorded()
    {
        var (admin, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        await RegisterAsync(registrar, slug, "张三", HeadId);
        var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Mediator), Scenario.Password);
        var townshipAdmin = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "township-admin"), Scenario.Password);
        var export = $"/api/t/{slug}/mediation/households/export.xlsx";

        var forbidden = await mediator.GetAsync($"{export}?full=true&reason=核对");
        var reasonless = await registrar.GetAsync($"{export}?full=true");
        var full = await registrar.GetAsync($"{export}?full=true&reason=报送县民政局核对低保");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("reason", (await PetitionScenario.ErrorsAsync(reasonless)).Keys);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        var cells = Xlsx.Read(await full.Content.ReadAsByteArrayAsync()).SelectMany(r => r).ToList();
        Assert.Contains(HeadId, cells);
        Assert.Contains(HouseholdScenario.Phone, cells);
        var audit = await townshipAdmin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("人口信息台帐 完整导出", audit);
        Assert.Contains("报送县民政局核对低保", audit);
        Assert.DoesNotContain("核对</td>", audit); // the refused export left no record
    }

    private static void AssertNoClearData(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(HeadId, text);
            Assert.DoesNotContain(HouseholdScenario.Phone, text);
            Assert.DoesNotContain(Address, text);
        }
    }
}
