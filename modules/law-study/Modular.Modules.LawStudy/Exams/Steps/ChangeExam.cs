using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Exams;

internal sealed class ChangeExamInput : ExamInput
{
    public long? Version { get; set; }
}

/// <summary>
/// 修改考试: the whole exam set again, only until someone has started it: after that its papers, limits and marks are
/// what people sat, and changing them would change their scores.
/// </summary>
internal sealed class ChangeExam(IDocumentSession session, SetExam set, TimeProvider time)
{
    public const string Step = "change";

    public static IReadOnlyList<object> Decide(Exam exam, ChangeExamInput input, ExamContext context, bool started, InputErrors errors)
    {
        Exam.Steps.Expect(exam, Step, errors);
        if (started)
        {
            errors.Add("state", "已有人开始考试，不能再修改", "Someone has started the exam: it can no longer be changed.");
        }

        var details = ExamReading.Read(input, context, errors);
        return errors.Any ? [] : [new ExamChanged(details!)];
    }

    public async Task<bool> RunAsync(Guid id, ChangeExamInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var context = await set.ContextAsync(time.GetUtcNow(), ct);
        var started = await session.Query<ExamAttempt>().AnyAsync(a => a.ExamId == id, ct);
        return await session.RunStepAsync<Exam>(id, input.Version, errors, exam => Decide(exam, input, context, started, errors), ct);
    }

    public static Task<Results<Ok<ExamView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, ChangeExamInput input, ChangeExam step, ExamQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => queries.GetAsync(id, ct));
}
