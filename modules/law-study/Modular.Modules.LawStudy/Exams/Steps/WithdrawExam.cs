using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Exams;

internal sealed class WithdrawExamInput
{
    public long? Version { get; set; }

    public string? Reason { get; set; }
}

/// <summary>撤销考试: no one may start it any more; attempts already made stay on the record but count in no figure.</summary>
internal sealed class WithdrawExam(IDocumentSession session)
{
    public const string Step = "withdraw";

    public static IReadOnlyList<object> Decide(Exam exam, WithdrawExamInput input, InputErrors errors)
    {
        Exam.Steps.Expect(exam, Step, errors);
        var reason = errors.Required("reason", input.Reason, "撤销原因", "Reason", 500);
        return errors.Any ? [] : [new ExamWithdrawn(reason!)];
    }

    public Task<bool> RunAsync(Guid id, WithdrawExamInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        return session.RunStepAsync<Exam>(id, input.Version, errors, exam => Decide(exam, input, errors), ct);
    }

    public static Task<Results<Ok<ExamView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, WithdrawExamInput input, WithdrawExam step, ExamQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => queries.GetAsync(id, ct));
}
