using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class InvestigatePetitionInput : PetitionStepInput
{
    public string? Investigator { get; set; }
}

internal sealed record InvestigatePetition(DateOnly? On, string? Investigator);

/// <summary>调查核实: the facts are checked before an opinion is given.</summary>
internal static class InvestigatePetitionStep
{
    public const string Name = "investigation";

    public static InvestigatePetition Read(InvestigatePetitionInput input, DateOnly today, InputErrors errors) => new(
        PetitionStep.ReadOn(input.On, today, errors),
        errors.Required("investigator", input.Investigator, "调查人", "Investigator", 100));

    public static IReadOnlyList<object> Decide(Petition p, InvestigatePetition c, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        return errors.Any ? [] : [new InvestigationStarted(c.On!.Value, c.Investigator!)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, InvestigatePetitionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<InvestigatePetitionInput>(petitions, Name, RunAsync);
}
