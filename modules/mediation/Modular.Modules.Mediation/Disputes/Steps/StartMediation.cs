using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class StartMediationInput : DisputeStepInput
{
    public string? Basis { get; set; }

    public string? AppliedBy { get; set; }
}

internal sealed record StartMediation(DateOnly? On, MediationBasis? Basis, string? AppliedBy);

/// <summary>人民调解法 Art 17: mediation starts on a party's application, or of the committee's own accord.</summary>
internal static class StartMediationStep
{
    public const string Name = "start";

    public static StartMediation Read(StartMediationInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Choice<MediationBasis>("basis", input.Basis, "调解启动方式", "basis"),
        errors.Optional("appliedBy", input.AppliedBy, "申请人", "Applied by", 100));

    public static IReadOnlyList<object> Decide(Dispute d, StartMediation c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        if (c.Basis == MediationBasis.Application && c.AppliedBy is null)
        {
            errors.Add("appliedBy", "当事人申请调解的，须写明申请人", "Name the party who applied.");
        }

        return errors.Any ? [] : [new MediationStarted(on, c.Basis!.Value, c.AppliedBy)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, StartMediationInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<StartMediationInput>(disputes, Name, RunAsync);
}
