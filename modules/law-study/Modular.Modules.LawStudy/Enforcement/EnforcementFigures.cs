using System.Globalization;
using Modular.Contracts.Extensions;
using Modular.Contracts.LawStudy;
using Modular.Kit;
using Modular.Modules.LawStudy.Certificates;

namespace Modular.Modules.LawStudy.Enforcement;

/// <summary>A count with the register's filter that lists what was counted.</summary>
internal sealed record EnforcementCount(string Key, string Label, int Count, string Link);

/// <summary>The year's enforcement work: tasks by kind and by category, refused assignments, certified officers at year end.</summary>
internal sealed record EnforcementFigureSet(int Year, int Tasks, IReadOnlyList<EnforcementCount> ByKind, IReadOnlyList<EnforcementCount> InspectionsByCategory,
    IReadOnlyList<EnforcementCount> PenaltiesByCategory, int Coercions, int AssignmentsRefused, int CertifiedOfficers, int EnforcementPosts)
{
    public int Count(EnforcementKind kind) => ByKind.FirstOrDefault(k => k.Key == kind.ToString())?.Count ?? 0;
}

internal sealed class EnforcementFigures(TaskQueries tasks, CertificateQueries certificates, Staff.StaffRoster roster)
{
    public async Task<EnforcementFigureSet> ForYearAsync(int year, CancellationToken ct)
    {
        var period = Period.Year(year);
        var all = await tasks.InPeriodAsync(period, ct);
        var range = $"from={year}-01-01&to={year}-12-31";
        string Link(string filter) => $"law-study/enforcement/tasks?{filter}&{range}";
        EnforcementKind[] kinds = [EnforcementKind.Inspection, EnforcementKind.Penalty, EnforcementKind.Coercion];
        IReadOnlyList<EnforcementCount> ByCategory(EnforcementKind kind) =>
            [.. all.Where(t => t.Kind == kind).GroupBy(t => t.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new EnforcementCount(g.Key, g.Key, g.Count(), Link($"kind={kind}&category={Uri.EscapeDataString(g.Key)}")))];

        // Certified at the year's end (or today, in the current year): a valid certificate that day.
        var lastDay = period.To;
        var held = await certificates.AllAsync(ct);
        var certified = held.Where(c => c.ValidOn(lastDay)).Select(c => c.HolderId).Distinct().Count();
        var posts = (await roster.OnRosterOnAsync(lastDay, ct)).Count(m => m.EnforcementPost);
        return new EnforcementFigureSet(year, all.Count,
            [.. kinds.Select(k => new EnforcementCount(k.ToString(), EnforcementTask.Label(k).Chinese, all.Count(t => t.Kind == k), Link($"kind={k}")))],
            ByCategory(EnforcementKind.Inspection), ByCategory(EnforcementKind.Penalty), all.Count(t => t.Kind == EnforcementKind.Coercion),
            (await tasks.RefusalsAsync(year, ct)).Count, certified, posts);
    }
}

/// <summary>
/// The annual report: certified officers and refused assignments in "全面提高政府工作人员法治思维和依法行政能力", and
/// the enforcement-staff sentences of "推进行政决策科学化、民主化、法治化" (strict, two-officer, certificate-shown enforcement).
/// </summary>
internal sealed class EnforcementReportSection(EnforcementFigures figures) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var f = await figures.ForYearAsync(year, cancellationToken);
        var register = $"law-study/enforcement/tasks?from={year}-01-01&to={year}-12-31";
        var certificatesPage = "law-study/certificates";
        var literacy = $"{year}年，本镇执法岗位工作人员{f.EnforcementPosts}名，年末持有有效行政执法证{f.CertifiedOfficers}名；"
            + "严格执行“对没有取得执法资质的，一律不安排从事行政执法工作”，"
            + (f.AssignmentsRefused > 0 ? $"全年拒绝不符合条件的执法人员指派{f.AssignmentsRefused}次。" : "全年未发生不符合条件的执法人员指派。");
        var decisions = f.Tasks == 0
            ? $"{year}年，本镇未登记行政执法任务。"
            : $"{year}年，本镇开展行政检查{f.Count(EnforcementKind.Inspection)}次{Detail(f.InspectionsByCategory)}，办理行政处罚案件{f.Count(EnforcementKind.Penalty)}件{Detail(f.PenaltiesByCategory)}，"
              + $"实施行政强制{f.Coercions}件；每项执法任务均由两名以上持有有效行政执法证的执法人员承办，执法时主动出示执法证件（《行政处罚法》第四十二条、第五十二条、第五十五条），"
              + "执法人员及证件信息在行政执法公示平台公开。";
        return
        [
            new(AnnualReportChapters.LegalLiteracy, new("行政执法人员资格管理", "Enforcement officers' qualification"), [literacy],
            [
                new(new("持有有效行政执法证的执法人员", "Officers with a valid certificate"), N(f.CertifiedOfficers), certificatesPage),
                new(new("拒绝不符合条件的指派", "Assignments refused"), N(f.AssignmentsRefused), register),
            ]),
            new(AnnualReportChapters.DecisionsByLaw, new("严格规范公正文明执法", "Strict and fair enforcement"), [decisions],
            [
                .. f.ByKind.Select(k => new ReportFigure(new(k.Label, k.Key), N(k.Count), k.Link)),
            ]),
        ];
    }

    private static string Detail(IReadOnlyList<EnforcementCount> counts) =>
        counts.Count == 0 ? "" : $"（{string.Join("、", counts.Select(c => $"{c.Label}{c.Count}"))}）";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
