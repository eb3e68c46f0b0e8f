using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Exams;

internal sealed class EditQuestionInput : QuestionInput
{
    public long? Version { get; set; }
}

/// <summary>修改: the question corrected. Papers already drawn keep the question as it was when drawn.</summary>
internal sealed class EditQuestion(IDocumentSession session)
{
    public const string Step = "edit";

    public static IReadOnlyList<object> Decide(Question question, EditQuestionInput input, InputErrors errors)
    {
        Question.Steps.Expect(question, Step, errors);
        var q = QuestionDetails.Read(input, errors);
        return errors.Any ? [] : [new QuestionEdited(q!.Law, q.Kind, q.Text, q.Options, q.Answer, q.Explanation)];
    }

    public Task<bool> RunAsync(Guid id, EditQuestionInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        return session.RunStepAsync<Question>(id, input.Version, errors, q => Decide(q, input, errors), ct);
    }

    public static Task<Results<Ok<QuestionView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, EditQuestionInput input, EditQuestion step, QuestionBank bank, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => bank.GetAsync(id, ct));
}
