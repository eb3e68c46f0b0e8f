using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.PowerList;

/// <summary>A host started with the demo on, as <c>./run.sh</c> starts it: the host seeds 野马川镇 through the module's demo hook.</summary>
public sealed class PowerListDemoStartupTests(PowerListDemoStartupTests.DemoPlatform platform) : IClassFixture<PowerListDemoStartupTests.DemoPlatform>
{
    public sealed class DemoPlatform() : PlatformFactory(OpenGovernmentPlatform.Plugins)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:Demo", "true");
        }
    }

    [Fact]
    public async Task The_demo_township_starts_with_its_list_history_and_seeding_again_adds_nothing()
    {
        var admin = await platform.AdminClientAsync();
        var judicial = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", PowerListScenario.JudicialOffice), Scenario.Password);

        var list = await judicial.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/open-government/power-list?asOf=2020-12-31");
        var again = await (await judicial.PostAsync("/api/t/yemachuan/open-government/power-list/demo", null)).Content.ReadFromJsonAsync<JsonElement>();
        var proposals = await judicial.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/open-government/power-list/proposals");

        Assert.Equal(PowerListScenario.Counts2020, PowerListScenario.Counts(list));
        Assert.False(again.GetProperty("seeded").GetBoolean());
        Assert.Equal(5, proposals.GetArrayLength());
        Assert.Single(proposals.EnumerateArray(), p => p.GetProperty("status").GetString() == "rejected");
    }
}
