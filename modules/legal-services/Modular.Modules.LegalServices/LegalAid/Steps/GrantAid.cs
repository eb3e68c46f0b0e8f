using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class GrantAidInput : LegalAidStepInput
{
    public string? DecisionNumber { get; set; }
}

internal sealed record GrantAid(DateOnly? On, string? DecisionNumber);

/// <summary>法律援助法 第四十三条: the agency's decision to grant, as it tells the station (the clock: <see cref="LegalAidClock.DecisionDue"/>).</summary>
internal static class GrantAidStep
{
    public const string Name = "grant";

    public static GrantAid Read(GrantAidInput input, DateOnly today, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), errors.Optional("decisionNumber", input.DecisionNumber, "决定书文号", "Decision number", 50));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, GrantAid c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new AidGranted(on, c.DecisionNumber ?? "")];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, GrantAidInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<GrantAidInput>(applications, Name, RunAsync);
}
