using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests;

[Collection(OpenGovernmentCollection.Name)]
public sealed class ModuleLoadingTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task The_module_loads_from_the_plugins_folder_with_its_roles_and_navigation()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");

        var modules = await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var module = Assert.Single(modules.EnumerateArray(), m => m.GetProperty("id").GetString() == OpenGovernmentPlatform.Module);
        Assert.Equal("loaded", module.GetProperty("state").GetString());
        var home = await clerk.GetStringAsync($"/t/{slug}");
        Assert.Contains("data-module=\"open-government\"", home);
        Assert.Contains("信息发布", home);
    }
}
