using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class IssueOpinionInput : PetitionStepInput
{
    public string? Outcome { get; set; }

    public string? Text { get; set; }

    public string? Basis { get; set; }
}

internal sealed record IssueOpinion(DateOnly? On, OpinionOutcome? Outcome, string? Text, string? Basis);

/// <summary>信访工作条例 Art 32: a written opinion, supported / explained / not supported, with its basis.</summary>
internal static class IssueOpinionStep
{
    public const string Name = "opinion";

    public static IssueOpinion Read(IssueOpinionInput input, DateOnly today, InputErrors errors) => new(
        PetitionStep.ReadOn(input.On, today, errors),
        errors.Choice<OpinionOutcome>("outcome", input.Outcome, "处理意见", "outcome"),
        errors.Required("text", input.Text, "处理意见内容", "Opinion text", 8000),
        errors.Required("basis", input.Basis, "依据", "Basis", 2000));

    public static IReadOnlyList<object> Decide(Petition p, IssueOpinion c, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        return errors.Any ? [] : [new OpinionIssued(c.On!.Value, c.Outcome!.Value, c.Text!, c.Basis!)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, IssueOpinionInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<IssueOpinionInput>(petitions, Name, RunAsync);
}
