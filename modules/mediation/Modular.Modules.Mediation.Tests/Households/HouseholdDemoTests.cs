using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Petitions;
using Modular.Testing;

namespace Modular.Modules.Mediation.Tests.Households;

/// <summary>A host started with the demo on: 野马川镇's ledger, on the dashboard and in the special-group lists.</summary>
public sealed class HouseholdDemoTests(PetitionDemoTests.DemoPlatform platform) : IClassFixture<PetitionDemoTests.DemoPlatform>
{
    [Fact]
    public async Task The_demo_ledger_has_36_households_with_six_people_in_each_special_group_on_the_dashboard()
    {
        var admin = await platform.AdminClientAsync();
        var registrar = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", HouseholdScenario.Registrar), Scenario.Password);

        var home = await registrar.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/home");
        var lists = await registrar.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/mediation/households/special-groups");
        var export = Xlsx.Read(await registrar.GetByteArrayAsync("/api/t/yemachuan/mediation/households/export.xlsx"));

        var figures = home.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("36", figures["在册户数"]);
        Assert.Equal("30", figures["特殊群体人数"]);
        Assert.All(lists.EnumerateArray(), l =>
        {
            Assert.Equal(6, l.GetProperty("total").GetInt32());
            Assert.True(l.GetProperty("villages").GetArrayLength() > 1);
        });
        Assert.Equal(1 + 96, export.Count); // the header and one row per member
    }
}
