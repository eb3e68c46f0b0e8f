using Modular.Contracts.Integration;

namespace Modular.Contracts.Mediation;

/// <summary>
/// The matters in which citizens may apply for legal aid (法律援助法 第三十一条), in the article's order. Stored events may
/// hold them by number: add new values at the end only.
/// </summary>
public enum LegalAidMatter
{
    /// <summary>(一) 依法请求国家赔偿</summary>
    StateCompensation,

    /// <summary>(二) 请求给予社会保险待遇或者社会救助</summary>
    SocialInsuranceOrAssistance,

    /// <summary>(三) 请求发给抚恤金</summary>
    SurvivorsPension,

    /// <summary>(四) 请求给付赡养费、抚养费、扶养费</summary>
    Maintenance,

    /// <summary>(五) 请求确认劳动关系或者支付劳动报酬</summary>
    LabourRelationOrWages,

    /// <summary>(六) 请求认定公民无民事行为能力或者限制民事行为能力</summary>
    CivilCapacity,

    /// <summary>(七) 请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿</summary>
    AccidentInjury,

    /// <summary>(八) 请求环境污染、生态破坏损害赔偿</summary>
    EnvironmentalDamage,

    /// <summary>(九) 法律、法规、规章规定的其他情形</summary>
    OtherStatutory,
}

/// <summary>A party to a dispute, as a legal-aid application needs them. Personal data: never into logs.</summary>
public sealed record DisputeParty(string Name, bool IsOrganisation, string? IdNumber, string? Phone, string? Address);

/// <summary>
/// People's mediation of a dispute failed (人民调解法 第二十六条) in a matter legal aid covers (法律援助法 第三十一条): the
/// mediation module suggests a legal-aid referral, with what the legal-services module needs to pre-fill an application.
/// The applicant is the party the mediator named as the one seeking the remedy.
/// </summary>
[IntegrationEventAlias("mediation.mediation-failed-in-legal-aid-matter.v1")]
public sealed record MediationFailedInLegalAidMatter(
    Guid DisputeId,
    string DisputeNumber,
    DateOnly FailedOn,
    LegalAidMatter Matter,
    DisputeParty Applicant,
    IReadOnlyList<DisputeParty> OpposingParties,
    string Village,
    string Summary,
    string FailureReason,
    string Mediator) : IIntegrationEvent;
