using Modular.Contracts.Time;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>The deadlines of 信访工作条例 (2022), all in calendar days except the objection.</summary>
internal sealed class PetitionClock(IStatutoryClock clock)
{
    // Art 29/31: the acceptance notice within 15 days of registration (transferred cases too).
    public static readonly StatutoryPeriod Acceptance = StatutoryPeriod.CalendarDays(15);

    // A matter outside the township's remit is objected to within 5 working days.
    public static readonly StatutoryPeriod Objection = StatutoryPeriod.WorkingDays(5);

    // Art 34: 60 days from acceptance, extendable once by up to 30 days with reasons told.
    public const int OpinionDays = 60;
    public const int MaxExtensionDays = 30;

    // Art 35 and 36: 30 days to ask for a review, 30 days to decide it; the same again for the second review.
    public static readonly StatutoryPeriod ReviewWindow = StatutoryPeriod.CalendarDays(30);

    public DateOnly Today => clock.Today;

    public DateOnly Deadline30(DateOnly from) => clock.Deadline(from, ReviewWindow).Date;

    public DateOnly AcceptanceDueOn(Petition p) => clock.Deadline(p.ReceivedOn, Acceptance).Date;

    public DateOnly ObjectionDueOn(Petition p) => clock.Deadline(p.ReceivedOn, Objection).Date;

    public DateOnly? OpinionDueOn(Petition p) =>
        p.AcceptedOn is { } accepted ? clock.Deadline(accepted, StatutoryPeriod.CalendarDays(OpinionDays + p.ExtensionDays)).Date : null;

    public DateOnly? ReviewRequestDueOn(Petition p) => p.State switch
    {
        PetitionState.OpinionIssued => clock.Deadline(p.OpinionOn!.Value, ReviewWindow).Date,
        PetitionState.Reviewed => clock.Deadline(p.ReviewDecidedOn!.Value, ReviewWindow).Date,
        _ => null,
    };

    public DateOnly? ReviewDecisionDueOn(Petition p) => p.State switch
    {
        PetitionState.UnderReview => clock.Deadline(p.ReviewRequestedOn!.Value, ReviewWindow).Date,
        PetitionState.UnderSecondReview => clock.Deadline(p.SecondReviewRequestedOn!.Value, ReviewWindow).Date,
        _ => null,
    };

    /// <summary>The next date the township itself must meet, or null when nothing is pending on its side.</summary>
    public DateOnly? NextDueOn(Petition p) => p.State switch
    {
        PetitionState.Registered => AcceptanceDueOn(p),
        PetitionState.Accepted or PetitionState.Classified or PetitionState.Investigating => OpinionDueOn(p),
        PetitionState.UnderReview or PetitionState.UnderSecondReview => ReviewDecisionDueOn(p),
        _ => null,
    };

    public bool Overdue(Petition p) => NextDueOn(p) is { } due && due < clock.Today;
}
