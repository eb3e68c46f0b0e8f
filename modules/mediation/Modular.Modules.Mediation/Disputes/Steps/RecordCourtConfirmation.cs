using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class RecordCourtConfirmationInput : DisputeStepInput
{
    public string? Court { get; set; }
}

internal sealed record RecordCourtConfirmation(DateOnly? On, string? Court);

/// <summary>人民调解法 Art 33: the parties may jointly apply to the court for confirmation within 30 days of a written agreement.</summary>
internal static class RecordCourtConfirmationStep
{
    public const string Name = "court-confirmation";

    public static RecordCourtConfirmation Read(RecordCourtConfirmationInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("court", input.Court, "人民法院", "Court", 100));

    /// <summary>The table offers it for a written agreement whose application is not yet recorded.</summary>
    public static bool IsOpen(Dispute d) => d.AgreementForm == AgreementForm.Written && d.CourtConfirmationAppliedOn is null;

    /// <param name="windowEndsOn">The last day of the 30 days (<see cref="DisputeClock.CourtConfirmationDueOn"/>), rolled past rest days.</param>
    public static IReadOnlyList<object> Decide(Dispute d, RecordCourtConfirmation c, DateOnly? windowEndsOn, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        if (!errors.Any && d.AgreementForm != AgreementForm.Written)
        {
            errors.Add("state", "司法确认须以书面调解协议申请", "Court confirmation needs a written agreement.");
        }
        else if (!errors.Any && d.CourtConfirmationAppliedOn is not null)
        {
            errors.Add("state", "已登记司法确认申请", "The application for confirmation is already recorded.");
        }
        else if (!errors.Any && windowEndsOn is { } due && on > due)
        {
            errors.Add("on", $"司法确认申请期限已于{due:yyyy-MM-dd}届满（人民调解法第三十三条）", $"The 30 days for court confirmation ended on {due:yyyy-MM-dd} (Art 33).");
        }

        return errors.Any ? [] : [new CourtConfirmationApplied(on, c.Court!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, RecordCourtConfirmationInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, (d, c, errors) => Decide(d, c, context.Clock.CourtConfirmationDueOn(d)?.Date, errors), ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<RecordCourtConfirmationInput>(disputes, Name, RunAsync);
}
