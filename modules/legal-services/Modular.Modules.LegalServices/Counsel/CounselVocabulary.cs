using Modular.Contracts.Modules;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>What is sent for legality review (重大行政决策程序暂行条例 Art 25; 中办发〔2016〕30号: decisions, contracts, documents).</summary>
internal enum ReviewedDocumentKind
{
    MajorDecision,
    Contract,
    PetitionReply,
    OtherDocument,
}

/// <summary>What an agenda item is: the four kinds that need legality review, or a briefing that does not.</summary>
internal enum AgendaItemKind
{
    MajorDecision,
    Contract,
    PetitionReply,
    OtherDocument,

    /// <summary>情况通报、工作汇报: nothing is decided, so nothing is reviewed.</summary>
    Briefing,
}

/// <summary>Counsel's opinion on one version of a document (Art 28: the review opinion).</summary>
internal enum ReviewOpinion
{
    Lawful,
    LawfulWithChanges,
    Unlawful,
}

/// <summary>Art 27: each of the three things a review examines is found to conform or not.</summary>
internal enum AspectFinding
{
    Conforms,
    DoesNotConform,
}

/// <summary>Where a review request stands, by its latest version. Stored by name: add new states at the end.</summary>
internal enum ReviewState
{
    AwaitingOpinion,
    Lawful,

    /// <summary>Lawful once the changes are made: the gate waits until the township records them as made.</summary>
    ChangesRequired,

    /// <summary>The changes counsel asked for are recorded as made.</summary>
    Revised,
    Unlawful,
}

internal enum MeetingKind
{
    /// <summary>党政联席会议.</summary>
    JointMeeting,

    /// <summary>专题会议.</summary>
    ThematicMeeting,
}

internal enum CaseKind
{
    Administrative,
    Civil,
}

/// <summary>The township's position in the case.</summary>
internal enum CasePosition
{
    Plaintiff,
    Defendant,
    ThirdParty,
}

internal enum CaseStage
{
    FirstInstance,
    Appeal,
    Enforcement,
}

internal static class CounselVocabulary
{
    public static LocalizedText Label(ReviewedDocumentKind k) => k switch
    {
        ReviewedDocumentKind.MajorDecision => new("重大行政决策草案", "Major decision draft"),
        ReviewedDocumentKind.Contract => new("合同", "Contract"),
        ReviewedDocumentKind.PetitionReply => new("信访答复意见", "Petition reply"),
        _ => new("其他文件", "Other document"),
    };

    public static LocalizedText Label(AgendaItemKind k) => k == AgendaItemKind.Briefing ? new("情况通报（无需审查）", "Briefing (no review)") : Label((ReviewedDocumentKind)k);

    /// <summary>Every kind but a briefing decides something and needs its legality reviewed first (Art 25).</summary>
    public static bool NeedsReview(AgendaItemKind k) => k != AgendaItemKind.Briefing;

    public static LocalizedText Label(ReviewOpinion o) => o switch
    {
        ReviewOpinion.Lawful => new("合法", "Lawful"),
        ReviewOpinion.LawfulWithChanges => new("修改后合法", "Lawful with changes"),
        _ => new("不合法", "Unlawful"),
    };

    public static LocalizedText Label(AspectFinding f) => f == AspectFinding.Conforms ? new("符合", "Conforms") : new("不符合", "Does not conform");

    public static LocalizedText Label(ReviewState s) => s switch
    {
        ReviewState.AwaitingOpinion => new("送审待复", "Awaiting opinion"),
        ReviewState.Lawful => new("合法", "Lawful"),
        ReviewState.ChangesRequired => new("修改后合法（待修改）", "Lawful with changes (to make)"),
        ReviewState.Revised => new("已按意见修改", "Changes made"),
        _ => new("不合法", "Unlawful"),
    };

    public static LocalizedText Label(MeetingKind k) => k == MeetingKind.JointMeeting ? new("党政联席会议", "Party-government joint meeting") : new("专题会议", "Thematic meeting");

    public static LocalizedText Label(CaseKind k) => k == CaseKind.Administrative ? new("行政案件", "Administrative case") : new("民事案件", "Civil case");

    public static LocalizedText Label(CasePosition p) => p switch
    {
        CasePosition.Plaintiff => new("原告", "Plaintiff"),
        CasePosition.Defendant => new("被告", "Defendant"),
        _ => new("第三人", "Third party"),
    };

    public static LocalizedText Label(CaseStage s) => s switch
    {
        CaseStage.FirstInstance => new("一审", "First instance"),
        CaseStage.Appeal => new("二审", "Appeal"),
        _ => new("执行", "Enforcement"),
    };
}
