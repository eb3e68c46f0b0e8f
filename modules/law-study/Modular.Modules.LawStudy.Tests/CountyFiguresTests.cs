using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests;

/// <summary>
/// The module's county figures (ICountyFigures, one query per figure across the county's townships) equal the
/// figures of the township's own annual report, on the demo township, for the demo's year and the current ones.
/// </summary>
public sealed class CountyFiguresTests(CountyFiguresTests.Platform platform) : IClassFixture<CountyFiguresTests.Platform>
{
    public sealed class Platform() : CountyDemoPlatform(LawStudyPlatform.Plugins);

    [Fact]
    public Task Study_hours_and_certificates_of_the_county_are_the_townships_own_report_figures() =>
        CountyFigureChecks.SameAsAnnualReportAsync(platform, CountyFigureChecks.Years(platform),
            ("law-study.study-average-hours", _ => "人均学法学时"),
            ("law-study.study-met-target", _ => "达到年度学时目标人数"),
            ("law-study.certified-officers", _ => "持有有效行政执法证的执法人员"));
}
