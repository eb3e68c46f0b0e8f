using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class TerminateAidInput : LegalAidStepInput
{
    public string? Ground { get; set; }

    public string? Reason { get; set; }
}

internal sealed record TerminateAid(DateOnly? On, TerminationGround? Ground, string? Reason);

/// <summary>法律援助法 第四十八条: the agency terminates the aid on one of the article's eight grounds, saying why.</summary>
internal static class TerminateAidStep
{
    public const string Name = "termination";

    public static TerminateAid Read(TerminateAidInput input, DateOnly today, InputErrors errors) => new(
        LegalAidStep.ReadOn(input.On, today, errors),
        errors.Choice<TerminationGround>("ground", input.Ground, "终止的情形（第四十八条）", "ground (Art 48)"),
        errors.Required("reason", input.Reason, "终止的理由", "Reason", 2000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, TerminateAid c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new AidTerminated(on, c.Ground!.Value, c.Reason!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, TerminateAidInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<TerminateAidInput>(applications, Name, RunAsync);
}
