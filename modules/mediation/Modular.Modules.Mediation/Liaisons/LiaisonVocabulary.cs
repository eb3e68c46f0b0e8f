using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>Who the township appoints as its eyes and ears in a village.</summary>
internal enum LiaisonRole
{
    VillageCadre,          // 村干部
    PartyMember,           // 党员
    Elder,                 // 老党员/乡贤
    Mediator,              // 调解员
    Volunteer,             // 志愿者
    LegalServiceVolunteer, // 法律服务志愿者
}

/// <summary>How likely the lead is to escalate, as the liaison judged it when reporting.</summary>
internal enum LeadRisk
{
    Low,
    Medium,
    High,
}

internal enum LeadState
{
    Reported,
    BecameDispute,
    Closed,
}

/// <summary>Why a lead was closed without becoming a dispute.</summary>
internal enum LeadClosure
{
    ResolvedOnTheSpot, // 已当场化解
    NotADispute,       // 不属于矛盾纠纷
    Duplicate,         // 重复报告
    Other,             // 其他（须说明）
}

/// <summary>The township's words for the roster and the leads.</summary>
internal static class LiaisonVocabulary
{
    public static LocalizedText Label(LiaisonRole role) => role switch
    {
        LiaisonRole.VillageCadre => new("村干部", "Village cadre"),
        LiaisonRole.PartyMember => new("党员", "Party member"),
        LiaisonRole.Elder => new("老党员/乡贤", "Respected elder"),
        LiaisonRole.Mediator => new("调解员", "Mediator"),
        LiaisonRole.Volunteer => new("志愿者", "Volunteer"),
        _ => new("法律服务志愿者", "Legal-service volunteer"),
    };

    public static LocalizedText Label(LeadRisk risk) => risk switch
    {
        LeadRisk.Low => new("低", "Low"),
        LeadRisk.Medium => new("中", "Medium"),
        _ => new("高", "High"),
    };

    public static LocalizedText Label(LeadState state) => state switch
    {
        LeadState.Reported => new("待处理", "Open"),
        LeadState.BecameDispute => new("已转为纠纷受理", "Became a dispute"),
        _ => new("已关闭", "Closed"),
    };

    public static LocalizedText Label(LeadClosure closure) => closure switch
    {
        LeadClosure.ResolvedOnTheSpot => new("已当场化解", "Resolved on the spot"),
        LeadClosure.NotADispute => new("不属于矛盾纠纷", "Not a dispute"),
        LeadClosure.Duplicate => new("重复报告", "Duplicate"),
        _ => new("其他", "Other"),
    };
}
