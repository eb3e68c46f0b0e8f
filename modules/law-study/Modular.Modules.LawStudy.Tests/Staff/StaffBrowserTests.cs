using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Modules.LawStudy.Tests.Study;
using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests.Staff;

public sealed class StaffBrowserTests(LawStudyBrowserPlatform platform, Chromium chromium) : IClassFixture<LawStudyBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_head_reveals_one_ID_number_with_a_reason_on_the_entry_page_and_the_township_admin_sees_the_reveal()
    {
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, LawStudyPlatform.Module);
        var user = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StudyClerk, LawStudyPlatform.Head);
        var head = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await head.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Scenario.Password })).EnsureSuccessStatusCode();
        var idNumber = Identities.IdNumber("52052719790505123");
        var created = await head.PostAsJsonAsync($"/api/t/{slug}/law-study/staff",
            new { name = "何军", department = "综合行政执法办公室", post = "城管执法", enforcementPost = true, idNumber, phone = "13985701111", joinedOn = "2020-01-02" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, user, Scenario.Password);
        await page.GotoAsync($"/t/{slug}/law-study/staff");
        await page.ClickAsync("#staff a:text('何军')");
        await Assertions.Expect(page.Locator("#id-number .masked")).Not.ToContainTextAsync(idNumber);
        await page.ClickAsync("#id-number details.reveal summary");
        await page.ClickAsync("#id-number form.reveal-form button[type=submit]");
        await Assertions.Expect(page.Locator("#id-number span.field-error[data-field='reason']")).ToBeVisibleAsync();
        await page.FillAsync("#id-number form.reveal-form input[name='RevealForm.Reason']", "核对执法证申领信息");
        await page.ClickAsync("#id-number form.reveal-form button[type=submit]");
        await Assertions.Expect(page.Locator("#id-number .revealed[data-field='IdNumber']")).ToHaveTextAsync(idNumber);
        await Assertions.Expect(page.Locator(".revealed")).ToHaveCountAsync(1);

        // The change form keeps the ID number on record when its field is left blank.
        await page.ClickAsync("details[data-step='change'] summary");
        await page.FillAsync("details[data-step='change'] input[name='Form.Post']", "执法队长");
        await page.ClickAsync("details[data-step='change'] button[type=submit]");
        await Assertions.Expect(page.Locator("dl.staff-facts")).ToContainTextAsync("执法队长");
        var after = await head.PostAsJsonAsync($"/api/t/{slug}/law-study/staff/{id}/reveal", new { field = "IdNumber", reason = "核对变更" });
        Assert.Equal(idNumber, (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());

        var audit = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("核对执法证申领信息", audit);
        Assert.DoesNotContain(idNumber, audit);
    }
}
