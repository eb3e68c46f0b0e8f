using Modular.Contracts.PersonalData;
using Modular.Kit;
using static Modular.Kit.Text;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>The applicant as shown: ID number, phone and address masked by the guard.</summary>
internal sealed record PersonView(string Name, string? IdNumber, string? Phone, string? Address);

internal sealed record RepresentativeView(string Name, string Relation, string? Phone);

internal sealed record ClockView(string Kind, DateOnly DueOn, DateTimeOffset? DueAt, bool Provisional, bool Overdue, string Title, string Rule);

/// <summary>
/// An application as the API and the pages show it: personal data masked (means details only say whether any are on
/// record), both receipts, the running clocks with their rules, and the steps its state allows now.
/// </summary>
internal sealed record ApplicationView(
    Guid Id,
    long Version,
    string Number,
    string State,
    string StateLabel,
    bool IsOpen,
    DateTimeOffset? StationReceivedAt,
    DateOnly? AgencyReceivedOn,
    string DecisionClockFrom,
    PersonView Applicant,
    RepresentativeView? Representative,
    bool Detained,
    string? DetentionPlace,
    string? Matter,
    string? MatterLabel,
    string? Form,
    string? FormLabel,
    string? Means,
    string? MeansLabel,
    string? ExemptGroupLabel,
    string? NoMeansTestLabel,
    string? MeansDetails,
    string Summary,
    string? OpposingParty,
    IReadOnlyList<string> Materials,
    string? ReferralDisputeNumber,
    string? ReferralVillage,
    string? ReferralReason,
    string? DismissalReason,
    IReadOnlyList<string> MissingMaterials,
    DateOnly? MaterialsRequestedOn,
    DateOnly? MaterialsReplyBy,
    DateOnly? WithdrawnOn,
    DateTimeOffset? ForwardedAt,
    DateTimeOffset? ForwardingDueAt,
    bool ForwardedLate,
    string? Agency,
    string? LetterNumber,
    DateOnly? ProvisionalOn,
    string? ProvisionalGroundLabel,
    DateOnly? PaperworkCompletedOn,
    DateOnly? DecisionDueOn,
    DateOnly? GrantedOn,
    DateOnly? RefusedOn,
    string? DecisionNumber,
    string? RefusalReasons,
    DateOnly? ObjectionFiledOn,
    string? ObjectionGrounds,
    DateOnly? ObjectionDecidedOn,
    string? ObjectionOutcomeLabel,
    string? ObjectionReasons,
    DateOnly? AssignedOn,
    string? AssigneeKindLabel,
    string? Assignee,
    string? AssigneeOrganisation,
    DateOnly? StartedOn,
    DateOnly? TerminatedOn,
    string? TerminationGroundLabel,
    string? TerminationReason,
    DateOnly? ClosedOn,
    string? ClosingOutcome,
    string? ClosingReport,
    IReadOnlyList<RecipientVisited> Visits,
    IReadOnlyList<ClockView> Clocks,
    IReadOnlyList<string> Allowed)
{
    /// <summary>What a means-details field shows in place of the value: never the value itself.</summary>
    public static string MaskedMeans => Both("已登记（已脱敏）", "on record (masked)");

    public static ApplicationView Of(LegalAidApplication a, LegalAidSettings s, LegalAidClock clock, IPersonalDataGuard guard)
    {
        string? Mask(PersonalDataKind kind, string? value) => value is null ? null : guard.Mask(kind, value);
        var today = clock.Today;
        var forwardingDue = LegalAidClock.ForwardingDueAt(a, s);
        return new(
            a.Id, a.Version, a.Number, a.State.ToString(), T(LegalAidVocabulary.Label(a.State)), a.IsOpen,
            a.StationReceivedAt, a.AgencyReceivedOn, a.State == ApplicationState.Draft ? "" : s.DecisionClockFrom.ToString(),
            new PersonView(a.Applicant.Name, Mask(PersonalDataKind.IdNumber, a.Applicant.IdNumber), Mask(PersonalDataKind.PhoneNumber, a.Applicant.Phone),
                Mask(PersonalDataKind.Address, a.Applicant.Address)),
            a.Representative is { } r ? new RepresentativeView(r.Name, r.Relation, Mask(PersonalDataKind.PhoneNumber, r.Phone)) : null,
            a.Detained, a.DetentionPlace,
            a.Matter?.ToString(), a.Matter is { } m ? T(LegalAidVocabulary.Label(m)) : null,
            a.Form?.ToString(), a.Form is { } f ? T(LegalAidVocabulary.Label(f)) : null,
            a.Means?.ToString(), a.Means is { } means ? T(LegalAidVocabulary.Label(means)) : null,
            a.ExemptGroup is { } g ? T(LegalAidVocabulary.Label(g)) : null,
            a.NoMeansTestMatter is { } n ? T(LegalAidVocabulary.Label(n)) : null,
            a.MeansDetails is null ? null : MaskedMeans,
            a.Summary, a.OpposingParty, a.Materials,
            a.ReferralDisputeNumber, a.ReferralVillage, a.ReferralReason, a.DismissalReason,
            a.MissingMaterials, a.MaterialsRequestedOn, a.MaterialsReplyBy, a.WithdrawnOn,
            a.ForwardedAt, forwardingDue, forwardingDue is { } due && a.ForwardedAt is { } at && at > due, a.Agency, a.LetterNumber,
            a.ProvisionalOn, a.ProvisionalGround is { } pg ? T(LegalAidVocabulary.Label(pg)) : null, a.PaperworkCompletedOn,
            clock.DecisionDue(a, s)?.Date, a.GrantedOn, a.RefusedOn, a.DecisionNumber, a.RefusalReasons,
            a.ObjectionFiledOn, a.ObjectionGrounds, a.ObjectionDecidedOn, a.ObjectionOutcome is { } o ? T(LegalAidVocabulary.Label(o)) : null, a.ObjectionReasons,
            a.AssignedOn, a.AssigneeKind is { } k ? T(LegalAidVocabulary.Label(k)) : null, a.Assignee, a.AssigneeOrganisation, a.StartedOn,
            a.TerminatedOn, a.TerminationGround is { } tg ? T(LegalAidVocabulary.Label(tg)) : null, a.TerminationReason,
            a.ClosedOn, a.ClosingOutcome, a.ClosingReport, a.Visits,
            [.. clock.Running(a, s).Select(c => new ClockView(c.Kind.ToString(), c.DueOn, c.DueAt, c.Provisional, c.DueOn < today, T(c.Title), T(c.Rule)))],
            LegalAidApplication.Steps.Allowed(a));
    }
}

/// <summary>A row of the register: what the list shows, masked.</summary>
internal sealed record RegisterRow(
    Guid Id, string Number, string State, string StateLabel, DateOnly? StationReceivedOn, string ApplicantName, string? MatterLabel, string? FormLabel,
    string? NextDueTitle, DateOnly? NextDueOn, bool Overdue, bool FromReferral);

internal sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, int Total, int Page, int PageSize);

internal static class RegisterRows
{
    public static RegisterRow Of(LegalAidApplication a, IReadOnlyList<RunningClock> clocks, DateOnly today)
    {
        var next = clocks.OrderBy(c => c.DueOn).FirstOrDefault();
        return new(a.Id, a.Number, a.State.ToString(), T(LegalAidVocabulary.Label(a.State)), a.StationReceivedOn, a.Applicant.Name,
            a.Matter is { } m ? T(LegalAidVocabulary.Label(m)) : null, a.Form is { } f ? T(LegalAidVocabulary.Label(f)) : null,
            next is null ? null : T(next.Title), next?.DueOn, next is not null && next.DueOn < today, a.ReferralDisputeId is not null);
    }

    public static string Format(DateOnly? day) => day is { } d ? TownshipTime.Format(d) : "";
}
