using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>A host started with the demo on: 野马川镇's 2020 legal aid in the figures, the register and the annual report.</summary>
public sealed class LegalAidDemoTests(LegalServicesDemoPlatform platform) : IClassFixture<LegalServicesDemoPlatform>
{
    [Fact]
    public async Task The_demo_township_relayed_23_civil_legal_aid_cases_in_2020_all_granted()
    {
        var admin = await platform.AdminClientAsync();
        var liaison = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", Liaison), Scenario.Password);

        var figures = await liaison.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/legal-services/legal-aid/figures?from=2020-01-01&to=2020-12-31");
        var register = await liaison.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/legal-services/legal-aid?from=2020-01-01&to=2020-12-31");
        var report = await liaison.GetStringAsync("/t/yemachuan/annual-report?year=2020");
        var page = await liaison.GetStringAsync("/t/yemachuan/legal-services/legal-aid/figures?from=2020-01-01&to=2020-12-31");

        Assert.Equal(23, figures.GetProperty("applications").GetInt32());
        Assert.Equal(23, figures.GetProperty("forwarded").GetInt32());
        Assert.Equal(23, figures.GetProperty("granted").GetInt32());
        Assert.Equal(0, figures.GetProperty("refused").GetInt32());
        Assert.Equal(20, figures.GetProperty("closed").GetInt32());
        Assert.Equal(23, figures.GetProperty("byMatter").EnumerateArray().Sum(m => m.GetProperty("applications").GetInt32()));
        Assert.Equal(23, register.GetProperty("total").GetInt32());
        Assert.Contains("就近受理法律援助申请23件", report);
        Assert.Contains("决定给予法律援助23件、不予法律援助0件", report);
        Assert.Contains("data-figure=\"applications\"", page);
    }
}
