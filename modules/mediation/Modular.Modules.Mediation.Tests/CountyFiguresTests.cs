using Modular.Testing;

namespace Modular.Modules.Mediation.Tests;

/// <summary>
/// The module's county figures (ICountyFigures, one query per figure across the county's townships) equal the
/// figures of the township's own annual report, on the demo township, for the demo's year and the current ones.
/// </summary>
public sealed class CountyFiguresTests(CountyFiguresTests.Platform platform) : IClassFixture<CountyFiguresTests.Platform>
{
    public sealed class Platform() : CountyDemoPlatform(MediationPlatform.Plugins);

    [Fact]
    public Task Disputes_and_petitions_of_the_county_are_the_townships_own_report_figures() =>
        CountyFigureChecks.SameAsAnnualReportAsync(platform, CountyFigureChecks.Years(platform),
            ("mediation.disputes-screened", _ => "矛盾纠纷排查"),
            ("mediation.disputes-resolved", _ => "矛盾纠纷化解"),
            ("mediation.petitions-received", _ => "受理信访事项"),
            ("mediation.petitions-on-time", _ => "按期办结"));
}
