using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class ReachOralAgreementInput : DisputeStepInput
{
    public string? Terms { get; set; }

    public string? Performance { get; set; }
}

internal sealed record ReachOralAgreement(DateOnly? On, string? Terms, string? Performance);

/// <summary>人民调解法 Art 30: an oral agreement, in effect when reached; the mediator records its content.</summary>
internal static class ReachOralAgreementStep
{
    public const string Name = "oral-agreement";

    public static ReachOralAgreement Read(ReachOralAgreementInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("terms", input.Terms, "协议内容", "Terms", 8000),
        errors.Required("performance", input.Performance, "履行方式、期限", "How and when performed", 2000));

    public static IReadOnlyList<object> Decide(Dispute d, ReachOralAgreement c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new OralAgreementReached(on, c.Terms!, c.Performance!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, ReachOralAgreementInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<ReachOralAgreementInput>(disputes, Name, RunAsync);
}
