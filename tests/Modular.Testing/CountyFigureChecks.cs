using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace Modular.Testing;

/// <summary>A host with the demo on and the demo staff's password known: the county office and the township's administrator sign in.</summary>
public class CountyDemoPlatform(string plugins) : PlatformFactory(plugins, demo: true)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Modular:DemoPassword", CountyFigureChecks.DemoPassword);
    }
}

/// <summary>
/// A module's county figures (ICountyFigures) against its own annual report, on the demo township: the county office
/// of the demo's county reads the figure from <c>/api/county/{county}/figures</c>, the township's administrator reads
/// the same figure from the township's annual report page, and the two must agree, year by year.
/// </summary>
public static class CountyFigureChecks
{
    public const string DemoPassword = "Demo-Passw0rd";
    public const string DemoTownship = "yemachuan";
    public const string DemoCounty = "520527";

    /// <param name="figures">The county column (<c>module.figure</c>) and the annual report's label of the same figure, per year.</param>
    public static async Task SameAsAnnualReportAsync(PlatformFactory platform, IEnumerable<int> years, params (string Column, Func<int, string> ReportLabel)[] figures)
    {
        var county = await platform.SignedInClientAsync("county-office", DemoPassword);
        var township = await platform.SignedInClientAsync("township-admin", DemoPassword);
        foreach (var year in years)
        {
            var view = await county.GetFromJsonAsync<JsonElement>($"/api/county/{DemoCounty}/figures?year={year}");
            var row = view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("township").GetString() == DemoTownship);
            var report = await township.GetStringAsync($"/t/{DemoTownship}/annual-report?year={year}");
            foreach (var (column, label) in figures)
            {
                var match = Regex.Match(report, "<li[^>]*>" + Regex.Escape(label(year)) + "：<strong>([^<]+)</strong>");
                Assert.True(match.Success, $"the {year} report has no figure {label(year)}");
                var reported = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.True(row.GetProperty("values").TryGetProperty(column, out var value), $"the county has no column {column}");
                Assert.True(reported == value.GetDecimal(), $"{year} {column}: the county shows {value.GetDecimal()}, the township's report {reported}");
            }
        }
    }

    /// <summary>The years worth comparing: the demo's year (2020) and the two the test clock sits in.</summary>
    public static IEnumerable<int> Years(PlatformFactory platform)
    {
        var today = Modular.Kit.TownshipTime.Today(platform.Clock).Year;
        return new[] { 2020, today - 1, today }.Distinct();
    }
}
