using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class VisitAfterAgreementInput : DisputeStepInput
{
    public string? Visitor { get; set; }

    public string? Note { get; set; }
}

internal sealed record VisitAfterAgreement(DateOnly? On, string? Visitor, string? Note);

/// <summary>回访: a visit to the parties after the agreement (local practice).</summary>
internal static class VisitAfterAgreementStep
{
    public const string Name = "follow-up";

    public static VisitAfterAgreement Read(VisitAfterAgreementInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("visitor", input.Visitor, "回访人", "Visitor", 100),
        errors.Required("note", input.Note, "回访情况", "Note", 2000));

    public static IReadOnlyList<object> Decide(Dispute d, VisitAfterAgreement c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new FollowUpVisited(on, c.Visitor!, c.Note!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, VisitAfterAgreementInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<VisitAfterAgreementInput>(disputes, Name, RunAsync);
}
