using System.Net;
using Microsoft.AspNetCore.Hosting;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// An instance serving a province turns the append counter's township dimension off
/// (<c>Modular:Telemetry:AppendsByTownship=false</c>): one series per event type, whatever the number of townships.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryAppendCounterTests : IClassFixture<TelemetryAppendCounterTests.ByTypePlatform>
{
    private readonly ByTypePlatform _platform;

    public TelemetryAppendCounterTests(ByTypePlatform platform) => _platform = platform;

    [Fact]
    public async Task Without_the_township_dimension_appended_events_are_counted_by_type_alone()
    {
        var (_, first, clerk) = await _platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var (_, second, other) = await _platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        using var scraper = new HttpClient { BaseAddress = _platform.ServerAddress }; // from 127.0.0.1: the machine itself
        // A meter provider hears every live host's Marten meter: count from what it showed before, not from zero.
        var before = (await OpenedSeriesAsync(scraper)).Sum(s => s.Value);

        await Notebook.OpenMatterAsync(clerk, first, "路灯报修", Notebook.Today(_platform));
        await Notebook.OpenMatterAsync(other, second, "河道清理", Notebook.Today(_platform));

        var series = await OpenedSeriesAsync(scraper);
        for (var i = 0; i < 50 && series.Sum(s => s.Value) < before + 2; i++)
        {
            await Task.Delay(200);
            series = await OpenedSeriesAsync(scraper);
        }

        var only = Assert.Single(series);
        Assert.Equal("marten_event_append_events_total{otel_scope_name=\"Marten\",event_type=\"notebook.matter-opened.v1\"}", only.Name);
        Assert.Equal(before + 2, only.Value);
        Assert.DoesNotContain(first, only.Name, StringComparison.Ordinal);
    }

    private static async Task<List<(string Name, long Value)>> OpenedSeriesAsync(HttpClient scraper)
    {
        var scrape = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        return [.. (await scrape.Content.ReadAsStringAsync()).Split('\n')
            .Where(l => l.StartsWith("marten_event_append_events_total{", StringComparison.Ordinal) && l.Contains("notebook.matter-opened.v1", StringComparison.Ordinal))
            .Select(l => (l[..l.LastIndexOf(' ')], long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    public sealed class ByTypePlatform() : PlatformFactory(TestPlugins.NotebookRoot, kestrel: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:Telemetry:Enabled", "true");
            builder.UseSetting("Modular:Telemetry:AppendsByTownship", "false");
        }
    }
}
