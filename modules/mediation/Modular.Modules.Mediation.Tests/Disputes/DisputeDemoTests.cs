using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Testing;

namespace Modular.Modules.Mediation.Tests.Disputes;

/// <summary>A host started with the demo on: 野马川镇's 2020 disputes in the figures, the report and the ledger.</summary>
public sealed class DisputeDemoTests(DisputeDemoTests.DemoPlatform platform) : IClassFixture<DisputeDemoTests.DemoPlatform>
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
    public async Task The_demo_township_screened_46_disputes_in_2020_and_resolved_all_46()
    {
        var admin = await platform.AdminClientAsync();
        var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", DisputeScenario.Mediator, "mediation.petition-clerk"), Scenario.Password);

        var figures = await mediator.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/mediation/disputes/figures?from=2020-01-01&to=2020-12-31");
        var ledger = await mediator.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/mediation/disputes?from=2020-01-01&to=2020-12-31&state=Archived");
        var report = await mediator.GetStringAsync("/t/yemachuan/annual-report?year=2020");

        Assert.Equal(46, figures.GetProperty("screened").GetInt32());
        Assert.Equal(46, figures.GetProperty("resolved").GetInt32());
        Assert.Equal(0, figures.GetProperty("stillOpen").GetInt32());
        Assert.Equal(46, figures.GetProperty("byCategory").EnumerateArray().Sum(c => c.GetProperty("screened").GetInt32()));
        Assert.Equal(8, figures.GetProperty("byVillage").GetArrayLength());
        Assert.Equal(46, ledger.GetProperty("total").GetInt64());
        Assert.Contains("矛盾纠纷排查46起，化解46起", report);
        Assert.Contains("登记信访事项21件，按期办结18件", report);
        Assert.Contains("目前在册36户", report);
        Assert.Contains("2020年报告矛盾纠纷线索8条，转为纠纷受理0条，当场化解或核实关闭5条", report);

        var page = await mediator.GetStringAsync("/t/yemachuan/mediation/disputes/figures?from=2020-01-01&to=2020-12-31");
        Assert.Contains("data-figure=\"screened\"><a href=\"/t/yemachuan/mediation/disputes?from=2020-01-01&amp;to=2020-12-31\">46</a>", page);
        Assert.Equal(8, page.Split("<tr data-key=").Length - 1 - figures.GetProperty("byCategory").GetArrayLength());
        var junk = await mediator.GetAsync("/t/yemachuan/mediation/disputes/figures?from=yesterday&to=2020-13-45");
        Assert.Equal(System.Net.HttpStatusCode.OK, junk.StatusCode);
        Assert.Contains("data-field=\"from\"", await junk.Content.ReadAsStringAsync());
    }
}
