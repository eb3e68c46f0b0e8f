using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class RouteDisputeInput : DisputeStepInput
{
    public string? To { get; set; }

    public string? Reason { get; set; }
}

internal sealed record RouteDispute(DateOnly? On, string? To, string? Reason);

/// <summary>分流: the dispute goes to the department or platform it belongs to, and closes here.</summary>
internal static class RouteDisputeStep
{
    public const string Name = "routing";

    public static RouteDispute Read(RouteDisputeInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("to", input.To, "分流去向", "Routed to", 200),
        errors.Required("reason", input.Reason, "分流理由", "Reason", 2000));

    public static IReadOnlyList<object> Decide(Dispute d, RouteDispute c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new DisputeRouted(on, c.To!, c.Reason!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, RouteDisputeInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<RouteDisputeInput>(disputes, Name, RunAsync);
}
