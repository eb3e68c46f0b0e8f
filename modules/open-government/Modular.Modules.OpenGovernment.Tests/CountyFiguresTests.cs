using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests;

/// <summary>
/// The module's county figures (ICountyFigures, one query per figure across the county's townships) equal the
/// figures of the township's own annual report, on the demo township, for the demo's year and the current ones.
/// </summary>
public sealed class CountyFiguresTests(CountyFiguresTests.Platform platform) : IClassFixture<CountyFiguresTests.Platform>
{
    public sealed class Platform() : CountyDemoPlatform(OpenGovernmentPlatform.Plugins);

    [Fact]
    public Task Power_list_and_disclosure_requests_of_the_county_are_the_townships_own_report_figures() =>
        CountyFigureChecks.SameAsAnnualReportAsync(platform, CountyFigureChecks.Years(platform),
            ("open-government.power-list-items", year => $"{year}年12月31日权责清单事项"),
            ("open-government.disclosure-received", _ => "新收政府信息公开申请"));
}
