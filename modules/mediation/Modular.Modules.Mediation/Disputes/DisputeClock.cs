using Modular.Contracts.Time;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>
/// The dates of a dispute: the township's resolution target (local practice, one month by default), the 30 days in
/// which the parties may apply for court confirmation (人民调解法 Art 33), and the follow-up visit (local practice).
/// </summary>
internal sealed class DisputeClock(IStatutoryClock clock)
{
    // Art 33: 自调解协议生效之日起三十日内 — a last day on a rest day moves to the next working day.
    public static readonly StatutoryPeriod CourtConfirmationWindow = StatutoryPeriod.CalendarDays(30);

    public DateOnly Today => clock.Today;

    public DateOnly TargetOn(Dispute d, DisputeSettings settings) => d.ReceivedOn.AddDays(settings.TargetDays);

    public DateOnly? CourtConfirmationDueOn(Dispute d) =>
        d.ResolvedOn is { } effective && d.AgreementForm == AgreementForm.Written && !d.OutcomeImported ? clock.Deadline(effective, CourtConfirmationWindow).Date : null;

    public DateOnly? FollowUpDueOn(Dispute d, DisputeSettings settings) =>
        d.ResolvedOn is { } effective && d.FollowedUpOn is null && !d.OutcomeImported && d.State is DisputeState.Agreed or DisputeState.Performed
            ? effective.AddDays(settings.FollowUpDays)
            : null;

    /// <summary>Open past the target: the one-month practice, not a statutory limit, so it is "late", not unlawful.</summary>
    public bool PastTarget(Dispute d, DisputeSettings settings) => d.IsOpen && !d.OutcomeImported && TargetOn(d, settings) < clock.Today;
}
