using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// What the run command gives a new installation: the demo county and township with every installed module, and its
/// staff, one user per module role, who reach their module's pages.
/// </summary>
public sealed class DemoTownshipTests(DemoTownshipTests.Platform platform) : IClassFixture<DemoTownshipTests.Platform>
{
    public const string DemoPassword = "Demo-Passw0rd";

    public sealed class Platform() : PlatformFactory(TestPlugins.NotebookRoot, demo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:DemoPassword", DemoPassword);
        }
    }

    [Fact]
    public async Task The_demo_township_of_hezhang_county_has_every_installed_module_enabled_and_its_demo_records()
    {
        var admin = await platform.AdminClientAsync();

        var township = await admin.GetFromJsonAsync<JsonElement>("/api/admin/townships/yemachuan");

        var view = township.GetProperty("township");
        Assert.Equal("野马川镇", view.GetProperty("name").GetString());
        Assert.Equal("520527", view.GetProperty("countyCode").GetString());
        Assert.Equal("赫章县", view.GetProperty("countyName").GetString());
        Assert.Equal("notebook", Assert.Single(view.GetProperty("enabledModules").EnumerateArray()).GetString());
        var summary = await admin.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/notebook/public/summary");
        Assert.Equal(2, summary.GetProperty("recorded").GetInt32());
    }

    [Fact]
    public async Task Each_module_role_has_a_demo_user_with_the_shared_password_who_reaches_the_modules_pages()
    {
        foreach (var role in new[] { "notebook.clerk", "notebook.reader" })
        {
            var user = await platform.SignedInClientAsync(role, DemoPassword);
            var me = await user.GetFromJsonAsync<JsonElement>("/api/auth/me");
            Assert.Contains(role, me.GetRawText());

            // The template's module keeps its list at its root; a module that does not lands there through the shell (mediation's tests).
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/t/yemachuan/notebook/matters")).StatusCode);
        }

        var townshipAdmin = await platform.SignedInClientAsync("township-admin", DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await townshipAdmin.GetAsync("/t/yemachuan/admin")).StatusCode);

        // The annual report's drafter and the heads who approve it, with the platform's roles.
        foreach (var role in new[] { "report-clerk", "report-approver" })
        {
            var user = await platform.SignedInClientAsync(role, DemoPassword);
            Assert.Contains(role, (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetRawText());
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/t/yemachuan/annual-report?year=2020")).StatusCode);
        }
    }

    [Fact]
    public async Task A_module_that_is_not_installed_is_not_found_at_its_root()
    {
        var townshipAdmin = await platform.SignedInClientAsync("township-admin", DemoPassword);
        var missing = await townshipAdmin.GetAsync("/t/yemachuan/mediation");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面不存在", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_role_too_long_for_a_user_name_gives_the_modules_initials()
    {
        Assert.Equal("mediation.mediator", Hosting.DemoStaff.UserNameOf("mediation.mediator"));
        Assert.Equal("ls.judicial-office-head", Hosting.DemoStaff.UserNameOf("legal-services.judicial-office-head"));
        Assert.Equal("law-study.enforcement-supervisor", Hosting.DemoStaff.UserNameOf("law-study.enforcement-supervisor"));
    }
}

/// <summary>With the demo off there is no demo township and none of its users.</summary>
public sealed class NoDemoTests(NoDemoTests.Platform platform) : IClassFixture<NoDemoTests.Platform>
{
    public sealed class Platform() : PlatformFactory(TestPlugins.NotebookRoot);

    [Fact]
    public async Task Without_the_demo_no_demo_user_exists()
    {
        var client = platform.AnonymousClient();
        foreach (var userName in new[] { "notebook.clerk", "township-admin", "report-clerk", "report-approver" })
        {
            var signIn = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoTownshipTests.DemoPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        var admin = await platform.AdminClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/townships/yemachuan")).StatusCode);
    }
}
