using Modular.Kit.Input;

namespace Modular.Host.Reports.Steps;

/// <summary>
/// Approve: the heads approve the submitted version. From here its facts are frozen: a later correction of a record
/// changes the draft the page shows beside it, never the approved or sent report.
/// </summary>
public static class ApproveReport
{
    public static IReadOnlyList<object> Decide(TownshipAnnualReport report, string by, DateTimeOffset at, InputErrors errors) =>
        ReportSteps.Table.Expect(report, ReportSteps.Approve, errors) ? [new AnnualReportApproved(report.Latest.Number, by, at)] : [];
}

/// <summary>Return: the heads send the submitted version back to its drafter, saying why.</summary>
public static class ReturnReport
{
    public static IReadOnlyList<object> Decide(TownshipAnnualReport report, string? reason, string by, DateTimeOffset at, InputErrors errors)
    {
        var expected = ReportSteps.Table.Expect(report, ReportSteps.Return, errors);
        var why = errors.Required("reason", reason, "退回理由", "The reason for returning it");
        return expected && why is not null ? [new AnnualReportReturned(why, by, at)] : [];
    }
}
