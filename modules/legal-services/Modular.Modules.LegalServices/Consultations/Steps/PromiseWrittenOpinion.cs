using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Consultations.Steps;

internal sealed class PromiseWrittenOpinionInput : ConsultationStepInput
{
    public string? Note { get; set; }
}

internal sealed record PromiseWrittenOpinionCommand(DateTimeOffset? At, string? Note, string By);

/// <summary>
/// 转书面答复: the question cannot be answered on the spot; a written opinion follows. The matter stays open, and a
/// letter's or message's clock keeps running until the opinion is given.
/// </summary>
internal static class PromiseWrittenOpinion
{
    public const string Step = "written-opinion-later";

    public static PromiseWrittenOpinionCommand Read(PromiseWrittenOpinionInput input, DateTimeOffset now, string by, InputErrors errors) =>
        new(ConsultationStep.ReadAt(input.At, now, errors), errors.Optional("note", input.Note, "说明", "Note", 2000), by);

    public static IReadOnlyList<object> Decide(Consultation c, PromiseWrittenOpinionCommand command, InputErrors errors)
    {
        var at = ConsultationStep.Expect(c, Step, command.At, errors);
        return errors.Any ? [] : [new WrittenOpinionPromised(at, command.Note, command.By)];
    }

    public static Task<bool> RunAsync(ConsultationStepContext context, Guid id, PromiseWrittenOpinionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);
}
