using System.Text.Json;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// The demo's pages as a clerk and the public see them, in Chromium, in both languages, on a 1280 px screen and a 390 px
/// phone: measured from the laid-out page (element positions, overflow), not by eye.
/// </summary>
[Collection(DemoYearCollection.Name)]
public sealed class DemoPagesTests(DemoYearPlatform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string T = DemoYearPlatform.Township;

    private static readonly string[] EveryModuleRole =
    [
        "mediation.petition-clerk", "mediation.mediator", "mediation.center-head", "mediation.household-registrar",
        "open-government.clerk", "open-government.reviewer", "open-government.judicial-office",
        "legal-services.station-clerk", "legal-services.counsel", "legal-services.judicial-office-head",
        "law-study.study-clerk", "law-study.exam-organiser", "law-study.enforcement-supervisor", "law-study.head",
    ];

    public static TheoryData<int, string> Screens => new() { { 1280, "zh-CN" }, { 1280, "en" }, { 390, "zh-CN" }, { 390, "en" } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_side_navigation_lists_each_modules_entries_one_under_the_other_and_none_is_cut_off(int width, string language)
    {
        var admin = await platform.AdminClientAsync();
        var user = await Scenario.CreateUserAsync(admin, T, EveryModuleRole);
        var page = await OpenAsync(width, language, user, Scenario.Password, $"/t/{T}");
        if (width < 600)
        {
            await page.Locator("nav.side .nav-toggle").ClickAsync(); // on a phone the entries are under the menu
        }

        var modules = await page.EvaluateAsync<JsonElement>("""
            () => {
              const nav = document.querySelector('nav.side').getBoundingClientRect();
              return [...document.querySelectorAll('nav.side .module')].map(m => [...m.querySelectorAll('a')].map(a => {
                const r = a.getBoundingClientRect();
                const broken = a.textContent.trim().split(/\s+/).some(word => {
                  const text = [...a.childNodes].find(n => n.nodeType === 3 && n.textContent.includes(word));
                  if (!text || word.length < 2) return false;
                  const range = document.createRange();
                  const at = text.textContent.indexOf(word);
                  range.setStart(text, at); range.setEnd(text, at + word.length);
                  return new Set([...range.getClientRects()].map(c => Math.round(c.top))).size > 1;
                });
                return { text: a.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height,
                         cut: a.scrollWidth > a.clientWidth + 1, broken, navLeft: nav.left, navRight: nav.right };
              }));
            }
            """);
        Assert.Equal(4, modules.GetArrayLength());
        var lineHeight = modules.EnumerateArray().SelectMany(m => m.EnumerateArray()).Min(e => e.GetProperty("height").GetDouble());
        foreach (var entries in modules.EnumerateArray().Select(m => m.EnumerateArray().ToList()))
        {
            Assert.NotEmpty(entries);
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                var text = e.GetProperty("text").GetString();
                Assert.True(e.GetProperty("left").GetDouble() >= e.GetProperty("navLeft").GetDouble() - 0.5 && e.GetProperty("right").GetDouble() <= e.GetProperty("navRight").GetDouble() + 0.5,
                    $"「{text}」 reaches outside the navigation");
                Assert.False(e.GetProperty("cut").GetBoolean(), $"「{text}」 is cut off");
                Assert.False(e.GetProperty("broken").GetBoolean(), $"「{text}」 breaks inside a word");
                if (language == "zh-CN")
                {
                    Assert.True(e.GetProperty("height").GetDouble() < lineHeight * 1.5, $"「{text}」 wraps");
                }

                if (i > 0)
                {
                    Assert.True(e.GetProperty("top").GetDouble() >= entries[i - 1].GetProperty("bottom").GetDouble() - 0.5, $"「{text}」 is not under 「{entries[i - 1].GetProperty("text").GetString()}」");
                }
            }
        }

        if (width < 600)
        {
            var (navBottom, mainTop) = await BoxesAsync(page, "nav.side", "main");
            Assert.True(navBottom <= mainTop + 0.5, "on a phone the navigation sits above the content");
        }

        await AssertNoHorizontalOverflowAsync(page);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task On_a_phone_the_navigation_folds_under_a_menu_button_so_the_pages_heading_is_on_the_first_screen(string language)
    {
        var admin = await platform.AdminClientAsync();
        var user = await Scenario.CreateUserAsync(admin, T, EveryModuleRole);
        var page = await OpenAsync(390, language, user, Scenario.Password, $"/t/{T}/mediation/petitions");
        await page.SetViewportSizeAsync(390, 844);
        var toggle = page.Locator("nav.side .nav-toggle");
        var links = page.Locator("nav.side .side-links");

        // Folded: one button naming where the user is, the page's heading on the first screen.
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-controls", "side-links");
        await Assertions.Expect(links).ToBeHiddenAsync();
        var active = (await page.Locator("nav.side .side-links a.active").TextContentAsync())!.Trim();
        await Assertions.Expect(toggle.Locator(".nav-current")).ToHaveTextAsync(active);
        var heading = await page.Locator("main h1").BoundingBoxAsync();
        Assert.NotNull(heading);
        Assert.True(heading.Y + heading.Height <= 844, $"the page's heading ends {heading.Y + heading.Height} px down a 844 px screen");
        var (navBottom, mainTop) = await BoxesAsync(page, "nav.side", "main");
        Assert.True(navBottom - (await toggle.BoundingBoxAsync())!.Y < 80, "the folded navigation is more than one row");
        Assert.True(navBottom <= mainTop + 0.5, "the folded navigation sits above the content");

        // Opened: every entry, and one of them followed.
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(links).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav.side .module")).ToHaveCountAsync(4);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(links).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await page.Locator($"nav.side .side-links a[href='/t/{T}/annual-report']").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/annual-report$"));
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await AssertNoHorizontalOverflowAsync(page);

        // A wide screen has no menu button: every entry is shown beside the content.
        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(toggle).ToBeHiddenAsync();
        await Assertions.Expect(links).ToBeVisibleAsync();
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_due_date_and_its_state_are_set_apart(int width, string language)
    {
        var page = await OpenAsync(width, language, "mediation.petition-clerk", DemoTownshipTests.DemoPassword, $"/t/{T}/mediation/petitions");

        var due = page.Locator("#petitions .due-on[data-overdue='true']").First;
        await Assertions.Expect(due.Locator(".due-state")).ToHaveTextAsync(language == "en" ? "Overdue" : "已逾期");
        var apart = await due.EvaluateAsync<JsonElement>("""
            d => { const t = d.querySelector('time').getBoundingClientRect(), s = d.querySelector('.due-state').getBoundingClientRect();
                   return { gap: s.left - t.right, below: s.top >= t.bottom - 1 }; }
            """);
        Assert.True(apart.GetProperty("below").GetBoolean() || apart.GetProperty("gap").GetDouble() >= 4, $"the state touches the date (gap {apart.GetProperty("gap").GetDouble()} px)");
        await AssertNoHorizontalOverflowAsync(page);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Legal_services_registers_show_each_due_date_and_its_state_as_the_kits_due_date_never_run_together(int width, string language)
    {
        var page = await OpenAsync(width, language, "legal-services.station-clerk", DemoTownshipTests.DemoPassword, $"/t/{T}/legal-services/consultations");
        // The consultations' register has open letters and online messages; the demo's legal-aid applications are all
        // decided, so their clocks are read on an application's own page.
        await page.GotoAsync($"/t/{T}/legal-services/legal-aid");
        var application = await page.Locator("main table a[href*='/legal-aid/']").First.GetAttributeAsync("href");
        foreach (var path in new[] { $"/t/{T}/legal-services/consultations", application! })
        {
            await page.GotoAsync(path);

            var dates = await page.EvaluateAsync<JsonElement>("""
                () => ({ kit: document.querySelectorAll('main .due-on time').length,
                         inline: [...document.querySelectorAll('main td, main dd, main li')].filter(e => /（已(逾|超)期）|\(overdue\)/.test(e.textContent)).length })
                """);
            Assert.True(dates.GetProperty("kit").GetInt32() > 0, $"{path} shows no due date through the kit's DueOn");
            Assert.Equal(0, dates.GetProperty("inline").GetInt32());
            var overdue = page.Locator("main .due-on[data-overdue='true']");
            if (await overdue.CountAsync() > 0)
            {
                await Assertions.Expect(overdue.First.Locator(".due-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(language == "en" ? "^Overdue$" : "^已(逾|超)期$"));
            }

            await AssertNoHorizontalOverflowAsync(page);
        }
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_records_fields_sit_label_beside_value_on_a_wide_screen_and_label_above_value_on_a_phone(int width, string language)
    {
        var page = await OpenAsync(width, language, "mediation.petition-clerk", DemoTownshipTests.DemoPassword, $"/t/{T}/mediation/petitions");
        await page.Locator("#petitions tbody a").First.ClickAsync();
        await Assertions.Expect(page.Locator("main dl dt").First).ToBeVisibleAsync();

        var pairs = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('main dl dt')].slice(0, 4).map(dt => {
              const dd = dt.nextElementSibling.getBoundingClientRect(), t = dt.getBoundingClientRect();
              return { dtLeft: t.left, dtRight: t.right, dtTop: t.top, dtBottom: t.bottom, ddLeft: dd.left, ddTop: dd.top };
            })
            """);
        Assert.True(pairs.GetArrayLength() >= 2);
        foreach (var p in pairs.EnumerateArray())
        {
            if (width >= 600)
            {
                Assert.True(Math.Abs(p.GetProperty("ddTop").GetDouble() - p.GetProperty("dtTop").GetDouble()) < 4 && p.GetProperty("ddLeft").GetDouble() >= p.GetProperty("dtRight").GetDouble(),
                    "on a wide screen the value sits to the right of its label");
            }
            else
            {
                Assert.True(p.GetProperty("ddTop").GetDouble() >= p.GetProperty("dtBottom").GetDouble() - 1 && Math.Abs(p.GetProperty("ddLeft").GetDouble() - p.GetProperty("dtLeft").GetDouble()) < 2,
                    "on a phone the value sits under its label");
            }
        }

        // Two fields on two rows: the grid keeps one field per row, not one per two lines.
        var rows = pairs.EnumerateArray().Select(p => Math.Round(p.GetProperty("dtTop").GetDouble())).Distinct().Count();
        Assert.Equal(pairs.GetArrayLength(), rows);
        await AssertNoHorizontalOverflowAsync(page);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_portals_power_list_is_a_table_on_a_wide_screen_and_readable_cards_on_a_phone(int width, string language)
    {
        var page = await OpenAsync(width, language, null, null, $"/t/{T}/open-government/portal/power-list");

        var row = page.Locator("#portal-power-items tbody tr").First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var cells = await row.EvaluateAsync<JsonElement>("""
            tr => [...tr.children].map(td => { const r = td.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, width: r.width, label: td.dataset.label || '' }; })
            """);
        var list = cells.EnumerateArray().ToList();
        Assert.Equal(7, list.Count);
        if (width >= 600)
        {
            await Assertions.Expect(page.Locator("#portal-power-items thead")).ToBeVisibleAsync();
            for (var i = 1; i < list.Count; i++)
            {
                Assert.True(list[i].GetProperty("left").GetDouble() >= list[i - 1].GetProperty("right").GetDouble() - 1, "the cells of a row sit side by side");
            }
        }
        else
        {
            await Assertions.Expect(page.Locator("#portal-power-items thead")).ToBeHiddenAsync();
            var heading = language == "en" ? "Legal basis" : "设定依据";
            Assert.Contains(list, c => c.GetProperty("label").GetString() == heading);
            foreach (var c in list)
            {
                // A card's line is as wide as the card: no value squeezed to one character per line.
                Assert.True(c.GetProperty("width").GetDouble() >= 300, $"a cell of {c.GetProperty("width").GetDouble()} px");
                Assert.NotEqual("", c.GetProperty("label").GetString());
            }

            for (var i = 1; i < list.Count; i++)
            {
                Assert.True(list[i].GetProperty("top").GetDouble() > list[i - 1].GetProperty("top").GetDouble(), "a card's cells stack");
            }
        }

        await AssertNoHorizontalOverflowAsync(page);
    }

    private async Task<IPage> OpenAsync(int width, string language, string? userName, string? password, string path)
    {
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await page.SetViewportSizeAsync(width, 900);
        if (userName is not null)
        {
            await Chromium.SignInAsync(page, userName, password!);
        }

        await page.GotoAsync($"/language/{language}?returnUrl={Uri.EscapeDataString(path)}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        return page;
    }

    private static async Task<(double First, double Second)> BoxesAsync(IPage page, string first, string second)
    {
        var boxes = await page.EvaluateAsync<double[]>($"() => [document.querySelector('{first}').getBoundingClientRect().bottom, document.querySelector('{second}').getBoundingClientRect().top]");
        return (boxes[0], boxes[1]);
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<double[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0] <= sizes[1], $"the page is {sizes[0]} px wide on a {sizes[1]} px screen");
    }
}
