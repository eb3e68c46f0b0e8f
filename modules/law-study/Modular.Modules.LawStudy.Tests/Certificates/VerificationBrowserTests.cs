using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Kit;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;
using static Modular.Modules.LawStudy.Tests.Certificates.CertificateScenario;

namespace Modular.Modules.LawStudy.Tests.Certificates;

/// <summary>Law study alone, on a real socket, for Chromium.</summary>
public sealed class LawStudyBrowserPlatform() : PlatformFactory(LawStudyPlatform.Plugins, kestrel: true);

/// <summary>In Chromium: a member of the public checks the register and verifies certificates; the holder sees their QR code.</summary>
public sealed class VerificationBrowserTests(LawStudyBrowserPlatform platform, Chromium chromium)
    : IClassFixture<LawStudyBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_visitor_verifies_a_valid_and_a_revoked_certificate_from_the_register_and_the_holder_sees_the_qr_code()
    {
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, LawStudyPlatform.Module);
        var supervisorName = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StudyClerk, LawStudyPlatform.EnforcementSupervisor);
        var holderName = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StaffMember);
        var supervisor = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await supervisor.PostAsJsonAsync("/api/auth/login", new { userName = supervisorName, password = Scenario.Password })).EnsureSuccessStatusCode();
        var idNumber = Identities.IdNumber("52052719850312001");
        var holder = await OfficerAsync(supervisor, slug, "何军", holderName, idNumber);
        var today = TownshipTime.Format(TownshipTime.Today(platform.Clock));
        var valid = await IssuedAsync(supervisor, slug, holder, Number(), today);
        var revoked = await IssuedAsync(supervisor, slug, await OfficerAsync(supervisor, slug, "罗永红"), Number(), today);
        await StepAsync(supervisor, slug, revoked, "revocation", today, "违法执法被查处");

        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await page.GotoAsync($"/t/{slug}/law-study/officers");
        await Expect(page.Locator($"#officers tr[data-number='{revoked.GetProperty("number").GetString()}']")).ToContainTextAsync("已吊销");
        await page.ClickAsync($"#officers tr[data-number='{valid.GetProperty("number").GetString()}'] a");
        await Expect(page.Locator("#verify-standing")).ToHaveTextAsync("有效");
        await Expect(page.Locator("#verify-holder")).ToHaveTextAsync("何军");

        await page.FillAsync("#verify-form input[name='number']", revoked.GetProperty("number").GetString()!);
        await page.ClickAsync("#verify-form button[type=submit]");
        await Expect(page.Locator("#verify-result")).ToHaveAttributeAsync("data-standing", "Revoked");
        await Expect(page.Locator("#verify-standing")).ToHaveTextAsync("已吊销");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("13985701234");

        var own = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(own, holderName, Scenario.Password);
        await own.GotoAsync($"/t/{slug}/law-study/certificates/mine");
        await Expect(own.Locator(".certificate .number")).ToHaveTextAsync(valid.GetProperty("number").GetString()!);
        await Expect(own.Locator("body")).Not.ToContainTextAsync(idNumber);
        var drawn = await own.Locator("#certificate-qr").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(drawn > 0, "the QR code image did not load");
        await own.ClickAsync("#verification-link");
        await Expect(own.Locator("#verify-standing")).ToHaveTextAsync("有效");
    }

    [Fact]
    public async Task The_supervisor_records_a_task_on_the_page_is_refused_one_officer_naming_why_and_assigns_a_valid_pair()
    {
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, LawStudyPlatform.Module);
        var supervisorName = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StudyClerk, LawStudyPlatform.EnforcementSupervisor);
        var supervisor = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await supervisor.PostAsJsonAsync("/api/auth/login", new { userName = supervisorName, password = Scenario.Password })).EnsureSuccessStatusCode();
        var today = TownshipTime.Format(TownshipTime.Today(platform.Clock));
        var he = await OfficerAsync(supervisor, slug, "何军");
        var luo = await OfficerAsync(supervisor, slug, "罗永红");
        await IssuedAsync(supervisor, slug, he, Number(), today);
        await IssuedAsync(supervisor, slug, luo, Number(), today);

        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, supervisorName, Scenario.Password);
        await page.GotoAsync($"/t/{slug}/law-study/enforcement/tasks");
        await page.SelectOptionAsync("#record-form select[name='Form.Kind']", "Penalty");
        await page.SelectOptionAsync("#record-form select[name='Form.Category']", "市容环境卫生");
        await page.FillAsync("#record-form input[name='Form.Area']", Area);
        await page.FillAsync("#record-form input[name='Form.Subject']", "集镇商户占道经营");
        await page.ClickAsync("#record-form button[type=submit]");
        await Expect(page.Locator("#task")).ToHaveAttributeAsync("data-state", "Recorded");

        await page.CheckAsync($"#assign-form input[value='{he}']");
        await page.ClickAsync("#assign-form button[type=submit]");
        await Expect(page.Locator("div.error[role=alert]")).ToContainTextAsync("第四十二条");

        await page.CheckAsync($"#assign-form input[value='{he}']");
        await page.CheckAsync($"#assign-form input[value='{luo}']");
        await page.ClickAsync("#assign-form button[type=submit]");
        await Expect(page.Locator("#task")).ToHaveAttributeAsync("data-state", "Assigned");
        await Expect(page.Locator("#task-officers")).ToContainTextAsync("罗永红");
    }
}
