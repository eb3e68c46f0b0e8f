using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// 交卷: the attempt is scored with the answers saved. Submitting again changes nothing (a double click, a second
/// tab); submitting after the deadline is the submission at the deadline, with what was saved by then.
/// </summary>
internal sealed class SubmitAttempt(AttemptWriter writer, AttemptQueries queries, StaffRoster roster)
{
    public const string Step = "submit";

    public static IReadOnlyList<object> Decide(ExamAttempt attempt, DateTimeOffset now, string verificationCode) =>
        attempt.State != AttemptState.Open ? []
        : now >= attempt.DeadlineAt ? [Scored(attempt, attempt.DeadlineAt, auto: true, verificationCode)]
        : [Scored(attempt, now, auto: false, verificationCode)];

    public static AttemptSubmitted Scored(ExamAttempt attempt, DateTimeOffset at, bool auto, string verificationCode)
    {
        var (score, correct) = Paper.Score(attempt.Paper, attempt.Answers, attempt.Scoring);
        return new AttemptSubmitted(at, score, correct, Paper.Band(score, attempt.PassMark, attempt.ExcellentMark), auto, verificationCode);
    }

    public async Task<bool> SubmitAsync(Guid id, DateTimeOffset now, CancellationToken ct) =>
        await queries.OwnAsync(id, await roster.CurrentAsync(ct), ct) is not null
        && await writer.WriteAsync(id, a => Decide(a, now, Paper.NewVerificationCode()), ct);

    /// <summary><c>POST …/attempts/{id}/submit</c>: 200 with the scored attempt; 404 when it is not the signed-in person's.</summary>
    public static async Task<Results<Ok<AttemptView>, NotFound>> EndpointAsync(Guid id, SubmitAttempt step, AttemptQueries queries, TimeProvider time, CancellationToken ct) =>
        await step.SubmitAsync(id, time.GetUtcNow(), ct) && await queries.MineAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
