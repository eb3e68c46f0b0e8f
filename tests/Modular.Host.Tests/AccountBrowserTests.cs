using Microsoft.Playwright;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>A clerk ends a forgotten session from the page; the county admin unlocks an account from the users page.</summary>
public sealed class AccountBrowserTests(AccountBrowserTests.Platform platform, Chromium chromium) : IClassFixture<AccountBrowserTests.Platform>, IClassFixture<Chromium>
{
    public sealed class Platform() : PlatformFactory(SecurityPlatform.NoPlugins(), kestrel: true);

    [Fact]
    public async Task A_clerk_ends_the_session_left_open_on_another_computer_and_that_computer_is_signed_out()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin);
        var userName = await Scenario.CreateUserAsync(admin, slug, "township-admin");
        var forgotten = await SignInAsync(userName, Scenario.Password);
        var here = await SignInAsync(userName, Scenario.Password);

        await here.ClickAsync("header a.user");
        await here.ClickAsync("nav.tabs a[href='/account/sessions']");
        await Assertions.Expect(here.Locator("#sessions tbody tr")).ToHaveCountAsync(2);
        await here.ClickAsync("#sessions tbody tr:not(.current) button[type=submit]");
        await Assertions.Expect(here.Locator("p[role=status]")).ToHaveTextAsync("会话已结束。");
        await Assertions.Expect(here.Locator("#sessions tbody tr")).ToHaveCountAsync(1);

        await forgotten.GotoAsync($"/t/{slug}");
        await Assertions.Expect(forgotten).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    [Fact]
    public async Task The_admin_sees_a_locked_account_and_unlocks_it()
    {
        var admin = await platform.AdminClientAsync();
        var userName = await Scenario.CreateUserAsync(admin, await Scenario.CreateTownshipAsync(admin), "township-admin");
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/signin");
            await page.FillAsync("input[name='Form.UserName']", userName);
            await page.FillAsync("input[name='Form.Password']", "Wrong-Passw0rd");
            await page.ClickAsync("button[type=submit]");
        }

        await Assertions.Expect(page.Locator("p.error")).ToContainTextAsync("暂停至");

        var adminPage = await SignInAsync("admin", PlatformFactory.AdminPassword);
        await adminPage.GotoAsync("/admin/users");
        await adminPage.ClickAsync($"button[data-unlock='{userName}']");
        await Assertions.Expect(adminPage.Locator("p[role=status]")).ToContainTextAsync("已解锁");
        await Assertions.Expect(adminPage.Locator($"button[data-unlock='{userName}']")).ToHaveCountAsync(0);

        await adminPage.GotoAsync($"/admin/audit?user={userName}");
        await Assertions.Expect(adminPage.Locator("#audit tr[data-event='unlock']")).ToHaveCountAsync(1);
        await Assertions.Expect(adminPage.Locator("#audit tr[data-event='lockout']")).ToHaveCountAsync(1);
    }

    private async Task<IPage> SignInAsync(string userName, string password)
    {
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await page.GotoAsync("/signin");
        await page.FillAsync("input[name='Form.UserName']", userName);
        await page.FillAsync("input[name='Form.Password']", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("header .user")).ToBeVisibleAsync();
        return page;
    }
}
