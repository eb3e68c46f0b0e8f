using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Cases.Steps;

internal sealed class ConcludeCaseInput : CounselStepInput
{
    public string? Outcome { get; set; }
}

internal sealed record ConcludeCase(DateOnly? On, string? Outcome, string By);

/// <summary>结案: the judgment, ruling, mediation or withdrawal that ended the case, and its day.</summary>
internal static class ConcludeCaseStep
{
    public const string Name = "outcome";

    public static ConcludeCase Read(ConcludeCaseInput input, DateOnly today, InputErrors errors, string by) =>
        new(CounselInput.On(input.On, today, errors), errors.Required("outcome", input.Outcome, "结果", "Outcome", 2000), by);

    public static IReadOnlyList<object> Decide(RepresentedCase c, ConcludeCase k, InputErrors errors)
    {
        RepresentedCase.Steps.Expect(c, Name, errors);
        CounselInput.NotBefore(errors, k.On, c.LastStepOn);

        return errors.Any ? [] : [new CaseConcluded(k.Outcome!, k.On!.Value, k.By)];
    }

    public static Task<bool> RunAsync(CounselStepContext context, Guid id, ConcludeCaseInput input, CancellationToken ct) =>
        context.RunAsync<RepresentedCase, ConcludeCaseInput, ConcludeCase>(id, input, (i, today, e) => Read(i, today, e, context.User.DisplayName), Decide, ct);
}
