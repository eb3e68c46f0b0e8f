using Modular.Kit.Input;

namespace Modular.Host.Reports.Steps;

/// <summary>Submit the latest version for the approval of the party and government heads (党政主要负责人).</summary>
public static class SubmitReport
{
    public static IReadOnlyList<object> Decide(TownshipAnnualReport report, string by, DateTimeOffset at, InputErrors errors)
    {
        if (!ReportSteps.Table.Expect(report, ReportSteps.Submit, errors))
        {
            return [];
        }

        var missing = ReportStructure.Parts.Where(p => p.Chapter is null && !report.Latest.Parts.ContainsKey(p.Key) && p.Key != ReportStructure.Opening).ToList();
        foreach (var part in missing)
        {
            // Each of the five contents must be covered (法治政府建设与责任落实督察工作规定 第二十五条).
            errors.Add($"parts.{part.Key}", $"提交前请填写“{part.Title.Chinese}”", $"Write “{part.Title.English}” before submitting.");
        }

        return errors.Any ? [] : [new AnnualReportSubmitted(report.Latest.Number, by, at)];
    }
}
