using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>What the run command gives a new installation: the demo county and township with every installed module.</summary>
public sealed class DemoTownshipTests(DemoTownshipTests.Platform platform) : IClassFixture<DemoTownshipTests.Platform>
{
    public sealed class Platform() : PlatformFactory(TestPlugins.NotebookRoot, demo: true);

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
}
