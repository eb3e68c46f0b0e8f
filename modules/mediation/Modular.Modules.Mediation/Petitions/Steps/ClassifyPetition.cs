using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class ClassifyPetitionInput : PetitionStepInput
{
    public string? Category { get; set; }
}

internal sealed record ClassifyPetition(DateOnly? On, PetitionCategory? Category);

/// <summary>信访工作条例: a suggestion, a report or a claim, each handled its own way.</summary>
internal static class ClassifyPetitionStep
{
    public const string Name = "classification";

    public static ClassifyPetition Read(ClassifyPetitionInput input, DateOnly today, InputErrors errors) => new(
        PetitionStep.ReadOn(input.On, today, errors),
        errors.Choice<PetitionCategory>("category", input.Category, "信访事项类别", "category"));

    public static IReadOnlyList<object> Decide(Petition p, ClassifyPetition c, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        return errors.Any ? [] : [new PetitionClassified(c.On!.Value, c.Category!.Value)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, ClassifyPetitionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<ClassifyPetitionInput>(petitions, Name, RunAsync);
}
