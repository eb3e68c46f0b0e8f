using Modular.Contracts.Reports;
using Modular.Kit.Input;

namespace Modular.Host.Reports.Steps;

/// <summary>
/// Publish the version sent to the county on the township's portal: the integration event hands it to open government,
/// which files it in its catalogue. Without open government enabled there is no portal to publish on, and the step
/// says so instead of recording a publication nobody can read.
/// </summary>
public static class PublishReport
{
    public const string OpenGovernment = "open-government";

    public static IReadOnlyList<object> Decide(TownshipAnnualReport report, bool portalEnabled, Func<RuleOfLawReportPublished> published, InputErrors errors)
    {
        if (!ReportSteps.Table.Expect(report, ReportSteps.Publish, errors))
        {
            return [];
        }

        if (!portalEnabled)
        {
            errors.Add("publish", "本镇未启用“政务公开”模块，无法在门户网站公开年度报告；请联系县级信息化管理员启用后再公开",
                "Open government is not enabled in this township, so the report cannot be published on its portal; ask the county IT admin to enable it first.");
            return [];
        }

        return [published()];
    }
}
