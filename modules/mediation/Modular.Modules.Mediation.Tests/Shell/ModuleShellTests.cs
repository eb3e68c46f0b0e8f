using System.Net;
using Modular.Testing;

namespace Modular.Modules.Mediation.Tests.Shell;

/// <summary>How the host's shell shows a module of several areas: its root lands on a page the user may open, its figures sit under one heading.</summary>
[Collection(MediationCollection.Name)]
public sealed class ModuleShellTests(MediationPlatform platform)
{
    [Fact]
    public async Task The_modules_root_lands_on_the_first_page_each_role_may_open()
    {
        var (admin, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], "mediation.mediator");
        var root = await mediator.GetAsync($"/t/{slug}/mediation");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal($"/t/{slug}/mediation/disputes", new Uri(new Uri("http://localhost"), root.Headers.Location!).AbsolutePath);

        var registrar = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "mediation.household-registrar"), Scenario.Password);
        var landing = await registrar.GetAsync($"/t/{slug}/mediation");
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync(landing.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task A_member_without_the_modules_roles_is_told_so_at_its_root_and_a_module_not_enabled_is_not_found()
    {
        var (admin, slug, townshipAdmin) = await platform.TownshipWithUserAsync([MediationPlatform.Module], "township-admin");
        var closed = await townshipAdmin.GetAsync($"/t/{slug}/mediation");
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        Assert.Contains("没有“矛盾纠纷多元化解”的角色", await closed.Content.ReadAsStringAsync());

        await Scenario.SetModuleAsync(admin, slug, MediationPlatform.Module, enabled: false);
        Assert.Equal(HttpStatusCode.NotFound, (await townshipAdmin.GetAsync($"/t/{slug}/mediation")).StatusCode);
    }

    [Fact]
    public async Task The_township_home_shows_the_modules_figures_from_all_its_areas_under_one_heading()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], "mediation.center-head", "mediation.petition-clerk", "mediation.household-registrar");
        var home = await head.GetStringAsync($"/t/{slug}");
        Assert.Equal(1, Occurrences(home, "<div class=\"figures\" data-module=\"mediation\""));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
