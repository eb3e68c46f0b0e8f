using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class RefuseAidInput : LegalAidStepInput
{
    public string? DecisionNumber { get; set; }

    public string? Reasons { get; set; }
}

internal sealed record RefuseAid(DateOnly? On, string? DecisionNumber, string? Reasons);

/// <summary>法律援助法 第四十三条: 决定不给予法律援助的，应当书面告知申请人，并说明理由 — a refusal always carries its reasons.</summary>
internal static class RefuseAidStep
{
    public const string Name = "refusal";

    public static RefuseAid Read(RefuseAidInput input, DateOnly today, InputErrors errors) => new(
        LegalAidStep.ReadOn(input.On, today, errors),
        errors.Optional("decisionNumber", input.DecisionNumber, "决定书文号", "Decision number", 50),
        errors.Required("reasons", input.Reasons, "不予法律援助的理由（书面告知）", "Reasons given in writing", 2000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, RefuseAid c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new AidRefused(on, c.DecisionNumber ?? "", c.Reasons!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, RefuseAidInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<RefuseAidInput>(applications, Name, RunAsync);
}
