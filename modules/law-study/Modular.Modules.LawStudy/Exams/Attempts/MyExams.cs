using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Modules.LawStudy.Staff;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Exams;

internal sealed record AttemptSummary(Guid Id, int Number, string State, string StateLabel, DateTimeOffset StartedAt, DateTimeOffset DeadlineAt,
    DateTimeOffset? SubmittedAt, decimal? Score, string? Band, string? BandLabel, bool AutoSubmitted)
{
    public static AttemptSummary Of(ExamAttempt a) =>
        new(a.Id, a.Number, a.State.ToString(), T(ExamAttempt.Label(a.State)), a.StartedAt, a.DeadlineAt, a.SubmittedAt, a.Score,
            a.Band?.ToString(), a.Band is { } b ? T(ExamAttempt.Label(b)) : null, a.AutoSubmitted);
}

/// <summary>One exam the person sits (or sat): where it stands for them.</summary>
internal sealed record MyExamRow(
    Guid ExamId, string Title, int Year, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Phase, string PhaseLabel, int TimeLimitMinutes,
    int Total, int PassMark, int AttemptsAllowed, int AttemptsUsed, Guid? OpenAttemptId, bool CanStart, decimal? Best, string? Band, string? BandLabel,
    bool CertificateAvailable, IReadOnlyList<AttemptSummary> Attempts);

/// <summary>The signed-in person's exams; <c>onRoster: false</c> (and none) when their user is linked to nobody's entry.</summary>
internal sealed record MyExamsView(bool OnRoster, string? Name, IReadOnlyList<MyExamRow> Exams);

/// <summary>The exams of the person signed in, their attempts settled, for their page and <c>GET …/my-exams</c>.</summary>
internal sealed class MyExams(IQuerySession session, StaffRoster roster, StartAttempt start, TimeProvider time)
{
    public async Task<MyExamsView> ReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await roster.CurrentAsync(ct) is not { } me)
        {
            return new MyExamsView(false, null, []);
        }

        var mine = await session.Query<ExamAttempt>().Where(a => a.StaffId == me.Id).Select(a => a.ExamId).ToListAsync(ct);
        var exams = (await session.Query<Exam>().OrderByDescending(e => e.OpensAt).Take(200).ToListAsync(ct))
            .Where(e => mine.Contains(e.Id) || (e.State == ExamState.Set && e.IsSatBy(me))).ToList();
        var rows = new List<MyExamRow>();
        foreach (var exam in exams)
        {
            var attempts = await start.SettledAttemptsAsync(exam.Id, me.Id, now, ct);
            rows.Add(Row(exam, me, attempts, now));
        }

        return new MyExamsView(true, me.Name, rows);
    }

    public static MyExamRow Row(Exam exam, StaffMember me, IReadOnlyList<ExamAttempt> attempts, DateTimeOffset now)
    {
        var best = ExamResults.Best(attempts);
        var open = attempts.FirstOrDefault(a => a.State == AttemptState.Open);
        var phase = exam.PhaseAt(now);
        var canStart = phase == ExamPhase.Open && exam.IsSatBy(me) && (open is not null || attempts.Count < exam.AttemptsAllowed);
        return new MyExamRow(exam.Id, exam.Title, exam.Year, exam.OpensAt, exam.ClosesAt, phase.ToString(), T(Exam.Label(phase)), exam.TimeLimitMinutes,
            exam.Total, exam.PassMark, exam.AttemptsAllowed, attempts.Count, open?.Id, canStart, best?.Score, best?.Band?.ToString(),
            best?.Band is { } b ? T(ExamAttempt.Label(b)) : null, best?.Band is ScoreBand.Pass or ScoreBand.Excellent && exam.State == ExamState.Set,
            [.. attempts.Select(AttemptSummary.Of)]);
    }

    public static async Task<Ok<MyExamsView>> EndpointAsync(MyExams exams, CancellationToken ct) => TypedResults.Ok(await exams.ReadAsync(ct));
}
