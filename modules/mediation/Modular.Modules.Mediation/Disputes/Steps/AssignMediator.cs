using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class AssignMediatorInput : DisputeStepInput
{
    public string? Mediator { get; set; }

    public bool ChosenByParties { get; set; }
}

internal sealed record AssignMediator(DateOnly? On, string? Mediator, bool ChosenByParties);

/// <summary>人民调解法 Art 19: the committee assigns one or more mediators, or the parties choose; a later change is recorded too.</summary>
internal static class AssignMediatorStep
{
    public const string Name = "mediator";

    public static AssignMediator Read(AssignMediatorInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("mediator", input.Mediator, "调解员", "Mediator", 100),
        input.ChosenByParties);

    public static IReadOnlyList<object> Decide(Dispute d, AssignMediator c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new MediatorAssigned(on, c.Mediator!, c.ChosenByParties)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, AssignMediatorInput input, CancellationToken ct) =>
        context.ChangingFilterChoices().RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<AssignMediatorInput>(disputes, Name, RunAsync);
}
