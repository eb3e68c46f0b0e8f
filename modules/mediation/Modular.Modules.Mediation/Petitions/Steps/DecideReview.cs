using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class DecideReviewInput : PetitionStepInput
{
    public string? Outcome { get; set; }

    public string? Text { get; set; }
}

internal sealed record DecideReview(DateOnly? On, OpinionOutcome? Outcome, string? Text);

/// <summary>信访工作条例 Arts 35 and 36: the review (复查) or second review (复核) decided; the second is final.</summary>
internal static class DecideReviewStep
{
    public const string Name = "review-decision";

    public static DecideReview Read(DecideReviewInput input, DateOnly today, InputErrors errors) => new(
        PetitionStep.ReadOn(input.On, today, errors),
        errors.Choice<OpinionOutcome>("outcome", input.Outcome, "复查（复核）意见", "outcome"),
        errors.Required("text", input.Text, "复查（复核）意见内容", "Decision text", 8000));

    public static IReadOnlyList<object> Decide(Petition p, DecideReview c, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        return errors.Any ? [] : [new ReviewDecided(c.On!.Value, p.State == PetitionState.UnderReview ? 1 : 2, c.Outcome!.Value, c.Text!)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, DecideReviewInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<DecideReviewInput>(petitions, Name, RunAsync);
}
