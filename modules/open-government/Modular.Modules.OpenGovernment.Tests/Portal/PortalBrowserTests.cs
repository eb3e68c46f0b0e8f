using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Modules.OpenGovernment.Tests.Publications;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;

namespace Modular.Modules.OpenGovernment.Tests.Portal;

public sealed class PortalBrowserTests(OpenGovernmentBrowserPlatform platform, Chromium chromium) : IClassFixture<OpenGovernmentBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_clerk_drafts_and_submits_a_reviewer_publishes_and_a_visitor_finds_it_by_searching_in_chinese()
    {
        // SignedInClientAsync addresses http://localhost, not the Kestrel socket: sign in on the real address instead.
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, AllowAutoRedirect = false, HandleCookies = true });
        Assert.True((await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).IsSuccessStatusCode);
        var slug = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var clerkName = await Scenario.CreateUserAsync(admin, slug, Publishing.Clerk);
        var reviewerName = await Scenario.CreateUserAsync(admin, slug, Publishing.Reviewer);

        var clerk = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(clerk, clerkName, Scenario.Password);
        await clerk.GotoAsync($"/t/{slug}/open-government/publications/new");
        await clerk.FillAsync("input[name='Form.Title']", "关于2026年冬季取暖补贴发放的公告");
        await clerk.SelectOptionAsync("select[name='Form.Category']", "财政信息");
        await clerk.FillAsync("input[name='Form.IssuingOffice']", "镇财政所");
        await clerk.FillAsync("textarea[name='Form.BodyHtml']", "<p>符合条件的困难家庭可领取<strong>取暖补贴</strong>，每户300元。</p>");
        await clerk.ClickAsync("form.publication-editor button[type=submit]");
        await Expect(clerk.Locator("#publication-state")).ToHaveAttributeAsync("data-state", "draft");
        await clerk.ClickAsync("#submit-for-review");
        await Expect(clerk.Locator("#publication-state")).ToHaveAttributeAsync("data-state", "submitted");
        var address = new Uri(clerk.Url).AbsolutePath;

        var reviewer = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(reviewer, reviewerName, Scenario.Password);
        await reviewer.GotoAsync(address);
        await reviewer.CheckAsync("input[name='Approve.ConfidentialityPassed']");
        await reviewer.FillAsync("input[name='Approve.ConfidentialityOpinion']", "不涉密");
        await reviewer.CheckAsync("input[name='Approve.LegalityPassed']");
        await reviewer.FillAsync("input[name='Approve.LegalityOpinion']", "符合规定");
        await reviewer.ClickAsync("#approve");
        await Expect(reviewer.Locator("#publication-state")).ToHaveAttributeAsync("data-state", "published");

        var visitor = await chromium.NewPageAsync(platform.ServerAddress);
        await visitor.GotoAsync($"/t/{slug}/open-government/portal");
        await visitor.FillAsync(".portal-search input[name=q]", "取暖补贴");
        await visitor.ClickAsync(".portal-search button[type=submit]");
        await visitor.ClickAsync("#search-results a:has-text('关于2026年冬季取暖补贴发放的公告')");
        await Expect(visitor.Locator("#publication-title")).ToHaveTextAsync("关于2026年冬季取暖补贴发放的公告");
        await Expect(visitor.Locator("#publication-body strong")).ToHaveTextAsync("取暖补贴");
    }
}
