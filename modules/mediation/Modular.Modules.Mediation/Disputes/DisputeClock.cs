using Modular.Contracts.Time;
using Modular.Kit.Time;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>
/// The dates of a dispute, every one counted by the statutory clock: the township's resolution target (local practice,
/// 30 calendar days by default), the 30 days in which the parties may apply for court confirmation (人民调解法 Art 33),
/// and the follow-up visit (local practice). A calendar-day period ending on a rest day ends on the next working day.
/// </summary>
internal sealed class DisputeClock(IStatutoryClock clock)
{
    // Art 33: 自调解协议生效之日起三十日内 — a last day on a rest day moves to the next working day.
    public static readonly StatutoryPeriod CourtConfirmationWindow = StatutoryPeriod.CalendarDays(30);

    public DateOnly Today => clock.Today;

    public StatutoryDate TargetOn(Dispute d, DisputeSettings settings) => clock.Deadline(d.ReceivedOn, settings.Target);

    public StatutoryDate? CourtConfirmationDueOn(Dispute d) =>
        d.ResolvedOn is { } effective && d.AgreementForm == AgreementForm.Written && !d.OutcomeImported ? clock.Deadline(effective, CourtConfirmationWindow) : null;

    public StatutoryDate? FollowUpDueOn(Dispute d, DisputeSettings settings) =>
        d.ResolvedOn is { } effective && d.FollowedUpOn is null && !d.OutcomeImported && d.State is DisputeState.Agreed or DisputeState.Performed
            ? clock.Deadline(effective, settings.FollowUp)
            : null;

    /// <summary>Open past the target: the one-month practice, not a statutory limit, so it is "late", not unlawful.</summary>
    public bool PastTarget(Dispute d, DisputeSettings settings) => d.IsOpen && !d.OutcomeImported && TargetOn(d, settings).Date < clock.Today;

    /// <summary>Open disputes received on or before this day are past the target today (the line <see cref="PastTarget"/> draws).</summary>
    public DateOnly PastTargetIfReceivedBy(DisputeSettings settings) => clock.LastTriggerOverdueOn(settings.Target, clock.Today);

    /// <summary>Open disputes received on or before this day reach the target by <paramref name="horizon"/>.</summary>
    public DateOnly TargetDueIfReceivedBy(DisputeSettings settings, DateOnly horizon) => clock.LastTriggerDueBy(settings.Target, horizon);

    /// <summary>Agreements that took effect after this day are still within the court-confirmation window today.</summary>
    public DateOnly WindowClosedIfResolvedBy => clock.LastTriggerOverdueOn(CourtConfirmationWindow, clock.Today);
}
