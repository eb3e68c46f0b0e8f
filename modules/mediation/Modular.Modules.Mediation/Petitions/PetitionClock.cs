using Modular.Contracts.Time;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>
/// The deadlines of 信访工作条例 (2022), all in calendar days except the objection, each a <see cref="StatutoryDate"/>
/// so a page and the API can say when it is provisional (a year without a holiday calendar).
/// </summary>
internal sealed class PetitionClock(IStatutoryClock clock)
{
    // Art 29/31: the acceptance notice within 15 days of registration (transferred cases too).
    public static readonly StatutoryPeriod Acceptance = StatutoryPeriod.CalendarDays(15);

    // A matter outside the township's remit is objected to within 5 working days.
    public static readonly StatutoryPeriod Objection = StatutoryPeriod.WorkingDays(5);

    // Art 34: 60 days from acceptance, extendable once by up to 30 days with reasons told.
    public static readonly StatutoryPeriod Opinion = StatutoryPeriod.CalendarDays(60);
    public const int MaxExtensionDays = 30;

    // Art 35 and 36: 30 days to ask for a review, 30 days to decide it; the same again for the second review.
    public static readonly StatutoryPeriod ReviewWindow = StatutoryPeriod.CalendarDays(30);

    public DateOnly Today => clock.Today;

    public StatutoryDate Deadline30(DateOnly from) => clock.Deadline(from, ReviewWindow);

    public StatutoryDate AcceptanceDueOn(Petition p) => clock.Deadline(p.ReceivedOn, Acceptance);

    public StatutoryDate ObjectionDueOn(Petition p) => clock.Deadline(p.ReceivedOn, Objection);

    /// <summary>The last day of the 60 days, moved off a rest day: what an extension must be decided by, and runs on from.</summary>
    public StatutoryDate? OriginalOpinionDueOn(Petition p) => p.AcceptedOn is { } accepted ? clock.Deadline(accepted, Opinion) : null;

    /// <summary>
    /// Art 34's extension runs from the original deadline (its 60th day, moved past rest days), not from acceptance:
    /// counting acceptance + (60 + N) would give less than the N days granted whenever the 60th day was moved.
    /// </summary>
    public StatutoryDate? OpinionDueOn(Petition p)
    {
        if (OriginalOpinionDueOn(p) is not { } original)
        {
            return null;
        }

        if (p.ExtensionDays < 1)
        {
            return original;
        }

        var extended = clock.Deadline(original.Date, StatutoryPeriod.CalendarDays(p.ExtensionDays));
        return extended with { UnconfiguredYears = [.. original.UnconfiguredYears.Union(extended.UnconfiguredYears).Order()] };
    }

    public StatutoryDate? ReviewRequestDueOn(Petition p) => p.State switch
    {
        PetitionState.OpinionIssued => clock.Deadline(p.OpinionOn!.Value, ReviewWindow),
        PetitionState.Reviewed => clock.Deadline(p.ReviewDecidedOn!.Value, ReviewWindow),
        _ => null,
    };

    public StatutoryDate? ReviewDecisionDueOn(Petition p) => p.State switch
    {
        PetitionState.UnderReview => clock.Deadline(p.ReviewRequestedOn!.Value, ReviewWindow),
        PetitionState.UnderSecondReview => clock.Deadline(p.SecondReviewRequestedOn!.Value, ReviewWindow),
        _ => null,
    };

    /// <summary>The next date the township itself must meet, or null when nothing is pending on its side.</summary>
    public StatutoryDate? NextDueOn(Petition p) => p.State switch
    {
        PetitionState.Registered => AcceptanceDueOn(p),
        PetitionState.Accepted or PetitionState.Classified or PetitionState.Investigating => OpinionDueOn(p),
        PetitionState.UnderReview or PetitionState.UnderSecondReview => ReviewDecisionDueOn(p),
        _ => null,
    };

    public bool Overdue(Petition p) => NextDueOn(p) is { } due && due.Date < clock.Today;
}
