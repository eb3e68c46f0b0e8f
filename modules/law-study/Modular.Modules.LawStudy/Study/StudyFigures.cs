using System.Globalization;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using static Modular.Kit.Text;
using static Modular.Modules.LawStudy.Study.StudyVocabulary;

namespace Modular.Modules.LawStudy.Study;

/// <summary>One kind's sessions in the year, linked to their list.</summary>
internal sealed record StudyKindCount(string Kind, string Label, int Sessions, decimal Hours, string Link);

/// <summary>The year's study: sessions by kind, the people counted, their hours, who met their target.</summary>
internal sealed record StudyFigureSet(
    int Year, int Sessions, IReadOnlyList<StudyKindCount> ByKind, int Laws, int People, decimal TotalHours, decimal AverageHours, int MetTarget, int Behind);

/// <summary>Counts the year's records: every figure from the sessions and the roster, none stored.</summary>
internal sealed class StudyFigures(StudyQueries queries, StudyHours hours)
{
    public async Task<StudyFigureSet> ForYearAsync(int year, CancellationToken ct)
    {
        var sessions = await queries.SessionsAsync(new StudyFilter(year), ct);
        var people = await hours.ForYearAsync(new HoursFilter(year), ct);
        var total = people.Sum(p => p.Hours);
        return new StudyFigureSet(
            year,
            sessions.Count,
            [.. Enum.GetValues<StudyKind>().Select(k => new StudyKindCount(k.ToString(), T(Label(k)), sessions.Count(s => s.Kind == k),
                sessions.Where(s => s.Kind == k).Sum(s => s.Hours), $"law-study/study?year={year}&kind={k}"))],
            sessions.SelectMany(s => s.Laws).Distinct(StringComparer.Ordinal).Count(),
            people.Count,
            total,
            people.Count == 0 ? 0 : decimal.Round(total / people.Count, 1),
            people.Count(p => !p.Behind),
            people.Count(p => p.Behind));
    }
}

/// <summary>The township home page: sessions this year, and the staff behind their target (highlighted once the due-list day has come).</summary>
internal sealed class StudyDashboard(StudyFigures figures, StudyHours hours, StudySettingsStore settings) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var year = hours.Today.Year;
        var f = await figures.ForYearAsync(year, cancellationToken);
        var late = hours.Today >= (await settings.GetAsync(cancellationToken)).DueFrom(year);
        return
        [
            new(new LocalizedText("本年学法活动", "Study sessions this year"), Count(f.Sessions), $"law-study/study?year={year}"),
            new(new LocalizedText("学时未达标的工作人员", "Staff behind their study target"), Count(f.Behind), $"law-study/study/hours?year={year}&behind=true", late && f.Behind > 0),
        ];
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// From the township's due-list day (1 November by default) to the year's end, one item per person still behind their
/// target, due 31 December. The setting, not the horizon, decides when the items appear: their day is the year's last.
/// </summary>
internal sealed class StudyDeadlines(StudyHours hours, StudySettingsStore settings) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var today = hours.Today;
        var targets = await settings.GetAsync(cancellationToken);
        if (today < targets.DueFrom(today.Year))
        {
            return [];
        }

        var yearEnd = new DateOnly(today.Year, 12, 31);
        return [.. (await hours.ForYearAsync(new HoursFilter(today.Year, BehindOnly: true), cancellationToken))
            .Select(p => new DueItem(
                new($"{p.Name}（{p.Department}）学法学时未达标，尚差{StudyInputs.Show(p.Shortfall)}学时", $"{p.Name} ({p.Department}): {StudyInputs.Show(p.Shortfall)} study hours short"),
                yearEnd, $"law-study/staff/{p.StaffId}",
                new($"本镇年度学法目标：{StudyInputs.Show(p.TargetHours)}学时", $"The township's yearly study target: {StudyInputs.Show(p.TargetHours)} hours")))];
    }
}

/// <summary>
/// The annual report's study part, in chapter six ("全面提高政府工作人员法治思维和依法行政能力"): the year's sessions by
/// kind, the hours, and who met their target, each figure linked to the records it was counted from.
/// </summary>
internal sealed class StudyReportSection(StudyFigures figures) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var f = await figures.ForYearAsync(year, cancellationToken);
        var hoursLink = $"law-study/study/hours?year={year}";
        return
        [
            new(AnnualReportChapters.LegalLiteracy, new("工作人员学法", "Staff law study"), [Paragraph(f)],
            [
                new(new("学法活动", "Study sessions"), Count(f.Sessions), $"law-study/study?year={year}"),
                .. f.ByKind.Where(k => k.Sessions > 0).Select(k => new ReportFigure(new(k.Label, k.Kind), Count(k.Sessions), k.Link)),
                new(new("累计学法学时", "Hours studied, all staff"), StudyInputs.Show(f.TotalHours), hoursLink),
                new(new("人均学法学时", "Average hours per person"), StudyInputs.Show(f.AverageHours), hoursLink),
                new(new("达到年度学时目标人数", "Staff who met their target"), Count(f.MetTarget), hoursLink),
                new(new("未达到年度学时目标人数", "Staff behind their target"), Count(f.Behind), $"{hoursLink}&behind=true"),
            ]),
        ];
    }

    private static string Paragraph(StudyFigureSet f)
    {
        if (f.Sessions == 0)
        {
            return $"{f.Year}年，未记录工作人员学法活动。";
        }

        var kinds = string.Join("、", f.ByKind.Where(k => k.Sessions > 0).Select(k => $"{k.Label}{k.Sessions}次"));
        var text = $"{f.Year}年，坚持领导干部带头学法、会前学法和集中学法制度，共组织学法活动{f.Sessions}次（{kinds}），学习法律法规{f.Laws}部；" +
            $"全镇{f.People}名干部职工累计学法{StudyInputs.Show(f.TotalHours)}学时，人均{StudyInputs.Show(f.AverageHours)}学时，{f.MetTarget}人达到年度学法学时目标";
        return f.Behind > 0 ? text + $"，{f.Behind}人未达到。" : text + "。";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
