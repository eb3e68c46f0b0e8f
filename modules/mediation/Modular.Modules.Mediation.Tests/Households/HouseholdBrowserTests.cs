using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Households.HouseholdScenario;

namespace Modular.Modules.Mediation.Tests.Households;

public sealed class HouseholdBrowserTests(MediationBrowserPlatform platform, Chromium chromium)
    : IClassFixture<MediationBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_registrar_reveals_one_ID_number_with_a_reason_on_the_household_page()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var registrar = await Scenario.CreateUserAsync(admin, slug, Registrar);
        var api = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await api.PostAsJsonAsync("/api/auth/login", new { userName = registrar, password = Scenario.Password })).EnsureSuccessStatusCode();
        var headId = IdNumber(51);
        var (id, _) = await RegisterAsync(api, slug, "张三", headId);
        var spouse = await ChangeAsync(api, slug, id, HttpMethod.Post, "/members", Member("李四", "Spouse", IdNumber(52)));
        Assert.Equal(HttpStatusCode.OK, spouse.StatusCode);
        var head = MemberId(await spouse.Content.ReadFromJsonAsync<JsonElement>(), "张三");
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, registrar, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/mediation/households/{id}");
        var idCell = page.Locator($"tr[data-member='{head}'] td:nth-child(5)");
        await Assertions.Expect(idCell.Locator(".masked")).ToHaveTextAsync(headId[..6] + "********" + headId[^4..]);
        await idCell.Locator("summary").ClickAsync();
        await idCell.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(idCell.Locator("span.field-error[data-field='reason']")).ToBeVisibleAsync();

        await idCell.Locator("input[name='Form.Reason']").FillAsync("办理临时救助核对身份");
        await idCell.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator($"tr[data-member='{head}'] .revealed[data-field='IdNumber']")).ToHaveTextAsync(headId);
        await Assertions.Expect(page.Locator(".revealed")).ToHaveCountAsync(1); // that one field of that one person
        Assert.DoesNotContain(IdNumber(52), await page.ContentAsync());
        await page.GotoAsync($"/t/{slug}/mediation/households/{id}");
        await Assertions.Expect(page.Locator(".revealed")).ToHaveCountAsync(0); // only in that response
    }

    [Fact]
    public async Task A_registrar_uploads_a_ledger_with_a_bad_row_and_the_page_lists_it_and_imports_nothing()
    {
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var registrar = await Scenario.CreateUserAsync(admin, slug, Registrar);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, registrar, Scenario.Password);
        var file = Xlsx.Write(Xlsx.LedgerHeader,
            Xlsx.LedgerRow("0101", "王大明", "户主", IdNumber(61)),
            Xlsx.LedgerRow("0101", "刘秀英", "配偶", IdNumber(62)[..17] + (IdNumber(62)[17] == '0' ? '1' : '0')));

        await page.GotoAsync($"/t/{slug}/mediation/households/import");
        await page.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "台帐.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = file });
        await page.ClickAsync("#import-form button[type=submit]");

        await Assertions.Expect(page.Locator("#import-errors tr[data-row='3']")).ToContainTextAsync("身份证号码");
        await page.GotoAsync($"/t/{slug}/mediation/households");
        await Assertions.Expect(page.Locator("#households")).ToHaveCountAsync(0);
    }
}
