using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class DraftAgreementInput : DisputeStepInput
{
    public string? Facts { get; set; }

    public string? Matters { get; set; }

    public string? Responsibilities { get; set; }

    public string? Terms { get; set; }

    public string? Performance { get; set; }
}

internal sealed record DraftAgreement(DateOnly? On, string? Facts, string? Matters, string? Responsibilities, string? Terms, string? Performance);

/// <summary>人民调解法 Art 29: the written agreement's content, drafted from the sessions for the parties to sign.</summary>
internal static class DraftAgreementStep
{
    public const string Name = "agreement";

    public static DraftAgreement Read(DraftAgreementInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("facts", input.Facts, "纠纷的主要事实", "Facts", 8000),
        errors.Required("matters", input.Matters, "争议事项", "Matters in dispute", 4000),
        errors.Required("responsibilities", input.Responsibilities, "各方当事人的责任", "Responsibilities", 4000),
        errors.Required("terms", input.Terms, "协议内容", "Terms", 8000),
        errors.Required("performance", input.Performance, "履行方式、期限", "How and when performed", 2000));

    public static IReadOnlyList<object> Decide(Dispute d, DraftAgreement c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new AgreementDrafted(on, c.Facts!, c.Matters!, c.Responsibilities!, c.Terms!, c.Performance!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, DraftAgreementInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<DraftAgreementInput>(disputes, Name, RunAsync);
}
