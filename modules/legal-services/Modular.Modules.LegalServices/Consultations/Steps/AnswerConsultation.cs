using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Consultations.Steps;

internal sealed class AnswerConsultationInput : ConsultationStepInput
{
    public string? Answer { get; set; }
}

internal sealed record AnswerConsultationCommand(DateTimeOffset? At, string? Answer, string By);

/// <summary>解答: answered on the spot (or the letter or message answered), with the answer recorded. Closes it.</summary>
internal static class AnswerConsultation
{
    public const string Step = "answer";

    public static AnswerConsultationCommand Read(AnswerConsultationInput input, DateTimeOffset now, string by, InputErrors errors) =>
        new(ConsultationStep.ReadAt(input.At, now, errors), errors.Required("answer", input.Answer, "解答内容", "Answer", 4000), by);

    public static IReadOnlyList<object> Decide(Consultation c, AnswerConsultationCommand command, InputErrors errors)
    {
        var at = ConsultationStep.Expect(c, Step, command.At, errors);
        return errors.Any ? [] : [new ConsultationAnswered(at, command.Answer!, command.By)];
    }

    public static Task<bool> RunAsync(ConsultationStepContext context, Guid id, AnswerConsultationInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);
}
