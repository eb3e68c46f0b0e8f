using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class AcceptPetitionInput : PetitionStepInput;

/// <summary>The day the acceptance notice went to the petitioner.</summary>
internal sealed record AcceptPetition(DateOnly? On);

/// <summary>信访工作条例 Art 29/31: accepted, and the petitioner told, within 15 days of registration.</summary>
internal static class AcceptPetitionStep
{
    public const string Name = "acceptance";

    public static AcceptPetition Read(AcceptPetitionInput input, DateOnly today, InputErrors errors) => new(PetitionStep.ReadOn(input.On, today, errors));

    public static IReadOnlyList<object> Decide(Petition p, AcceptPetition c, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        return errors.Any ? [] : [new PetitionAccepted(c.On!.Value)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, AcceptPetitionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<AcceptPetitionInput>(petitions, Name, RunAsync);
}
