using Modular.Contracts.Mediation;
using Modular.Contracts.PersonalData;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>How a dispute reached the center.</summary>
internal enum DisputeSource
{
    Screening, // 排查
    Liaison,   // 信息联络员报告
    Visit,     // 当事人来访
    Transfer,  // 移交（上级、派出所、法院等）
}

internal enum EscalationRisk
{
    Low,
    Medium,
    High,
}

internal enum PartyRole
{
    Applicant,  // 申请人
    Respondent, // 被申请人
}

/// <summary>人民调解法 Art 17: a party applies, or the committee starts mediation of its own accord.</summary>
internal enum MediationBasis
{
    Application,
    CommitteeInitiative,
}

internal enum AgreementForm
{
    Written, // 书面协议 (Art 29)
    Oral,    // 口头协议 (Art 30)
}

internal enum PerformanceStatus
{
    Performed,       // 已履行
    PartlyPerformed, // 部分履行
    NotPerformed,    // 未履行
}

internal enum DisputeState
{
    Registered,       // 已登记
    Accepted,         // 已受理调解
    Mediating,        // 调解中
    AgreementDrafted, // 协议待签署
    Agreed,           // 达成协议
    Performed,        // 协议已履行
    Failed,           // 调解不成
    Refused,          // 当事人拒绝调解
    Routed,           // 已分流
    Archived,         // 已归档
}

/// <summary>
/// A party: a natural person or an organisation. ID number, phone and address are personal data, shown masked. A person
/// may be linked to their household on the household ledger (分户建档).
/// </summary>
internal sealed record Party(
    string Name, bool IsOrganisation, PartyRole Role, string? IdNumber, string? Phone, string? Address, Guid? HouseholdId = null, string? HouseholdNumber = null)
{
    /// <summary>The party's value of a personal-data field, or null when none is on record.</summary>
    public string? Personal(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdNumber => IdNumber,
        PersonalDataKind.PhoneNumber => Phone,
        PersonalDataKind.Address => Address,
        _ => null,
    };
}

internal sealed record DisputeTakenIn(
    Guid Id,
    string Number,
    DisputeSource Source,
    DateOnly ReceivedOn,
    string Category,
    string Village,
    string Summary,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<SpecialGroup> SpecialGroups,
    EscalationRisk Risk,
    Guid? LeadId,
    string? TransferredFrom);

internal sealed record MediationStarted(DateOnly On, MediationBasis Basis, string? AppliedBy);

/// <summary>Art 17: a party refused mediation; it cannot proceed, and the refusal is on the record.</summary>
internal sealed record MediationRefused(DateOnly On, string Party, string Reason);

/// <summary>Art 19: the committee assigns a mediator, or the parties choose one.</summary>
internal sealed record MediatorAssigned(DateOnly On, string Mediator, bool ChosenByParties);

/// <summary>Art 27: a mediation session and its record.</summary>
internal sealed record MediationSessionHeld(DateOnly On, string Place, string Participants, string Record);

/// <summary>分流: sent to another department or platform that should handle it, with the reason.</summary>
internal sealed record DisputeRouted(DateOnly On, string To, string Reason);

/// <summary>Art 25: a risk that the dispute turns into a public-order or criminal case, reported to the police.</summary>
internal sealed record PoliceNotified(DateOnly On, string Station, string Risk);

/// <summary>
/// Art 29: the written agreement's content, drafted for signature: the facts, the matters in dispute and each party's
/// responsibility, the terms, and how and when they are performed.
/// </summary>
internal sealed record AgreementDrafted(DateOnly On, string Facts, string Matters, string Responsibilities, string Terms, string Performance);

/// <summary>Art 29: effective from the last signature (parties and mediator), sealed by the committee.</summary>
internal sealed record AgreementSigned(DateOnly SignedOn);

/// <summary>Art 30: an oral agreement, effective when the parties agree; its content recorded by the mediator.</summary>
internal sealed record OralAgreementReached(DateOnly On, string Terms, string Performance);

/// <summary>Art 26: mediation failed; the mediator explained the other routes (arbitration, administrative, litigation).</summary>
internal sealed record MediationFailed(DateOnly On, string Reason, string RoutesExplained, LegalAidMatter? LegalAidMatter, int? ApplicantParty);

/// <summary>Art 31: the committee supervises performance.</summary>
internal sealed record PerformanceChecked(DateOnly On, PerformanceStatus Status, string Note);

