using Modular.Contracts.Mediation;
using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>The words of 人民调解法 and of the center's ledger for a dispute's sources, states and outcomes.</summary>
internal static class DisputeVocabulary
{
    public static LocalizedText Label(DisputeSource source) => source switch
    {
        DisputeSource.Screening => new("排查发现", "Screening"),
        DisputeSource.Liaison => new("信息联络员报告", "Liaison's report"),
        DisputeSource.Visit => new("当事人来访", "Party's visit"),
        _ => new("移交", "Transfer"),
    };

    public static LocalizedText Label(DisputeState state) => state switch
    {
        DisputeState.Registered => new("已登记，待启动调解", "registered, mediation not started"),
        DisputeState.Accepted => new("已受理调解", "accepted for mediation"),
        DisputeState.Mediating => new("调解中", "in mediation"),
        DisputeState.AgreementDrafted => new("协议待签署", "agreement awaiting signatures"),
        DisputeState.Agreed => new("达成协议", "agreed"),
        DisputeState.Performed => new("协议已履行", "agreement performed"),
        DisputeState.Failed => new("调解不成", "mediation failed"),
        DisputeState.Refused => new("当事人拒绝调解", "refused by a party"),
        DisputeState.Routed => new("已分流", "routed elsewhere"),
        _ => new("已归档", "archived"),
    };

    public static LocalizedText Label(EscalationRisk risk) => risk switch
    {
        EscalationRisk.Low => new("低", "Low"),
        EscalationRisk.Medium => new("中", "Medium"),
        _ => new("高", "High"),
    };

    public static LocalizedText Label(PartyRole role) => role == PartyRole.Applicant ? new("申请人", "Applicant") : new("被申请人", "Respondent");

    public static LocalizedText Label(MediationBasis basis) =>
        basis == MediationBasis.Application ? new("当事人申请", "On application") : new("调解委员会主动调解", "On the committee's initiative");

    public static LocalizedText Label(PerformanceStatus status) => status switch
    {
        PerformanceStatus.Performed => new("已履行", "Performed"),
        PerformanceStatus.PartlyPerformed => new("部分履行", "Partly performed"),
        _ => new("未履行", "Not performed"),
    };

    public static LocalizedText Label(AgreementForm form) => form == AgreementForm.Written ? new("书面协议", "Written") : new("口头协议", "Oral");

    /// <summary>法律援助法 第三十一条, item by item.</summary>
    public static LocalizedText Label(LegalAidMatter matter) => LegalAidMatterLabels.Label(matter);

    public static string T(LocalizedText text) => Modular.Kit.Text.T(text);
}
