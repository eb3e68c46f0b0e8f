using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests.Consultations;

/// <summary>A host started with the demo on: 野马川镇's 2020 consultations in the figures, the report and the register.</summary>
public sealed class ConsultationDemoTests(ConsultationDemoTests.DemoPlatform platform) : IClassFixture<ConsultationDemoTests.DemoPlatform>
{
    public sealed class DemoPlatform() : PlatformFactory(LegalServicesPlatform.Plugins)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:Demo", "true");
        }
    }

    [Fact]
    public async Task The_demo_station_received_160_consultations_in_2020_over_every_channel_and_topic_and_the_report_counts_them()
    {
        var admin = await platform.AdminClientAsync();
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", LegalServicesPlatform.Clerk), Scenario.Password);

        var figures = await clerk.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/legal-services/consultations/figures?from=2020-01-01&to=2020-12-31");
        Assert.Equal(160, figures.GetProperty("received").GetInt32());
        Assert.Equal(0, figures.GetProperty("open").GetInt32());
        Assert.All(figures.GetProperty("byChannel").EnumerateArray(), c => Assert.True(c.GetProperty("count").GetInt32() > 0));
        Assert.All(figures.GetProperty("byTopic").EnumerateArray(), c => Assert.True(c.GetProperty("count").GetInt32() > 0));
        Assert.True(figures.GetProperty("byWindow").EnumerateArray().Single(w => w.GetProperty("key").GetString() == "PeopleMediation").GetProperty("count").GetInt32() > 0);

        var report = await clerk.GetStringAsync("/t/yemachuan/annual-report?year=2020");
        Assert.Contains("接待群众法律咨询160件", report);
        var register = await clerk.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/legal-services/consultations?from=2020-01-01&to=2020-12-31");
        Assert.Equal(160, register.GetProperty("total").GetInt64());
        Assert.Equal(50, register.GetProperty("rows").GetArrayLength());
    }
}
