using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests;

/// <summary>
/// The module's county figures (ICountyFigures, one query per figure across the county's townships) equal the
/// figures of the township's own annual report, on the demo township, for the demo's year and the current ones.
/// </summary>
public sealed class CountyFiguresTests(CountyFiguresTests.Platform platform) : IClassFixture<CountyFiguresTests.Platform>
{
    public sealed class Platform() : CountyDemoPlatform(LegalServicesPlatform.Plugins);

    [Fact]
    public Task Counsel_and_legal_aid_of_the_county_are_the_townships_own_report_figures() =>
        CountyFigureChecks.SameAsAnnualReportAsync(platform, CountyFigureChecks.Years(platform),
            ("legal-services.counsel-meetings", _ => "法律顾问参与决策会议"),
            ("legal-services.counsel-opinions", _ => "提供法律意见"),
            ("legal-services.counsel-documents-revised", _ => "修订合同、方案"),
            ("legal-services.counsel-cases", _ => "代理行政、民事案件"),
            ("legal-services.legal-aid-applications", _ => "受理法律援助申请"),
            ("legal-services.legal-aid-granted", _ => "决定给予法律援助"));
}
