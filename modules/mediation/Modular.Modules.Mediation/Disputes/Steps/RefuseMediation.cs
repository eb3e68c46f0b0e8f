using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class RefuseMediationInput : DisputeStepInput
{
    public string? Party { get; set; }

    public string? Reason { get; set; }
}

internal sealed record RefuseMediation(DateOnly? On, string? Party, string? Reason);

/// <summary>人民调解法 Art 17: a party that clearly refuses mediation stops it; the refusal is recorded.</summary>
internal static class RefuseMediationStep
{
    public const string Name = "refusal";

    public static RefuseMediation Read(RefuseMediationInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("party", input.Party, "拒绝调解的当事人", "Refusing party", 100),
        errors.Required("reason", input.Reason, "拒绝理由", "Reason", 2000));

    public static IReadOnlyList<object> Decide(Dispute d, RefuseMediation c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new MediationRefused(on, c.Party!, c.Reason!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, RefuseMediationInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<RefuseMediationInput>(disputes, Name, RunAsync);
}
