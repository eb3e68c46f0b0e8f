using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Petitions;
using Modular.Testing;

namespace Modular.Modules.Mediation.Tests.Liaisons;

/// <summary>A host started with the demo on: 野马川镇's liaisons in every village and the leads they reported in 2020.</summary>
public sealed class LiaisonDemoTests(PetitionDemoTests.DemoPlatform platform) : IClassFixture<PetitionDemoTests.DemoPlatform>
{
    [Fact]
    public async Task The_demo_township_has_liaisons_in_each_of_its_eight_villages_and_eight_leads_of_2020()
    {
        var admin = await platform.AdminClientAsync();
        var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", LiaisonScenario.Mediator), Scenario.Password);

        var roster = await mediator.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/mediation/liaisons");
        var counts = await mediator.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/mediation/liaisons/counts?from=2020-01-01&to=2020-12-31");

        var liaisons = roster.EnumerateArray().ToList();
        Assert.InRange(liaisons.Count, 16, 24);
        Assert.Equal(["丫口村", "双河村", "团结村", "大地村", "水塘村", "红岩村", "营盘村", "野马川村"], liaisons.Select(l => l.GetProperty("village").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.True(liaisons.Select(l => l.GetProperty("role").GetString()).Distinct().Count() >= 5);
        Assert.All(liaisons, l => Assert.Matches(@"^1\d{2}\*{4}\d{4}$", l.GetProperty("phone").GetString()));
        var total = counts.GetProperty("total");
        Assert.Equal(8, total.GetProperty("reported").GetInt32());
        Assert.Equal(5, total.GetProperty("closed").GetInt32());
        Assert.Equal(3, total.GetProperty("open").GetInt32());
        Assert.Equal(0, total.GetProperty("becameDisputes").GetInt32());
    }
}
