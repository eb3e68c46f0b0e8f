using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Records;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Exams;

internal sealed record ExamPartView(string Kind, string KindLabel, int Count, int Points, int Total, IReadOnlyList<string> Laws)
{
    public static ExamPartView Of(ExamPart p) => new(p.Kind.ToString(), T(Question.Label(p.Kind)), p.Count, p.Points, p.Total, p.Laws);
}

/// <summary>An exam as its page and the API show it.</summary>
internal sealed record ExamView(
    Guid Id, long Version, string Title, int Year, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Phase, string PhaseLabel,
    int TimeLimitMinutes, int AttemptsAllowed, int PassMark, int ExcellentMark, int Total, string MultipleScoring, string MultipleScoringLabel,
    bool AllStaff, IReadOnlyList<string> Departments, IReadOnlyList<ExamPartView> Parts, string State, string StateLabel, string? WithdrawnReason,
    IReadOnlyList<string> Allowed)
{
    public static ExamView Of(Exam e, DateTimeOffset now) =>
        new(e.Id, e.Version, e.Title, e.Year, e.OpensAt, e.ClosesAt, e.PhaseAt(now).ToString(), T(Exam.Label(e.PhaseAt(now))),
            e.TimeLimitMinutes, e.AttemptsAllowed, e.PassMark, e.ExcellentMark, e.Total, e.MultipleScoring.ToString(), T(Exam.Label(e.MultipleScoring)),
            e.AllStaff, e.Departments, [.. e.Parts.Select(ExamPartView.Of)], e.State.ToString(), T(Exam.Label(e.State)), e.WithdrawnReason, Exam.Steps.Allowed(e));
}

/// <summary>The township's exams, newest first.</summary>
internal sealed class ExamQueries(IQuerySession session, TimeProvider time)
{
    public async Task<IReadOnlyList<Exam>> ExamsAsync(int? year, CancellationToken ct)
    {
        var query = session.Query<Exam>().AsQueryable();
        if (year is { } y)
        {
            query = query.Where(e => e.Year == y);
        }

        return await query.OrderByDescending(e => e.OpensAt).Take(500).ToListAsync(ct);
    }

    /// <summary>Exams open at <paramref name="now"/>, withdrawn ones aside.</summary>
    public async Task<IReadOnlyList<Exam>> OpenAsync(DateTimeOffset now, CancellationToken ct) =>
        await session.Query<Exam>().Where(e => e.State == ExamState.Set && e.OpensAt <= now && e.ClosesAt > now).ToListAsync(ct);

    public Task<Exam?> FindAsync(Guid id, CancellationToken ct) => session.LoadAsync<Exam>(id, ct);

    public async Task<ExamView?> GetAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) is { } e ? ExamView.Of(e, time.GetUtcNow()) : null;

    public static async Task<Ok<IReadOnlyList<ExamView>>> ListEndpointAsync(int? year, ExamQueries queries, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ExamView>>([.. (await queries.ExamsAsync(year, ct)).Select(e => ExamView.Of(e, time.GetUtcNow()))]);

    public static async Task<Results<Ok<ExamView>, NotFound>> GetEndpointAsync(Guid id, ExamQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineEndpointAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await Timeline.ReadAsync<Exam>(session, id, Describe, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    private static string Describe(object e) => e switch
    {
        ExamSet s => T($"发布考试：{s.Details.Title}", $"Set: {s.Details.Title}"),
        ExamChanged => T("修改考试", "Changed"),
        ExamWithdrawn w => T($"撤销考试：{w.Reason}", $"Withdrawn: {w.Reason}"),
        _ => e.GetType().Name,
    };
}