/// <summary>Art 33: the parties applied to the court for judicial confirmation (within 30 days of the agreement).</summary>
internal sealed record CourtConfirmationApplied(DateOnly On, string Court);

/// <summary>回访: a follow-up visit after the agreement (local practice).</summary>
internal sealed record FollowUpVisited(DateOnly On, string Visitor, string Note);

internal sealed record DisputeArchived(DateOnly On, string FileNumber);

/// <summary>
/// A party linked to their household on the ledger (or unlinked: null). The household's special groups at that moment
/// are flagged on the dispute too, so the mediator sees at once that an elderly person living alone is involved.
/// </summary>
internal sealed record PartyHouseholdLinked(int Party, Guid? HouseholdId, string? HouseholdNumber, IReadOnlyList<SpecialGroup> SpecialGroups);

/// <summary>A dispute (矛盾纠纷) and where its mediation stands: the inline snapshot of its stream, and the ledger's row.</summary>
internal sealed class Dispute
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public DisputeSource Source { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public string Category { get; set; } = "";

    public string Village { get; set; } = "";

    public string Summary { get; set; } = "";

    public List<Party> Parties { get; set; } = [];

    public List<SpecialGroup> SpecialGroups { get; set; } = [];

    /// <summary>The households of the parties, for the household page's list of its disputes.</summary>
    public List<Guid> HouseholdIds { get; set; } = [];

    public EscalationRisk Risk { get; set; }

    public Guid? LeadId { get; set; }

    public string? TransferredFrom { get; set; }

    public DisputeState State { get; set; }

    /// <summary>Open until it is agreed, failed, refused or routed; an agreement stays followed up but the dispute is resolved.</summary>
    public bool IsOpen { get; set; }

    public DateOnly? StartedOn { get; set; }

    public MediationBasis? Basis { get; set; }

    public string? AppliedBy { get; set; }

    public string? Mediator { get; set; }

    public bool MediatorChosenByParties { get; set; }

    public List<MediationSessionHeld> Sessions { get; set; } = [];

    public DateOnly? RefusedOn { get; set; }

    public string? RefusedBy { get; set; }

    public string? RefusalReason { get; set; }

    public DateOnly? RoutedOn { get; set; }

    public string? RoutedTo { get; set; }

    public string? RoutingReason { get; set; }

    public List<PoliceNotified> PoliceReports { get; set; } = [];

    public AgreementForm? AgreementForm { get; set; }

    public AgreementDrafted? Agreement { get; set; }

    public string? OralTerms { get; set; }

    public string? OralPerformance { get; set; }

    /// <summary>The day the agreement took effect: the last signature, or the oral agreement.</summary>
    public DateOnly? ResolvedOn { get; set; }

    public DateOnly? FailedOn { get; set; }

    public string? FailureReason { get; set; }

    public string? RoutesExplained { get; set; }

    public LegalAidMatter? LegalAidMatter { get; set; }

    public PerformanceStatus? Performance { get; set; }

    public List<PerformanceChecked> PerformanceChecks { get; set; } = [];

    public DateOnly? CourtConfirmationAppliedOn { get; set; }

    public string? Court { get; set; }

    public List<FollowUpVisited> FollowUps { get; set; } = [];

    /// <summary>The first follow-up visit, if any: the due list asks for one after every agreement.</summary>
    public DateOnly? FollowedUpOn { get; set; }

    public DateOnly? ArchivedOn { get; set; }

    public string? FileNumber { get; set; }

    /// <summary>The outcome came from a ledger kept before the platform: no reminders are raised for it here.</summary>
    public bool OutcomeImported { get; set; }

    /// <summary>What an imported ledger said of the outcome (terms, reason or destination), in its own words.</summary>
    public string? OutcomeNote { get; set; }

    /// <summary>The day of the latest step: a later step cannot be dated before it.</summary>
    public DateOnly LastStepOn { get; set; }

    public static Dispute Create(DisputeTakenIn e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Source = e.Source,
        ReceivedOn = e.ReceivedOn,
        Category = e.Category,
        Village = e.Village,
        Summary = e.Summary,
        Parties = [.. e.Parties],
        SpecialGroups = [.. e.SpecialGroups],
        Risk = e.Risk,
        LeadId = e.LeadId,
        TransferredFrom = e.TransferredFrom,
        State = DisputeState.Registered,
        IsOpen = true,
        LastStepOn = e.ReceivedOn,
    };

    public void Apply(MediationStarted e)
    {
        StartedOn = e.On;
        Basis = e.Basis;
        AppliedBy = e.AppliedBy;
        State = DisputeState.Accepted;
        LastStepOn = e.On;
    }

    public void Apply(MediationRefused e)
    {
        RefusedOn = e.On;
        RefusedBy = e.Party;
        RefusalReason = e.Reason;
        Close(DisputeState.Refused, e.On);
    }

    public void Apply(MediatorAssigned e)
    {
        Mediator = e.Mediator;
        MediatorChosenByParties = e.ChosenByParties;
        LastStepOn = e.On;
    }

    public void Apply(MediationSessionHeld e)
    {
        Sessions.Add(e);
        State = DisputeState.Mediating;
        LastStepOn = e.On;
    }

    public void Apply(DisputeRouted e)
    {
        RoutedOn = e.On;
        RoutedTo = e.To;
        RoutingReason = e.Reason;
        Close(DisputeState.Routed, e.On);
    }

    public void Apply(PoliceNotified e)
    {
        PoliceReports.Add(e);
        Risk = EscalationRisk.High;
        LastStepOn = e.On;
    }

    public void Apply(AgreementDrafted e)
    {
        AgreementForm = Disputes.AgreementForm.Written;
        Agreement = e;
        State = DisputeState.AgreementDrafted;
        LastStepOn = e.On;
    }

    public void Apply(AgreementSigned e)
    {
        ResolvedOn = e.SignedOn;
        Close(DisputeState.Agreed, e.SignedOn);
    }

    public void Apply(OralAgreementReached e)
    {
        AgreementForm = Disputes.AgreementForm.Oral;
        OralTerms = e.Terms;
        OralPerformance = e.Performance;
        ResolvedOn = e.On;
        Close(DisputeState.Agreed, e.On);
    }

    public void Apply(MediationFailed e)
    {
        FailedOn = e.On;
        FailureReason = e.Reason;
        RoutesExplained = e.RoutesExplained;
        LegalAidMatter = e.LegalAidMatter;
        AgreementForm = null; // a draft nobody signed is not an agreement; the draft stays on the record
        Close(DisputeState.Failed, e.On);
    }

    public void Apply(PerformanceChecked e)
    {
        PerformanceChecks.Add(e);
        Performance = e.Status;
        if (e.Status == PerformanceStatus.Performed)
        {
            State = DisputeState.Performed;
        }

        LastStepOn = e.On;
    }

    public void Apply(CourtConfirmationApplied e)
    {
        CourtConfirmationAppliedOn = e.On;
        Court = e.Court;
        LastStepOn = e.On;
    }

    public void Apply(FollowUpVisited e)
    {
        FollowUps.Add(e);
        FollowedUpOn ??= e.On;
        LastStepOn = e.On;
    }

    public void Apply(DisputeArchived e)
    {
        ArchivedOn = e.On;
        FileNumber = e.FileNumber;
        State = DisputeState.Archived;
        LastStepOn = e.On;
    }

    public void Apply(PartyHouseholdLinked e)
    {
        Parties[e.Party] = Parties[e.Party] with { HouseholdId = e.HouseholdId, HouseholdNumber = e.HouseholdNumber };
        HouseholdIds = [.. Parties.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct()];
        SpecialGroups = [.. SpecialGroups.Union(e.SpecialGroups)];
    }

    public void Apply(LedgerOutcomeImported e)
    {
        Mediator = e.Mediator ?? Mediator;
        OutcomeNote = e.Note;
        OutcomeImported = true;
        var on = e.On ?? ReceivedOn;
        switch (e.Outcome)
        {
            case LedgerOutcome.InMediation:
                State = DisputeState.Mediating;
                LastStepOn = on;
                break;
            case LedgerOutcome.Agreed:
                AgreementForm = e.Form;
                ResolvedOn = on;
                Close(DisputeState.Agreed, on);
                break;
            case LedgerOutcome.Failed:
                FailedOn = on;
                Close(DisputeState.Failed, on);
                break;
            case LedgerOutcome.Routed:
                RoutedOn = on;
                Close(DisputeState.Routed, on);
                break;
            default:
                RefusedOn = on;
                Close(DisputeState.Refused, on);
                break;
        }
    }

    private void Close(DisputeState state, DateOnly on)
    {
        State = state;
        IsOpen = false;
        LastStepOn = on;
    }
}

/// <summary>The ledger number counter of one year (调 2026-0001), versioned so two intakes cannot take one number.</summary>
internal sealed class DisputeNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
