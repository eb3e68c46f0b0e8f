using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class FileObjectionInput : LegalAidStepInput
{
    public string? Grounds { get; set; }
}

internal sealed record FileObjection(DateOnly? On, string? Grounds);

/// <summary>
/// 法律援助法 第四十九条: the applicant or recipient objects to a refusal or a termination before the justice bureau.
/// The law sets no deadline for filing, so none is checked; one objection per decision.
/// </summary>
internal static class FileObjectionStep
{
    public const string Name = "objection";

    public static FileObjection Read(FileObjectionInput input, DateOnly today, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), errors.Required("grounds", input.Grounds, "异议的理由", "Grounds", 2000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, FileObjection c, InputErrors errors)
    {
        if (a.DecisionObjected && a.State is ApplicationState.Refused or ApplicationState.Terminated)
        {
            errors.Add("state", "对该决定的异议已由司法行政部门审查决定", "The objection to this decision has been decided already.");
        }

        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new ObjectionFiled(on, c.Grounds!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, FileObjectionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<FileObjectionInput>(applications, Name, RunAsync);
}
