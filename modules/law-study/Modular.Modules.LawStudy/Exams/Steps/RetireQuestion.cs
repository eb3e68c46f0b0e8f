using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Exams;

internal sealed class RetireQuestionInput
{
    public long? Version { get; set; }

    /// <summary>Why: the law was amended, the question is ambiguous…</summary>
    public string? Reason { get; set; }
}

/// <summary>停用: the question is never drawn again; the papers that hold it keep it, with its answer and explanation.</summary>
internal sealed class RetireQuestion(IDocumentSession session)
{
    public const string Step = "retire";

    public static IReadOnlyList<object> Decide(Question question, RetireQuestionInput input, InputErrors errors)
    {
        Question.Steps.Expect(question, Step, errors);
        var reason = errors.Required("reason", input.Reason, "停用原因", "Reason", 500);
        return errors.Any ? [] : [new QuestionRetired(reason!)];
    }

    public Task<bool> RunAsync(Guid id, RetireQuestionInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        return session.RunStepAsync<Question>(id, input.Version, errors, q => Decide(q, input, errors), ct);
    }

    public static Task<Results<Ok<QuestionView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, RetireQuestionInput input, RetireQuestion step, QuestionBank bank, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => bank.GetAsync(id, ct));
}
