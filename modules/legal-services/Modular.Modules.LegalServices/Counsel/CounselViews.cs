using Modular.Kit.Time;
using Modular.Modules.LegalServices.Counsel.Meetings;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>A named counsel as staff see them: the phone masked.</summary>
internal sealed record CounselView(Guid Id, string Name, string LicenceNumber, string? Phone, string? UserName);

/// <summary>A retainer and its term: <c>expiresSoon</c> inside the township's warning, <c>expired</c> once the term is over.</summary>
internal sealed record RetainerView(
    Guid Id, long Version, string Firm, string? ContractNumber, DateOnly From, DateOnly To, DateOnly SignedOn, IReadOnlyList<CounselView> Counsel,
    bool Current, bool ExpiresSoon, bool Expired, IReadOnlyList<string> Allowed);

internal sealed record ReviewFindingView(string Finding, string Label);

/// <summary>
/// One version sent and its answer. <c>reviewDueOn</c> is the last day of the review time by the statutory clock;
/// <c>meetingTooSoon</c> says the intended meeting leaves counsel less than that (Art 26).
/// </summary>
internal sealed record ReviewRoundView(
    int Round, string DocumentVersion, string LegalBasis, string? Explanation, IReadOnlyList<string> Materials, Guid CounselId, string CounselName,
    DateOnly SentOn, DateOnly? MeetingOn, PeriodView ReviewPeriod, DateOnly ReviewDueOn, bool ReviewDueProvisional, bool MeetingTooSoon, string? Warning,
    string? Opinion, string? OpinionLabel, ReviewFindingView? Authority, ReviewFindingView? Procedure, ReviewFindingView? Content, string? OpinionText,
    string? RequiredChanges, string? ReviewedVersion, DateOnly? AnsweredOn, string? AnsweredBy, string? ChangesNote, DateOnly? ChangesMadeOn);

internal sealed record ReviewFileView(Guid Id, int Round, string FileName, string ContentType, long Bytes);

/// <summary>A review request with every version; <c>passesGate</c> and <c>gateReason</c> say what the agenda would answer now.</summary>
internal sealed record ReviewView(
    Guid Id, long Version, string Number, string Title, string Kind, string KindLabel, string Department, string State, string StateLabel, DateOnly SubmittedOn,
    IReadOnlyList<ReviewRoundView> Rounds, IReadOnlyList<ReviewFileView> Files, bool PassesGate, string? GateReason, IReadOnlyList<string> Allowed);

internal sealed record ReviewListPage(IReadOnlyList<ReviewView> Rows, bool OnlyMine);

/// <summary>The review an item passed the gate on, as it stood then.</summary>
internal sealed record ReviewOnAgendaView(Guid ReviewId, string Number, int Round, string DocumentVersion, string Opinion, string OpinionLabel, string OpinionText,
    string? RequiredChanges, string? ChangesNote, string CounselName, DateOnly AnsweredOn);

internal sealed record AgendaItemView(
    Guid Id, string Kind, string KindLabel, string Title, ReviewOnAgendaView? Review, DateOnly PutOn, string By, bool Withdrawn, string? WithdrawnReason, DateOnly? WithdrawnOn);

internal sealed record CaseStageView(string Stage, string StageLabel, string Court, string CaseNumber, DateOnly From);

internal sealed record GateRefusalView(Guid Id, string Title, string? ReviewNumber, string Reason, DateOnly On, string By);

internal sealed record MeetingView(
    Guid Id, long Version, string Kind, string KindLabel, DateOnly On, string Title, string? Place, string State, string StateLabel,
    IReadOnlyList<AgendaItemView> Items, IReadOnlyList<AttendingCounsel> Attendance, IReadOnlyList<GateRefusalView> Refusals, IReadOnlyList<string> Allowed);

internal sealed record CaseView(
    Guid Id, long Version, string Kind, string KindLabel, string Court, string CaseNumber, string Cause, string Position, string PositionLabel,
    string Stage, string StageLabel, string? OpposingParty, Guid? CounselId, string? CounselName, DateOnly FiledOn, string State, string StateLabel,
    IReadOnlyList<CaseStageView> Stages, IReadOnlyList<Cases.Hearing> Hearings, string? Outcome, DateOnly? ConcludedOn, IReadOnlyList<string> Allowed);
