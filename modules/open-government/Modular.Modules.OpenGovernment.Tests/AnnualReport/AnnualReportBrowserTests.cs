using System.Net.Http.Json;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.AnnualReport;

public sealed class AnnualReportBrowserTests(OpenGovernmentBrowserPlatform platform, Chromium chromium)
    : IClassFixture<OpenGovernmentBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_clerk_enters_the_years_reconsideration_and_litigation_cases_and_sees_them_in_the_report_tables()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var clerk = await Scenario.CreateUserAsync(admin, slug, "open-government.clerk");
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, clerk, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/open-government/annual-report?year=2025");
        await page.FillAsync("input[name='Form.ReconsiderationUpheld']", "3");
        await page.FillAsync("input[name='Form.ReconsiderationPending']", "1");
        await page.FillAsync("input[name='Form.DirectCorrected']", ""); // the browser itself refuses negatives (min=0)
        await page.ClickAsync("form.review-form button[type=submit]");
        await Assertions.Expect(page.Locator(".field-error[data-field='directCorrected']")).ToBeVisibleAsync();

        await page.FillAsync("input[name='Form.DirectCorrected']", "2");
        await page.ClickAsync("form.review-form button[type=submit]");

        var rows = page.Locator("#review-table tbody tr");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("行政复议");
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(5)).ToHaveTextAsync("4");
        await Assertions.Expect(rows.Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#requests-table tr[data-key='received'] td").Last).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#report-docx")).ToHaveAttributeAsync("href", $"/api/t/{slug}/open-government/annual-report/2025/report.docx");
    }
}
