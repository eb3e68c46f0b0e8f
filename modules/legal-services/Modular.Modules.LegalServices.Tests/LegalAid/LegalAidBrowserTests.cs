using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Testing;
using static Microsoft.Playwright.Assertions;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>In Chromium, as the judicial office head meets it: receive an application on the page, reveal the ID number with a reason, forward it.</summary>
public sealed class LegalAidBrowserTests(LegalServicesBrowserPlatform platform, Chromium chromium)
    : IClassFixture<LegalServicesBrowserPlatform>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_head_receives_an_application_reveals_the_id_number_with_a_reason_and_forwards_it_to_the_agency()
    {
        // PlatformFactory.SignedInClientAsync builds its client for http://localhost, not the Kestrel socket: sign in here.
        var admin = platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = PlatformFactory.AdminPassword })).EnsureSuccessStatusCode();
        var slug = await Scenario.CreateTownshipAsync(admin, LegalServicesPlatform.Module);
        var head = await Scenario.CreateUserAsync(admin, slug, Head, Liaison);
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        await Chromium.SignInAsync(page, head, Scenario.Password);

        await page.GotoAsync($"/t/{slug}/legal-services/legal-aid/new");
        await page.FillAsync("input[name='Form.ReceivedAt']", "2024-03-01T09:30");
        await page.FillAsync("input[name='Form.ApplicantName']", "王桂兰");
        await page.FillAsync("input[name='Form.ApplicantIdNumber']", ApplicantId);
        await page.FillAsync("input[name='Form.ApplicantPhone']", Phone);
        await page.SelectOptionAsync("select[name='Form.Matter']", "LabourRelationOrWages");
        await page.SelectOptionAsync("select[name='Form.Form']", "LabourMediationArbitration");
        await page.SelectOptionAsync("select[name='Form.Means']", "ExemptGroup");
        await page.FillAsync("textarea[name='Form.Summary']", "在县城工地务工被拖欠工资");
        await page.ClickAsync("#receive-form button[type=submit]");
        // Every refusal beside its field: the exempt group is missing.
        await Expect(page.Locator("span.field-error[data-field='exemptGroup']")).ToBeVisibleAsync();

        await page.SelectOptionAsync("select[name='Form.ExemptGroup']", "MigrantWorkerPayOrInjury");
        await page.ClickAsync("#receive-form button[type=submit]");
        await Expect(page.Locator("small.application-state")).ToHaveAttributeAsync("data-state", "Received");
        await Expect(page.Locator("#applicant dd[data-field='IdNumber'] .masked")).ToHaveTextAsync(ApplicantId[..6] + "********" + ApplicantId[^4..]);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(ApplicantId);

        await page.ClickAsync("#applicant dd[data-field='IdNumber'] details.reveal summary");
        await page.FillAsync("#applicant dd[data-field='IdNumber'] input[name='Reveal.Reason']", "核对申请人身份");
        await page.ClickAsync("#applicant dd[data-field='IdNumber'] form.reveal-form button[type=submit]");
        await Expect(page.Locator("#applicant dd[data-field='IdNumber'] .revealed")).ToHaveTextAsync(ApplicantId);

        // The first allowed step (the notice of missing materials) stands open; forwarding is opened by its summary.
        await page.ClickAsync("details[data-step='forwarding'] summary");
        await page.FillAsync("details[data-step='forwarding'] input[name='Form.At']", "2024-03-01T15:00");
        await page.ClickAsync("details[data-step='forwarding'] button[type=submit]");
        await Expect(page.Locator("small.application-state")).ToHaveAttributeAsync("data-state", "Forwarded");
        await Expect(page.Locator("#forwarding")).ToContainTextAsync("县法律援助中心");
        await Expect(page.Locator("a[data-paper='forwarding-letter']")).ToBeVisibleAsync();
        await Expect(page.Locator(".record-timeline li")).ToHaveCountAsync(2);
    }
}
