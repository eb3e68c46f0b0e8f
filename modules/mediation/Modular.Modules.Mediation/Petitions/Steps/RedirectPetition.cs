using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class RedirectPetitionInput : PetitionStepInput
{
    public string? Procedure { get; set; }

    public string? Text { get; set; }
}

internal sealed record RedirectPetition(DateOnly? On, string? Procedure, string? Explanation);

/// <summary>
/// 信访工作条例 Art 31: a claim that belongs to litigation, arbitration, administrative reconsideration or another
/// statutory procedure is sent there, with the petitioner told which and how; the petition closes here.
/// </summary>
internal static class RedirectPetitionStep
{
    public const string Name = "redirection";

    public static RedirectPetition Read(RedirectPetitionInput input, DateOnly today, InputErrors errors) => new(
        PetitionStep.ReadOn(input.On, today, errors),
        errors.Required("procedure", input.Procedure, "法定途径", "Procedure", 200),
        errors.Required("text", input.Text, "告知内容", "Explanation", 4000));

    /// <summary>The table offers it for a claim only.</summary>
    public static bool IsClaim(Petition p) => p.Category == PetitionCategory.Claim;

    public static IReadOnlyList<object> Decide(Petition p, RedirectPetition c, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        if (p.State == PetitionState.Classified && !IsClaim(p))
        {
            errors.Add("state", "只有申诉求决类事项可导入诉讼、仲裁、复议等法定途径", "Only a claim can be redirected to another procedure.");
        }

        return errors.Any ? [] : [new PetitionRedirected(c.On!.Value, c.Procedure!, c.Explanation!)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, RedirectPetitionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<RedirectPetitionInput>(petitions, Name, RunAsync);
}
