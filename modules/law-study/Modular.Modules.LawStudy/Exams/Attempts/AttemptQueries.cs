using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Modules.LawStudy.Staff;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Exams;

internal sealed record OptionView(string Letter, string Text);

/// <summary>A question as the person sitting sees it: the correct options and the explanation only once the exam has closed.</summary>
internal sealed record PaperQuestionView(
    int No, string Kind, string KindLabel, string Law, string Text, IReadOnlyList<OptionView> Options, int Points, string Chosen, string? Correct, string? Explanation);

/// <summary>An attempt as its sitter sees it, with the time left by the server's clock.</summary>
internal sealed record AttemptView(
    Guid Id, Guid ExamId, string ExamTitle, int Number, int AttemptsAllowed, DateTimeOffset StartedAt, DateTimeOffset DeadlineAt, int RemainingSeconds,
    string State, string StateLabel, DateTimeOffset? SubmittedAt, decimal? Score, int Total, int? CorrectCount, string? Band, string? BandLabel,
    bool AutoSubmitted, int Answered, IReadOnlyList<PaperQuestionView> Questions)
{
    /// <summary>
    /// Answers and explanations are shown once the exam's window has closed: during it, a paper's answers passed
    /// around would be the next attempt's, since every attempt draws from the same banks.
    /// </summary>
    public static AttemptView Of(ExamAttempt a, Exam exam, DateTimeOffset now)
    {
        var reveal = a.State == AttemptState.Submitted && exam.PhaseAt(now) is ExamPhase.Closed or ExamPhase.Withdrawn;
        return new(a.Id, a.ExamId, exam.Title, a.Number, exam.AttemptsAllowed, a.StartedAt, a.DeadlineAt, AttemptQueries.Remaining(a, now),
            a.State.ToString(), T(ExamAttempt.Label(a.State)), a.SubmittedAt, a.Score, a.Total, a.CorrectCount, a.Band?.ToString(),
            a.Band is { } b ? T(ExamAttempt.Label(b)) : null, a.AutoSubmitted, a.Answers.Count(x => x.Choice.Count > 0),
            [.. a.Paper.Select(q => new PaperQuestionView(q.No, q.Kind.ToString(), T(Question.Label(q.Kind)), q.Law, q.Text,
                [.. q.Options.Select((o, i) => new OptionView(((char)('A' + i)).ToString(), o))], q.Points,
                Question.Letters(a.ChoiceOf(q.No) ?? []), reveal ? Question.Letters(q.Correct) : null, reveal ? q.Explanation : null))]);
    }
}

/// <summary>The signed-in person's attempts: found only when they are theirs (anyone else's is "not found").</summary>
internal sealed class AttemptQueries(IQuerySession session, StaffRoster roster, AttemptWriter writer, TimeProvider time)
{
    public static int Remaining(ExamAttempt a, DateTimeOffset now) =>
        a.State != AttemptState.Open || now >= a.DeadlineAt ? 0 : (int)Math.Ceiling((a.DeadlineAt - now).TotalSeconds);

    public Task<ExamAttempt?> LoadAsync(Guid id, CancellationToken ct) => session.LoadAsync<ExamAttempt>(id, ct);

    public async Task<ExamAttempt?> OwnAsync(Guid id, StaffMember? member, CancellationToken ct) =>
        member is not null && await LoadAsync(id, ct) is { } attempt && attempt.StaffId == member.Id ? attempt : null;

    /// <summary>The person's attempt as they see it, submitted first if its time ran out while no one was looking.</summary>
    public async Task<AttemptView?> MineAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await OwnAsync(id, await roster.CurrentAsync(ct), ct) is not { } attempt)
        {
            return null;
        }

        if (AttemptWriter.Settling(attempt, now).Count > 0)
        {
            await writer.SettleAsync(id, now, ct);
            attempt = (await LoadAsync(id, ct))!;
        }

        return await session.LoadAsync<Exam>(attempt.ExamId, ct) is { } exam ? AttemptView.Of(attempt, exam, now) : null;
    }

    /// <summary><c>GET …/attempts/{id}</c>: the paper with the answers saved and the time left; what a reload shows.</summary>
    public static async Task<Results<Ok<AttemptView>, NotFound>> GetEndpointAsync(Guid id, AttemptQueries queries, CancellationToken ct) =>
        await queries.MineAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
