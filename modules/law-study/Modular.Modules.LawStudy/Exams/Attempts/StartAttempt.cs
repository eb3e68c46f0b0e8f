using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// 开始考试: the person starts an attempt. The server draws the paper and fixes the deadline (start plus the time
/// limit, never past the window's end). Starting again while an attempt is open gives that attempt back rather than
/// spending another; the attempts allowed are counted by the attempt's own id (exam, person, number), so two tabs
/// pressing "start" at the same instant get one attempt.
/// </summary>
internal sealed class StartAttempt(IDocumentSession session, QuestionBank bank, AttemptWriter writer)
{
    public static Guid IdOf(Guid examId, Guid staffId, int number) => StableIds.Of("law-study.exam-attempt", $"{examId:N}:{staffId:N}:{number}");

    /// <summary>The decision: the attempt to start (null with the refusals), given the person's attempts so far, all settled.</summary>
    public static AttemptStarted? Decide(Exam exam, StaffMember member, IReadOnlyList<ExamAttempt> attempts, IReadOnlyList<Question> inUse, DateTimeOffset now, InputErrors errors)
    {
        switch (exam.PhaseAt(now))
        {
            case ExamPhase.Upcoming:
                errors.Add("exam", $"考试尚未开始（{Kit.TownshipTime.Format(exam.OpensAt)} 开考）", $"The exam opens at {Kit.TownshipTime.Format(exam.OpensAt)}.");
                return null;
            case ExamPhase.Closed:
                errors.Add("exam", "考试已截止", "The exam has closed.");
                return null;
            case ExamPhase.Withdrawn:
                errors.Add("exam", "考试已撤销", "The exam was withdrawn.");
                return null;
        }

        if (!exam.IsSatBy(member))
        {
            errors.Add("exam", "你不在本次考试的参考范围内", "You are not among those who sit this exam.");
            return null;
        }

        if (attempts.Count >= exam.AttemptsAllowed)
        {
            errors.Add("attempts", $"本次考试最多考{exam.AttemptsAllowed}次，你已用完", $"The exam allows {exam.AttemptsAllowed} attempts: you have used them all.");
            return null;
        }

        var number = attempts.Count + 1;
        var id = IdOf(exam.Id, member.Id, number);
        var paper = Paper.Draw(exam, inUse, Paper.Seed(id), errors);
        if (errors.Any)
        {
            return null;
        }

        var limit = now.AddMinutes(exam.TimeLimitMinutes);
        return new AttemptStarted(id, exam.Id, member.Id, number, now, limit < exam.ClosesAt ? limit : exam.ClosesAt, paper,
            exam.MultipleScoring, exam.PassMark, exam.ExcellentMark);
    }

    /// <summary>The attempt started (or the one open), or null when the exam is not this township's.</summary>
    public async Task<Guid?> StartAsync(Guid examId, StaffMember? member, DateTimeOffset now, CancellationToken ct)
    {
        var exam = await session.LoadAsync<Exam>(examId, ct);
        if (exam is null)
        {
            return null;
        }

        var errors = new InputErrors();
        if (member is null)
        {
            errors.Add("staff", "你的账号未关联花名册，请联系学法专干", "Your user is linked to no one on the staff roster: ask the study clerk.");
            errors.ThrowIfAny();
        }

        var attempts = await SettledAttemptsAsync(examId, member!.Id, now, ct);
        if (attempts.FirstOrDefault(a => a.State == AttemptState.Open) is { } open)
        {
            return open.Id;
        }

        var started = Decide(exam, member, attempts, await bank.QuestionsAsync(new QuestionFilter(), ct), now, errors);
        errors.ThrowIfAny();
        session.Events.StartStream<ExamAttempt>(started!.Id, started);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception clash) when (IsStreamClash(clash))
        {
            // The other tab won: its attempt is the one open.
            session.EjectAllPendingChanges();
        }

        return started.Id;
    }

    /// <summary>The person's attempts at the exam, those whose time ran out submitted first.</summary>
    public async Task<IReadOnlyList<ExamAttempt>> SettledAttemptsAsync(Guid examId, Guid staffId, DateTimeOffset now, CancellationToken ct)
    {
        var attempts = await session.Query<ExamAttempt>().Where(a => a.ExamId == examId && a.StaffId == staffId).OrderBy(a => a.Number).ToListAsync(ct);
        if (attempts.Any(a => AttemptWriter.Settling(a, now).Count > 0))
        {
            foreach (var due in attempts.Where(a => AttemptWriter.Settling(a, now).Count > 0))
            {
                await writer.SettleAsync(due.Id, now, ct);
            }

            attempts = await session.Query<ExamAttempt>().Where(a => a.ExamId == examId && a.StaffId == staffId).OrderBy(a => a.Number).ToListAsync(ct);
        }

        return attempts;
    }

    private static bool IsStreamClash(Exception e) =>
        e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
        || (e is AggregateException all && all.InnerExceptions.All(IsStreamClash));

    /// <summary><c>POST …/my-exams/{examId}/attempts</c>: 201 with the attempt (a new one, or the one open); 404; 400 saying why not.</summary>
    public static async Task<Results<Created<AttemptView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid examId, StartAttempt handler, StaffRoster roster, AttemptQueries queries, TimeProvider time, CancellationToken ct)
    {
        try
        {
            var id = await handler.StartAsync(examId, await roster.CurrentAsync(ct), time.GetUtcNow(), ct);
            return id is { } started && await queries.MineAsync(started, ct) is { } view
                ? TypedResults.Created($"attempts/{started}", view)
                : TypedResults.NotFound();
        }
        catch (InputRejectedException refused)
        {
            return TypedResults.ValidationProblem(refused.Errors);
        }
    }
}
