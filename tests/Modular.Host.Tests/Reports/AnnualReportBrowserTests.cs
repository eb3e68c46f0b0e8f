using Microsoft.Playwright;
using Modular.Host.Tests.Infrastructure;
using Modular.Kit;
using Modular.Testing;

namespace Modular.Host.Tests.Reports;

/// <summary>The report's page in Chromium: a clerk writes and submits, the head approves, the clerk sends.</summary>
public sealed class AnnualReportBrowserTests(AnnualReportBrowserTests.Platform platform, Chromium chromium)
    : IClassFixture<AnnualReportBrowserTests.Platform>, IClassFixture<Chromium>
{
    public sealed class Platform() : PlatformFactory(TestPlugins.NotebookRoot, kestrel: true);

    [Fact]
    public async Task A_clerk_writes_and_submits_the_head_approves_and_the_clerk_sends_the_report_from_its_page()
    {
        var year = TownshipTime.Today(platform.Clock).Year;
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, Notebook.Id);
        var clerkName = await Scenario.CreateUserAsync(admin, slug, Infrastructure.Reports.Clerk);
        var headName = await Scenario.CreateUserAsync(admin, slug, Infrastructure.Reports.Head);
        var report = $"/t/{slug}/annual-report?year={year}";

        var clerk = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(clerk, clerkName, Scenario.Password);
        await clerk.GotoAsync(report);
        await Assertions.Expect(clerk.Locator("#report-state")).ToHaveAttributeAsync("data-state", "new");
        // The notebook's facts stand beside the part people write about the same chapter.
        await Assertions.Expect(clerk.Locator(".report-part[data-part='2-functions-by-law'] .report-facts")).ToContainTextAsync($"{year}年登记事项0件");
        foreach (var (key, text) in Infrastructure.Reports.AllParts())
        {
            await clerk.FillAsync($"textarea[name='part.{key}']", text!);
        }

        await clerk.ClickAsync("#save");
        await Assertions.Expect(clerk.Locator("#done")).ToContainTextAsync("已保存为新版本");
        await Assertions.Expect(clerk.Locator("#versions tr[data-version='1']")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#step-approve")).ToHaveCountAsync(0);
        await clerk.ClickAsync("#step-submit");
        await Assertions.Expect(clerk.Locator("#report-state")).ToHaveAttributeAsync("data-state", "submitted");
        await Assertions.Expect(clerk.Locator("textarea")).ToHaveCountAsync(0);

        var head = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(head, headName, Scenario.Password);
        await head.GotoAsync($"{report}&culture=en");
        await Assertions.Expect(head.Locator("#step-approve")).ToHaveTextAsync("Approve");
        await Assertions.Expect(head.Locator("#report-state")).ToHaveTextAsync("Submitted for the heads' approval");
        await head.GotoAsync($"{report}&culture=zh-CN");
        await Assertions.Expect(head.Locator("[data-written='shortcomings']")).ToHaveTextAsync("执法过程记录还不够全面。");
        await Assertions.Expect(head.Locator("#step-send")).ToHaveCountAsync(0);
        await head.ClickAsync("#step-approve");
        await Assertions.Expect(head.Locator("#report-state")).ToHaveAttributeAsync("data-state", "approved");
        await Assertions.Expect(head.Locator("#no-changes")).ToBeVisibleAsync();

        await clerk.GotoAsync(report);
        await clerk.ClickAsync("#step-send");
        await Assertions.Expect(clerk.Locator("#report-state")).ToHaveAttributeAsync("data-state", "sent");
        await Assertions.Expect(clerk.Locator("#report-state")).ToHaveTextAsync("已报送县级");
        await Assertions.Expect(clerk.Locator("#portal-disabled")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#versions tr[data-version='1']")).ToContainTextAsync("已报送");
        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.ClickAsync("#versions tr[data-version='1'] a.docx"));
        Assert.EndsWith(".docx", download.SuggestedFilename);
    }
}
