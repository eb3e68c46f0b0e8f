using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Modules.LawStudy.Staff;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>One person's result: the best of their submitted attempts (none: not sat).</summary>
internal sealed record ResultRow(Guid StaffId, string Name, string Department, string Post, int AttemptsUsed, bool Sat, decimal? Best,
    string Band, string BandLabel, DateTimeOffset? BestAt);

/// <summary>A department's line of the ranking: its average best score (of those who sat), who sat, who passed.</summary>
internal sealed record DepartmentResult(int Rank, string Department, int Sitters, int Sat, int Passed, int Excellent, decimal? Average, decimal? PassRate);

/// <summary>An exam's results: every sitter, the ranking by department, the counts of each band.</summary>
internal sealed record ExamResultSet(
    Guid ExamId, string Title, int Year, int Total, int PassMark, int ExcellentMark, int Sitters, int Sat, int NotSat, int Excellent, int Passed, int Failed,
    decimal? ParticipationRate, decimal? PassRate, decimal? Average, IReadOnlyList<DepartmentResult> Departments, IReadOnlyList<ResultRow> People);

/// <summary>
/// Results, counted as the provincial platforms count them: a person's score is the best of their attempts; those on
/// the roster whom the exam names and who have no submitted attempt have not sat. The pass rate is of those who sat,
/// the participation rate of those who should have. An attempt whose time ran out counts as submitted at its deadline.
/// </summary>
internal sealed class ExamResults(IQuerySession session, StaffRoster roster, AttemptWriter writer, TimeProvider time)
{
    public const string NotSat = "NotSat";

    public static ExamAttempt? Best(IEnumerable<ExamAttempt> attempts) =>
        attempts.Where(a => a.State == AttemptState.Submitted).OrderByDescending(a => a.Score).ThenBy(a => a.SubmittedAt).FirstOrDefault();

    /// <summary>The results as a pure function of the exam, the roster and the (settled) attempts.</summary>
    public static ExamResultSet Compute(Exam exam, IReadOnlyList<StaffMember> members, IReadOnlyList<ExamAttempt> attempts)
    {
        var byPerson = attempts.GroupBy(a => a.StaffId).ToDictionary(g => g.Key, g => g.ToList());
        var people = members.Where(m => exam.IsSatBy(m) || byPerson.ContainsKey(m.Id))
            .Select(m =>
            {
                var theirs = byPerson.GetValueOrDefault(m.Id) ?? [];
                var best = Best(theirs);
                var band = best?.Band?.ToString() ?? NotSat;
                var label = best?.Band is { } b ? T(ExamAttempt.Label(b)) : T("未参考", "Not sat");
                return new ResultRow(m.Id, m.Name, m.Department, m.Post, theirs.Count, best is not null, best?.Score, band, label, best?.SubmittedAt);
            })
            .OrderByDescending(r => r.Best ?? -1).ThenBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var departments = people.GroupBy(p => p.Department)
            .Select(g => (Department: g.Key, Rows: g.ToList(), Sat: g.Where(r => r.Sat).ToList()))
            .Select(d => new DepartmentResult(0, d.Department, d.Rows.Count, d.Sat.Count, d.Sat.Count(IsPass), d.Sat.Count(r => r.Band == nameof(ScoreBand.Excellent)),
                Average(d.Sat), Rate(d.Sat.Count(IsPass), d.Sat.Count)))
            .OrderByDescending(d => d.Average ?? -1).ThenByDescending(d => d.PassRate ?? -1).ThenBy(d => d.Department, StringComparer.Ordinal)
            .Select((d, i) => d with { Rank = i + 1 }).ToList();
        var sat = people.Where(r => r.Sat).ToList();
        var passed = sat.Count(IsPass);
        return new ExamResultSet(exam.Id, exam.Title, exam.Year, exam.Total, exam.PassMark, exam.ExcellentMark, people.Count, sat.Count, people.Count - sat.Count,
            sat.Count(r => r.Band == nameof(ScoreBand.Excellent)), passed, sat.Count - passed, Rate(sat.Count, people.Count), Rate(passed, sat.Count), Average(sat),
            departments, people);
    }

    private static bool IsPass(ResultRow r) => r.Band is nameof(ScoreBand.Pass) or nameof(ScoreBand.Excellent);

    private static decimal? Average(IReadOnlyCollection<ResultRow> sat) => sat.Count == 0 ? null : Math.Round(sat.Average(r => r.Best!.Value), 1);

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    /// <summary>The exam's attempts, those whose time ran out submitted at their deadline first (the sweep on read).</summary>
    public async Task<IReadOnlyList<ExamAttempt>> SettledAttemptsAsync(Guid examId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempts = await session.Query<ExamAttempt>().Where(a => a.ExamId == examId).ToListAsync(ct);
        var due = attempts.Where(a => AttemptWriter.Settling(a, now).Count > 0).ToList();
        foreach (var attempt in due)
        {
            await writer.SettleAsync(attempt.Id, now, ct);
        }

        return due.Count == 0 ? attempts : await session.Query<ExamAttempt>().Where(a => a.ExamId == examId).ToListAsync(ct);
    }

    public async Task<ExamResultSet?> ForExamAsync(Guid examId, CancellationToken ct)
    {
        if (await session.LoadAsync<Exam>(examId, ct) is not { } exam)
        {
            return null;
        }

        return Compute(exam, await roster.MembersAsync(new StaffFilter(IncludeLeft: true), ct), await SettledAttemptsAsync(examId, ct));
    }

    public static async Task<Results<Ok<ExamResultSet>, NotFound>> EndpointAsync(Guid id, ExamResults results, CancellationToken ct) =>
        await results.ForExamAsync(id, ct) is { } set ? TypedResults.Ok(set) : TypedResults.NotFound();
}
