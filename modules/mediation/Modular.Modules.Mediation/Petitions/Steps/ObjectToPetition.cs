using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class ObjectToPetitionInput : PetitionStepInput
{
    public string? Reason { get; set; }
}

internal sealed record ObjectToPetition(DateOnly? On, string? Reason);

/// <summary>Outside the township's remit: objected to within 5 working days of registration, and closed here.</summary>
internal static class ObjectToPetitionStep
{
    public const string Name = "objection";

    public static ObjectToPetition Read(ObjectToPetitionInput input, DateOnly today, InputErrors errors) => new(
        PetitionStep.ReadOn(input.On, today, errors),
        errors.Required("reason", input.Reason, "异议理由", "Reason", 2000));

    /// <param name="dueOn">The fifth working day after registration (<see cref="PetitionClock.ObjectionDueOn"/>).</param>
    public static IReadOnlyList<object> Decide(Petition p, ObjectToPetition c, DateOnly dueOn, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        if (p.State == PetitionState.Registered && c.On is { } day && day > dueOn)
        {
            errors.Add("on", $"异议须在登记后5个工作日内（{dueOn:yyyy-MM-dd}前）提出", $"An objection is due within 5 working days of registration (by {dueOn:yyyy-MM-dd}).");
        }

        return errors.Any ? [] : [new PetitionObjected(c.On!.Value, c.Reason!)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, ObjectToPetitionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, (p, c, errors) => Decide(p, c, context.Clock.ObjectionDueOn(p).Date, errors), ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<ObjectToPetitionInput>(petitions, Name, RunAsync);
}
