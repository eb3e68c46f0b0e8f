using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Petitions;

/// <summary>A host started with the demo on: 野马川镇's 2020 petitions, in the figures, the report and the due list.</summary>
public sealed class PetitionDemoTests(PetitionDemoTests.DemoPlatform platform) : IClassFixture<PetitionDemoTests.DemoPlatform>
{
    public sealed class DemoPlatform() : PlatformFactory(MediationPlatform.Plugins)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:Demo", "true");
        }
    }

    [Fact]
    public async Task The_demo_township_received_21_petitions_in_2020_and_closed_18_on_time()
    {
        var admin = await platform.AdminClientAsync();
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", Clerk), Scenario.Password);

        var figures = await clerk.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/mediation/petitions/figures?from=2020-01-01&to=2020-12-31");
        var report = await clerk.GetStringAsync("/t/yemachuan/annual-report?year=2020");
        var home = await clerk.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/home");

        Assert.Equal(21, figures.GetProperty("received").GetInt32());
        Assert.Equal(18, figures.GetProperty("closedOnTime").GetInt32());
        Assert.Equal(3, figures.GetProperty("stillOpen").GetInt32());
        Assert.Equal(100m, figures.GetProperty("onTimeRate").GetDecimal());
        Assert.Contains("健全矛盾纠纷多元化解机制", report);
        Assert.Contains("登记信访事项21件，按期办结18件", report);
        var due = home.GetProperty("dueItems").EnumerateArray()
            .Where(i => i.GetProperty("moduleId").GetString() == "mediation" && i.GetProperty("item").GetProperty("link").GetString()!.StartsWith("mediation/petitions/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, due.Count);
        Assert.All(due, i => Assert.True(i.GetProperty("overdue").GetBoolean()));
    }
}
