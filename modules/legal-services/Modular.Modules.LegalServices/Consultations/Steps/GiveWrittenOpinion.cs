using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Consultations.Steps;

internal sealed class GiveWrittenOpinionInput : ConsultationStepInput
{
    public string? Opinion { get; set; }
}

internal sealed record GiveWrittenOpinionCommand(DateTimeOffset? At, string? Opinion, string By);

/// <summary>出具书面意见: the written opinion promised is given. Closes the consultation.</summary>
internal static class GiveWrittenOpinion
{
    public const string Step = "written-opinion";

    public static GiveWrittenOpinionCommand Read(GiveWrittenOpinionInput input, DateTimeOffset now, string by, InputErrors errors) =>
        new(ConsultationStep.ReadAt(input.At, now, errors), errors.Required("opinion", input.Opinion, "书面意见", "Written opinion", 8000), by);

    public static IReadOnlyList<object> Decide(Consultation c, GiveWrittenOpinionCommand command, InputErrors errors)
    {
        var at = ConsultationStep.Expect(c, Step, command.At, errors);
        return errors.Any ? [] : [new WrittenOpinionGiven(at, command.Opinion!, command.By)];
    }

    public static Task<bool> RunAsync(ConsultationStepContext context, Guid id, GiveWrittenOpinionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);
}
