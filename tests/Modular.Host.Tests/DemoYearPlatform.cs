using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Extensions;
using Modular.Host.Extensions;
using Modular.Host.Townships;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// What <c>./run.sh</c> serves a newcomer: the real host with the four shipped modules, on Kestrel for the browser, and the
/// demo township 野马川镇 seeded by every module. Shared by the demo-year figures and the page tests (seeding is the slow part).
/// </summary>
public sealed class DemoYearPlatform() : PlatformFactory(Plugins, kestrel: true, demo: true)
{
    public const string Township = "yemachuan";

    /// <summary>The four shipped modules.</summary>
    public static string Plugins => TestPlugins.Set("shipped-modules",
        "Modular.Modules.Mediation", "Modular.Modules.OpenGovernment", "Modular.Modules.LegalServices", "Modular.Modules.LawStudy");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Modular:DemoPassword", DemoTownshipTests.DemoPassword);
    }

    /// <summary>The year's report sections, as every enabled module drafts them for the demo township.</summary>
    public Task<IReadOnlyList<AnnualReportSection>> ReportAsync(int year) => ReportAsync(this, year);

    /// <summary>The year's report sections of the demo township on any host of the four modules.</summary>
    public static async Task<IReadOnlyList<AnnualReportSection>> ReportAsync(PlatformFactory host, int year)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<TownshipDirectory>().FindAsync(Township, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<TownshipContext>().Set(record!);
        return await scope.ServiceProvider.GetRequiredService<TownshipExtensions>().AnnualReportAsync(year, CancellationToken.None);
    }
}

[CollectionDefinition(Name)]
public sealed class DemoYearCollection : ICollectionFixture<DemoYearPlatform>
{
    public const string Name = "demo year";
}
