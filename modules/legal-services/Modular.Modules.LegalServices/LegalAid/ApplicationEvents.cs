using Modular.Contracts.Mediation;

namespace Modular.Modules.LegalServices.LegalAid;

// The legal-aid relay's events, aliased legal-services.legal-aid-<event>.v1 in LegalAidArea. Personal data (ID numbers,
// phones, addresses, means) lives only in these records and the snapshot, never in logs or timeline words.

/// <summary>The applicant (申请人), or the person on whose behalf the application is made.</summary>
internal sealed record Applicant(string Name, string? IdNumber, string? Phone, string? Address);

/// <summary>法律援助法 第四十条: who applies for the applicant (a guardian, a close relative, an agent).</summary>
internal sealed record Representative(string Name, string Relation, string? Phone);

/// <summary>Pre-filled from a mediation that failed in a matter of Art 31: a draft a clerk confirms or dismisses.</summary>
internal sealed record ApplicationDrafted(
    Guid Id, Guid DisputeId, string DisputeNumber, DateOnly FailedOn, LegalAidMatter Matter, Applicant Applicant,
    IReadOnlyList<string> OpposingParties, string Village, string Summary, string FailureReason, string Mediator);

/// <summary>The referral was not taken up as an application, with the clerk's reason.</summary>
internal sealed record DraftDismissed(DateOnly On, string Reason);

/// <summary>
/// 法律援助法 第十三条: received at the station (the instant the station took it), numbered in its year; a draft confirmed
/// by a clerk becomes one the same way.
/// </summary>
internal sealed record ApplicationReceived(
    Guid Id,
    string Number,
    DateTimeOffset StationReceivedAt,
    Applicant Applicant,
    Representative? Representative,
    bool Detained,
    string? DetentionPlace,
    LegalAidMatter? Matter,
    AidForm Form,
    MeansRoute Means,
    ExemptGroup? ExemptGroup,
    NoMeansTestMatter? NoMeansTestMatter,
    string? MeansDetails,
    string Summary,
    string? OpposingParty,
    IReadOnlyList<string> Materials);

/// <summary>法律援助法 第四十三条: one notice naming every missing material, and the day by which to supply them.</summary>
internal sealed record MaterialsRequested(DateOnly On, IReadOnlyList<string> Missing, DateOnly ReplyBy);

internal sealed record MaterialsSupplied(DateOnly On, IReadOnlyList<string> Items);

/// <summary>Art 43: no reply within the notice's period counts as withdrawing the application.</summary>
internal sealed record ApplicationWithdrawn(DateOnly On, string Note);

/// <summary>The forwarding letter (转交申请的公函) sent to the county agency; for a detained applicant within 24 hours (Art 39).</summary>
internal sealed record ApplicationForwarded(DateTimeOffset At, string Agency, string LetterNumber);

/// <summary>The day the agency received what was forwarded, as it tells the station.</summary>
internal sealed record AgencyReceiptRecorded(DateOnly On);

/// <summary>法律援助法 第四十四条: aid provided before the decision, the paperwork to follow.</summary>
internal sealed record ProvisionalAidProvided(DateOnly On, ProvisionalGround Ground, DateOnly? LimitationEndsOn, string Note);

internal sealed record ProvisionalPaperworkCompleted(DateOnly On, string Note);

/// <summary>Art 43: the agency decided to grant aid.</summary>
internal sealed record AidGranted(DateOnly On, string DecisionNumber);

/// <summary>Art 43: the agency refused, in writing, with its reasons.</summary>
internal sealed record AidRefused(DateOnly On, string DecisionNumber, string Reasons);

/// <summary>法律援助法 第四十九条: an objection to a refusal or a termination, to the justice bureau (no filing deadline).</summary>
internal sealed record ObjectionFiled(DateOnly On, string Grounds);

/// <summary>Art 49: the justice bureau's decision on the objection.</summary>
internal sealed record ObjectionDecided(DateOnly On, ObjectionOutcome Outcome, string Reasons);

/// <summary>Art 43: assigned to a lawyer, a grassroots legal worker or a volunteer.</summary>
internal sealed record AidAssigned(DateOnly On, AssigneeKind Kind, string Assignee, string Organisation);

internal sealed record AidStarted(DateOnly On, string Note);

/// <summary>法律援助法 第四十八条: aid terminated on one of its eight grounds.</summary>
internal sealed record AidTerminated(DateOnly On, TerminationGround Ground, string Reason);

/// <summary>法律援助法 第五十条: the case ended and the closing report was handed in.</summary>
internal sealed record AidClosed(DateOnly On, string Outcome, string Report);

/// <summary>法律援助法 第五十九条: a visit to the recipient about the quality of the aid.</summary>
internal sealed record RecipientVisited(DateOnly On, string Visitor, string Note);
