using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class DecideObjectionInput : LegalAidStepInput
{
    public string? Outcome { get; set; }

    public string? Reasons { get; set; }
}

internal sealed record DecideObjection(DateOnly? On, ObjectionOutcome? Outcome, string? Reasons);

/// <summary>
/// 法律援助法 第四十九条: the justice bureau upholds the decision or tells the agency to correct it (grant, or continue the
/// aid), within 5 days of the objection (<see cref="LegalAidClock.ObjectionDecisionDue"/>).
/// </summary>
internal static class DecideObjectionStep
{
    public const string Name = "objection-decision";

    public static DecideObjection Read(DecideObjectionInput input, DateOnly today, InputErrors errors) => new(
        LegalAidStep.ReadOn(input.On, today, errors),
        errors.Choice<ObjectionOutcome>("outcome", input.Outcome, "审查决定", "outcome"),
        errors.Required("reasons", input.Reasons, "决定的理由", "Reasons", 2000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, DecideObjection c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new ObjectionDecided(on, c.Outcome!.Value, c.Reasons!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, DecideObjectionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<DecideObjectionInput>(applications, Name, RunAsync);
}
