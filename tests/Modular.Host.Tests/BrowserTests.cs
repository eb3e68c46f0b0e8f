using Microsoft.Playwright;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>The IT admin's main path, in Chromium against the host on a real socket.</summary>
public sealed class BrowserTests(BrowserTests.Platform platform, Chromium chromium) : IClassFixture<BrowserTests.Platform>, IClassFixture<Chromium>
{
    public sealed class Platform() : PlatformFactory(TestPlugins.NotebookRoot, kestrel: true);

    [Fact]
    public async Task An_admin_creates_a_township_enables_a_module_sees_its_navigation_then_disables_it_and_it_is_gone()
    {
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        var slug = Scenario.UniqueSlug("b");

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.FillAsync("input[name='Form.UserName']", "admin");
        await page.FillAsync("input[name='Form.Password']", PlatformFactory.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("header .user")).ToHaveTextAsync("平台管理员");

        await page.GotoAsync("/admin/townships");
        await page.FillAsync("input[name='Form.Slug']", slug);
        await page.FillAsync("input[name='Form.Name']", "浏览器镇");
        await page.FillAsync("input[name='Form.Code']", Scenario.UniqueCode());
        await page.FillAsync("input[name='Form.CountyCode']", "520527");
        await page.FillAsync("input[name='Form.CountyName']", "赫章县");
        await page.ClickAsync("form.fields button[type=submit]");
        await Assertions.Expect(page.Locator($"#townships tr[data-slug='{slug}']")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/enablement");
        await page.ClickAsync($"#enablement tr[data-slug='{slug}'] button[data-module='notebook']");
        await Assertions.Expect(page.Locator($"#enablement tr[data-slug='{slug}'] td.on")).ToHaveCountAsync(1);

        // A module's navigation is for those who hold its roles, and the platform admin holds none by default.
        await page.GotoAsync("/admin/users");
        await page.SelectOptionAsync("select[name='Grant.UserName']", "admin");
        await page.SelectOptionAsync("select[name='Grant.Township']", slug);
        await page.CheckAsync("input[name='Grant.Roles'][value='notebook.reader']");
        await page.ClickAsync("form:has(select[name='Grant.UserName']) button[type=submit]");
        await Assertions.Expect(page.Locator("tr[data-user='admin']")).ToContainTextAsync("notebook.reader");

        await page.GotoAsync($"/t/{slug}");
        var entry = page.Locator("nav.side [data-module='notebook'] a");
        await Assertions.Expect(entry).ToHaveTextAsync("事项");
        await entry.ClickAsync();
        await Assertions.Expect(page.Locator("#module-title")).ToHaveTextAsync("记事本");

        await page.GotoAsync("/admin/enablement");
        await page.ClickAsync($"#enablement tr[data-slug='{slug}'] button[data-module='notebook']");
        await Assertions.Expect(page.Locator($"#enablement tr[data-slug='{slug}'] td.off")).ToHaveCountAsync(1);

        await page.GotoAsync($"/t/{slug}");
        await Assertions.Expect(page.Locator("nav.side [data-module='notebook']")).ToHaveCountAsync(0);
        var closed = await page.GotoAsync($"/t/{slug}/notebook");
        Assert.Equal(404, closed!.Status);
    }
}
