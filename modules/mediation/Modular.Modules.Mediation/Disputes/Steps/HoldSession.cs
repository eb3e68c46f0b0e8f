using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class HoldSessionInput : DisputeStepInput
{
    public string? Place { get; set; }

    public string? Participants { get; set; }

    public string? Record { get; set; }
}

internal sealed record HoldSession(DateOnly? On, string? Place, string? Participants, string? Record);

/// <summary>人民调解法 Art 27: a session, with its record (调解笔录), held by the mediator named for the dispute.</summary>
internal static class HoldSessionStep
{
    public const string Name = "session";

    public static HoldSession Read(HoldSessionInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("place", input.Place, "调解地点", "Place", 200),
        errors.Required("participants", input.Participants, "参加人员", "Participants", 1000),
        errors.Required("record", input.Record, "调解笔录", "Record", 20000));

    /// <summary>The table offers a session only once a mediator is named.</summary>
    public static bool HasMediator(Dispute d) => d.Mediator is not null;

    public static IReadOnlyList<object> Decide(Dispute d, HoldSession c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        if (Dispute.Steps.StatesFor(Name).Contains(d.State) && !HasMediator(d))
        {
            errors.Add("mediator", "请先指定或选定调解员", "Assign or choose a mediator first.");
        }

        return errors.Any ? [] : [new MediationSessionHeld(on, c.Place!, c.Participants!, c.Record!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, HoldSessionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<HoldSessionInput>(disputes, Name, RunAsync);
}
