using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>The words of 信访工作条例 for the petition's channels, categories, outcomes and states.</summary>
internal static class PetitionVocabulary
{
    public static LocalizedText Label(PetitionChannel channel) => channel switch
    {
        PetitionChannel.Letter => new("来信", "Letter"),
        PetitionChannel.Visit => new("来访", "Visit"),
        PetitionChannel.Online => new("网上信访", "Online"),
        PetitionChannel.Phone => new("电话", "Phone"),
        PetitionChannel.Transferred => new("上级转送/交办", "Transferred from above"),
        _ => new("政府信息公开申请转入", "From a disclosure request"),
    };

    public static LocalizedText Label(PetitionCategory category) => category switch
    {
        PetitionCategory.Suggestion => new("建议意见类", "Suggestion"),
        PetitionCategory.Report => new("检举控告类", "Report or accusation"),
        _ => new("申诉求决类", "Claim"),
    };

    public static LocalizedText Label(OpinionOutcome outcome) => outcome switch
    {
        OpinionOutcome.Supported => new("予以支持", "Supported"),
        OpinionOutcome.Explained => new("解释说明", "Explained"),
        _ => new("不予支持", "Not supported"),
    };

    public static LocalizedText Label(PetitionState state) => state switch
    {
        PetitionState.Registered => new("已登记，待受理", "Registered"),
        PetitionState.Objected => new("不属本机关职权，已告知", "Objected (outside remit)"),
        PetitionState.Accepted => new("已受理", "Accepted"),
        PetitionState.Classified => new("已分类", "Classified"),
        PetitionState.Redirected => new("已导入其他法定途径", "Redirected to another procedure"),
        PetitionState.Investigating => new("调查核实中", "Investigating"),
        PetitionState.OpinionIssued => new("已出具处理意见", "Opinion issued"),
        PetitionState.UnderReview => new("复查中", "Under review"),
        PetitionState.Reviewed => new("已复查", "Reviewed"),
        PetitionState.UnderSecondReview => new("复核中", "Under second review"),
        _ => new("复核终结", "Final"),
    };

    public static string T(LocalizedText text) => Modular.Kit.Text.T(text);
}
