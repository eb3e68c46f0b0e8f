using Microsoft.Playwright;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>The county's page in Chromium: the chart, sorting by a heading, and a phone's 390 px without the page scrolling sideways.</summary>
public sealed class CountyBrowserTests(CountyBrowserTests.Platform platform, Chromium chromium) : IClassFixture<CountyBrowserTests.Platform>, IClassFixture<Chromium>
{
    public sealed class Platform() : PlatformFactory(TestPlugins.NotebookRoot, kestrel: true);

    [Fact]
    public async Task A_county_officer_reads_the_townships_side_by_side_on_a_desktop_and_on_a_phone()
    {
        var admin = await platform.AdminClientAsync();
        var county = CountyTests.UniqueCounty();
        var townships = new List<string>();
        foreach (var name in new[] { "野马川镇", "妈姑镇", "财神镇", "六曲河镇" })
        {
            townships.Add(await CountyTests.CreateTownshipAsync(admin, county, name + county[^3..]));
        }

        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, townships[2], Notebook.Clerk), Scenario.Password);
        await Notebook.OpenMatterAsync(clerk, townships[2], "调解记录", Notebook.Today(platform));
        var officer = await CountyTests.CreateCountyOfficerAsync(admin, county);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, officer, Scenario.Password);

        // Holding a county office and no township, the officer lands on the county's page.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/county/{county}"));
        await Assertions.Expect(page.Locator("#county-figures tbody tr")).ToHaveCountAsync(4);
        await page.FillAsync("input[name='year']", Modular.Kit.TownshipTime.Today(platform.Clock).Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync(".county-controls button[type=submit]");
        await Assertions.Expect(page.Locator("#county-chart svg g[data-township]")).ToHaveCountAsync(4);

        await page.ClickAsync("#county-figures th a[data-sort='notebook.recorded']");
        await Assertions.Expect(page.Locator("#county-figures tbody tr").First).ToHaveAttributeAsync("data-township", townships[2]);
        await Assertions.Expect(page.Locator($"#county-figures tr[data-township='{townships[2]}'] td[data-column='notebook.recorded']")).ToHaveTextAsync("1");

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ReloadAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow} px at {width} px");
            var chart = await page.Locator("#county-chart svg").BoundingBoxAsync();
            Assert.NotNull(chart);
            Assert.True(chart.X >= 0 && chart.X + chart.Width <= width, $"the chart leaves the screen at {width} px");
        }

        await page.GotoAsync($"/language/en?returnUrl=/county/{county}");
        await Assertions.Expect(page.Locator("#county-figures thead")).ToContainTextAsync("Matters recorded");
        var english = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(english <= 0, $"the English page scrolls sideways by {english} px at 390 px");
    }
}
