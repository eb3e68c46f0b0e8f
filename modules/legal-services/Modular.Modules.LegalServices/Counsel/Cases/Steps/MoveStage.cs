using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Cases.Steps;

internal sealed class MoveStageInput : CounselStepInput
{
    public string? Stage { get; set; }

    public string? Court { get; set; }

    public string? CaseNumber { get; set; }
}

internal sealed record MoveStage(DateOnly? On, CaseStage? Stage, string? Court, string? CaseNumber, string By);

/// <summary>上诉、申请执行: the case moves on, never back (first instance → appeal → enforcement).</summary>
internal static class MoveStageStep
{
    public const string Name = "stage";

    public static MoveStage Read(MoveStageInput input, DateOnly today, InputErrors errors, string by) => new(
        CounselInput.On(input.On, today, errors), errors.Choice<CaseStage>("stage", input.Stage, "审理阶段", "stage"),
        errors.Required("court", input.Court, "审理法院", "Court", 100), errors.Required("caseNumber", input.CaseNumber, "案号", "Case number", 60), by);

    public static IReadOnlyList<object> Decide(RepresentedCase c, MoveStage m, InputErrors errors)
    {
        RepresentedCase.Steps.Expect(c, Name, errors);
        if (m.Stage is { } stage && stage <= c.Stage)
        {
            errors.Add("stage", $"案件已在{CounselVocabulary.Label(c.Stage).Chinese}阶段，只能进入之后的阶段", $"The case is at {CounselVocabulary.Label(c.Stage).English}; it only moves on.");
        }

        CounselInput.NotBefore(errors, m.On, c.LastStepOn);

        return errors.Any ? [] : [new CaseStageMoved(m.Stage!.Value, m.Court!, m.CaseNumber!, m.On!.Value, m.By)];
    }

    public static Task<bool> RunAsync(CounselStepContext context, Guid id, MoveStageInput input, CancellationToken ct) =>
        context.RunAsync<RepresentedCase, MoveStageInput, MoveStage>(id, input, (i, today, e) => Read(i, today, e, context.User.DisplayName), Decide, ct);
}
