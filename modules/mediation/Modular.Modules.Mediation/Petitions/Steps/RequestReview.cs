using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class RequestReviewInput : PetitionStepInput;

/// <summary>The day the petitioner asked.</summary>
internal sealed record RequestReview(DateOnly? On);

/// <summary>信访工作条例 Art 35 (review) and Art 36 (second review): asked within 30 days of the opinion or the review decision.</summary>
internal static class RequestReviewStep
{
    public const string Name = "review-request";

    public static RequestReview Read(RequestReviewInput input, DateOnly today, InputErrors errors) => new(PetitionStep.ReadOn(input.On, today, errors));

    /// <param name="dueOn">The last day to ask (<see cref="PetitionClock.ReviewRequestDueOn"/>).</param>
    public static IReadOnlyList<object> Decide(Petition p, RequestReview c, DateOnly? dueOn, InputErrors errors)
    {
        PetitionStep.Expect(p, Name, c.On, errors);
        if (!errors.Any && c.On is { } day && dueOn is { } due && day > due)
        {
            errors.Add("on", $"请求期限已于{due:yyyy-MM-dd}届满，原意见已发生效力", $"The window closed on {due:yyyy-MM-dd}; the decision stands.");
        }

        return errors.Any ? [] : [new ReviewRequested(c.On!.Value, p.State == PetitionState.OpinionIssued ? 1 : 2)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, RequestReviewInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, (p, c, errors) => Decide(p, c, context.Clock.ReviewRequestDueOn(p)?.Date, errors), ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<RequestReviewInput>(petitions, Name, RunAsync);
}
