using Modular.Kit.Input;

namespace Modular.Host.Reports.Steps;

/// <summary>Send the approved version to the county (报送上一级), by the township's send-by day.</summary>
public static class SendReport
{
    public static IReadOnlyList<object> Decide(TownshipAnnualReport report, string by, DateTimeOffset at, InputErrors errors) =>
        ReportSteps.Table.Expect(report, ReportSteps.Send, errors) ? [new AnnualReportSent(report.ApprovedVersion!.Value, by, at)] : [];
}
