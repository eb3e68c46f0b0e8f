using System.Globalization;
using Modular.Kit;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// The exams' share of the township's figures: computed from the exams, the roster and the attempts (an attempt whose
/// time ran out counts at its deadline, as the results count it), without writing.
/// </summary>
internal sealed class ExamFigures(IQuerySession session, StaffRoster roster, TimeProvider time)
{
    /// <summary>The results of the exams <paramref name="which"/> selects, withdrawn ones never.</summary>
    public async Task<IReadOnlyList<(Exam Exam, ExamResultSet Results)>> ResultsAsync(Func<IQueryable<Exam>, IQueryable<Exam>> which, CancellationToken ct)
    {
        var exams = await which(session.Query<Exam>().Where(e => e.State == ExamState.Set)).ToListAsync(ct);
        if (exams.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var ids = exams.Select(e => e.Id).ToList();
        var attempts = (await session.Query<ExamAttempt>().Where(a => ids.Contains(a.ExamId)).ToListAsync(ct))
            .Select(a => AttemptWriter.Settling(a, now) is [AttemptSubmitted due] ? Settled(a, due) : a).ToList();
        var members = await roster.MembersAsync(new StaffFilter(IncludeLeft: true), ct);
        return [.. exams.Select(e => (e, ExamResults.Compute(e, members, [.. attempts.Where(a => a.ExamId == e.Id)])))];
    }

    private static ExamAttempt Settled(ExamAttempt attempt, AttemptSubmitted due)
    {
        attempt.Apply(due);
        return attempt;
    }
}

/// <summary>The township home page: exams open now, and the staff who should sit them and have not (highlighted while open).</summary>
internal sealed class ExamDashboard(ExamFigures figures, TimeProvider time) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await figures.ResultsAsync(q => q.Where(e => e.OpensAt <= now && e.ClosesAt > now), cancellationToken);
        var notSat = open.Sum(o => o.Results.NotSat);
        var link = open.Count == 1 ? $"law-study/exams/{open[0].Exam.Id}" : "law-study/exams";
        return
        [
            new(new LocalizedText("进行中的学法考试", "Law exams open"), Count(open.Count), "law-study/exams"),
            new(new LocalizedText("尚未参加学法考试的工作人员", "Staff yet to sit the law exam"), Count(notSat), link, notSat > 0),
        ];
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An open exam's window end, while some who should sit it have not: one item per exam, naming how many.</summary>
internal sealed class ExamDeadlines(ExamFigures figures, TimeProvider time) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await figures.ResultsAsync(q => q.Where(e => e.OpensAt <= now && e.ClosesAt > now), cancellationToken);
        return [.. open.Where(o => o.Results.NotSat > 0 && TownshipTime.DayOf(o.Exam.ClosesAt) <= horizon)
            .Select(o => new DueItem(
                new($"{o.Exam.Title}：{o.Results.NotSat}人尚未参考", $"{o.Exam.Title}: {o.Results.NotSat} yet to sit"),
                TownshipTime.DayOf(o.Exam.ClosesAt), $"law-study/exams/{o.Exam.Id}",
                new($"考试于{TownshipTime.Format(o.Exam.ClosesAt)}截止", $"The exam closes at {TownshipTime.Format(o.Exam.ClosesAt)}")))];
    }
}

/// <summary>
/// The annual report's exam part, under "全面提高政府工作人员法治思维和依法行政能力": the year's exams, who should have sat,
/// who sat, who passed and excelled, each figure linked to the exam's results.
/// </summary>
internal sealed class ExamReportSection(ExamFigures figures) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var exams = await figures.ResultsAsync(q => q.Where(e => e.Year == year), cancellationToken);
        var sitters = exams.Sum(e => e.Results.Sitters);
        var sat = exams.Sum(e => e.Results.Sat);
        var passed = exams.Sum(e => e.Results.Passed);
        var excellent = exams.Sum(e => e.Results.Excellent);
        var link = exams.Count == 1 ? $"law-study/exams/{exams[0].Exam.Id}" : $"law-study/exams?year={year}";
        return
        [
            new(AnnualReportChapters.LegalLiteracy, new("年度学法考试", "The yearly law exam"), [Paragraph(year, exams, sitters, sat, passed, excellent)],
            [
                new(new("组织学法考试", "Law exams held"), Count(exams.Count), $"law-study/exams?year={year}"),
                new(new("应参考人数", "Staff to sit"), Count(sitters), link),
                new(new("实际参考人数", "Staff who sat"), Count(sat), link),
                new(new("参考率", "Participation"), Percent(sat, sitters), link),
                new(new("考试合格人数", "Passed"), Count(passed), link),
                new(new("合格率", "Pass rate"), Percent(passed, sat), link),
                new(new("考试优秀人数", "Excellent"), Count(excellent), link),
            ]),
        ];
    }

    private static string Paragraph(int year, IReadOnlyList<(Exam Exam, ExamResultSet Results)> exams, int sitters, int sat, int passed, int excellent)
    {
        if (exams.Count == 0)
        {
            return $"{year}年未组织学法考试。";
        }

        var titles = string.Join("、", exams.Select(e => $"“{e.Exam.Title}”"));
        return $"{year}年组织{titles}，应参考{sitters}人，实际参考{sat}人，参考率{Percent(sat, sitters)}；考试合格{passed}人，合格率{Percent(passed, sat)}，其中优秀{excellent}人。";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "—" : (100m * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
