using System.Net;
using System.Net.Http.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// The shell's township switcher lists the townships a user holds roles in (a platform admin every one), read from the
/// directory's cache, not from a pass over every township on every page.
/// </summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class TownshipSwitcherTests(NotebookPlatform platform)
{
    [Fact]
    public async Task A_user_with_roles_in_two_townships_can_switch_between_those_two_only_and_one_with_a_single_township_sees_no_switcher()
    {
        var admin = await platform.AdminClientAsync();
        var (first, second, other) = (await Scenario.CreateTownshipAsync(admin, "notebook"), await Scenario.CreateTownshipAsync(admin, "notebook"), await Scenario.CreateTownshipAsync(admin, "notebook"));
        var both = await Scenario.CreateUserAsync(admin, first, "notebook.clerk");
        var granted = await admin.PutAsJsonAsync($"/api/admin/users/{both}/grants", new { grants = new Dictionary<string, string[]> { [first] = ["notebook.clerk"], [second] = ["notebook.reader"] } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var single = await Scenario.CreateUserAsync(admin, other, "notebook.clerk");

        var switcher = Switcher(await PageAsync(await platform.SignedInClientAsync(both, Scenario.Password), $"/t/{first}"));
        Assert.NotNull(switcher);
        Assert.Contains($"href=\"/t/{first}\"", switcher, StringComparison.Ordinal);
        Assert.Contains($"href=\"/t/{second}\"", switcher, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/t/{other}\"", switcher, StringComparison.Ordinal);

        Assert.Null(Switcher(await PageAsync(await platform.SignedInClientAsync(single, Scenario.Password), $"/t/{other}")));

        var everyone = Switcher(await PageAsync(admin, $"/t/{first}"));
        Assert.NotNull(everyone);
        Assert.All(new[] { first, second, other }, slug => Assert.Contains($"href=\"/t/{slug}\"", everyone, StringComparison.Ordinal));
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string? Switcher(string html)
    {
        var start = html.IndexOf("<details class=\"switcher\">", StringComparison.Ordinal);
        return start < 0 ? null : html[start..html.IndexOf("</details>", start, StringComparison.Ordinal)];
    }
}
