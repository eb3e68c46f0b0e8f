using Modular.Contracts.Mediation;
using Modular.Contracts.PersonalData;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;

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
