using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>One answer as posted: the question's number on the paper and the letters chosen (<c>""</c> clears it).</summary>
internal sealed class AnswerInput
{
    public int? Question { get; set; }

    public string? Choice { get; set; }
}

/// <summary><c>{answers: [{question, choice}]}</c>: one answer or a batch.</summary>
internal sealed class SaveAnswersInput
{
    public List<AnswerInput?>? Answers { get; set; }
}

/// <summary>What a save answers: how many answers the attempt now holds, and the time left by the server's clock.</summary>
internal sealed record SaveAnswersResult(int Answered, int Questions, DateTimeOffset DeadlineAt, int RemainingSeconds);

/// <summary>
/// 保存答案: the person's answers reach the server as they choose them. Idempotent: saving the same choice again changes
/// nothing; the last saved choice of a question counts. After the deadline nothing is taken: the attempt is submitted
/// at its deadline with what was saved, and the save is refused saying so.
/// </summary>
internal sealed class SaveAnswers(AttemptWriter writer, AttemptQueries queries, StaffRoster roster)
{
    public const string Step = "answers";

    public static IReadOnlyList<object> Decide(ExamAttempt attempt, SaveAnswersInput input, DateTimeOffset now, InputErrors errors)
    {
        if (Refusal(attempt, now, errors))
        {
            return [];
        }

        var posted = (input.Answers ?? []).ToList();
        if (posted.Count == 0 || posted.Count > attempt.Paper.Count)
        {
            errors.Add("answers", $"每次保存1至{attempt.Paper.Count}个答案", $"Save 1 to {attempt.Paper.Count} answers at a time.");
            return [];
        }

        var changed = new List<AnswerChoice>();
        for (var i = 0; i < posted.Count; i++)
        {
            var answer = posted[i];
            var question = answer?.Question is { } no ? attempt.Paper.FirstOrDefault(q => q.No == no) : null;
            if (question is null)
            {
                errors.Add($"answers[{i}].question", "试卷中没有这道题", "The paper has no such question.");
                continue;
            }

            if (Paper.ParseChoice($"answers[{i}].choice", answer!.Choice, question, errors) is { } choice)
            {
                changed.RemoveAll(c => c.Question == question.No);
                if (!(attempt.ChoiceOf(question.No) ?? []).SequenceEqual(choice))
                {
                    changed.Add(new AnswerChoice(question.No, choice));
                }
            }
        }

        return errors.Any || changed.Count == 0 ? [] : [new AnswersSaved(now, changed)];
    }

    /// <summary>Why nothing may be written to the attempt now: submitted already, or its time is up.</summary>
    public static bool Refusal(ExamAttempt attempt, DateTimeOffset now, InputErrors errors)
    {
        if (attempt.State == AttemptState.Open && now < attempt.DeadlineAt)
        {
            return false;
        }

        if (now >= attempt.DeadlineAt)
        {
            errors.Add("deadline", $"答题时间已到（截止于{TownshipTime.Format(attempt.DeadlineAt)}），答案未保存；试卷已按截止前保存的答案交卷",
                $"Time is up (the deadline was {TownshipTime.Format(attempt.DeadlineAt)}): the answer was not saved; the paper was submitted with the answers saved before the deadline.");
        }
        else
        {
            errors.Add("state", "本次考试已交卷，答案不能再修改", "The attempt has been submitted: answers can no longer change.");
        }

        return true;
    }

    /// <summary>Saves the answers as of <paramref name="now"/>; null when the attempt is not the signed-in person's.</summary>
    public async Task<SaveAnswersResult?> SaveAsync(Guid id, SaveAnswersInput input, DateTimeOffset now, CancellationToken ct)
    {
        if (await queries.OwnAsync(id, await roster.CurrentAsync(ct), ct) is null)
        {
            return null;
        }

        // Past its deadline the attempt is submitted first, then the late answer refused: what was saved is scored.
        await writer.SettleAsync(id, now, ct);
        var errors = new InputErrors();
        await writer.WriteAsync(id, a => Decide(a, input, now, errors), ct);
        errors.ThrowIfAny();
        var attempt = (await queries.LoadAsync(id, ct))!;
        return new SaveAnswersResult(attempt.Answers.Count(a => a.Choice.Count > 0), attempt.Paper.Count, attempt.DeadlineAt, AttemptQueries.Remaining(attempt, now));
    }

    /// <summary><c>POST …/attempts/{id}/answers</c>: 200 with the count saved and the time left; 400 after the deadline (<c>deadline</c>) or submission; 404.</summary>
    public static async Task<Results<Ok<SaveAnswersResult>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, SaveAnswersInput input, SaveAnswers step, TimeProvider time, CancellationToken ct)
    {
        try
        {
            return await step.SaveAsync(id, input, time.GetUtcNow(), ct) is { } saved ? TypedResults.Ok(saved) : TypedResults.NotFound();
        }
        catch (InputRejectedException refused)
        {
            return TypedResults.ValidationProblem(refused.Errors);
        }
    }
}
