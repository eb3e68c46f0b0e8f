using Modular.Contracts.LegalServices;
using Modular.Contracts.Modules;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>How the matter reached the station (SF/T 0024-2017 keeps a register per channel). Stored by number: add at the end.</summary>
internal enum ConsultationChannel
{
    Hall,         // 来访
    Phone,        // 来电
    Letter,       // 来信
    Online,       // 网上留言
    Hotline12348, // 12348热线转办
}

/// <summary>The windows of the one-stop station (一站式组合, 多窗口服务) a matter is routed to. Stored by number: add at the end.</summary>
internal enum ServiceWindow
{
    LawyerService,          // 律师服务
    LegalAid,               // 法律援助
    Notary,                 // 公证
    PeopleMediation,        // 人民调解
    LegalPublicity,         // 法治宣传
    CommunityCorrection,    // 社区矫正
    GrassrootsLegalService, // 基层法律服务
}

internal enum ConsultationState
{
    Registered,      // 待答复
    AwaitingOpinion, // 待书面答复
    Answered,        // 已解答
    OpinionGiven,    // 已书面答复
    Routed,          // 已转窗口
}

/// <summary>The station's words for its register.</summary>
internal static class ConsultationVocabulary
{
    public static LocalizedText Label(ConsultationChannel channel) => channel switch
    {
        ConsultationChannel.Hall => new("来访", "Walk-in"),
        ConsultationChannel.Phone => new("来电", "Phone"),
        ConsultationChannel.Letter => new("来信", "Letter"),
        ConsultationChannel.Online => new("网上留言", "Online message"),
        _ => new("12348转办", "12348 hotline transfer"),
    };

    public static LocalizedText Label(ConsultationTopic topic) => topic switch
    {
        ConsultationTopic.MarriageFamily => new("婚姻家庭", "Marriage and family"),
        ConsultationTopic.Inheritance => new("继承", "Inheritance"),
        ConsultationTopic.LabourWages => new("劳动工资", "Labour and wages"),
        ConsultationTopic.LandForest => new("土地山林", "Land and forest"),
        ConsultationTopic.ContractsDebts => new("合同债务", "Contracts and debts"),
        ConsultationTopic.Damages => new("损害赔偿", "Damages"),
        ConsultationTopic.Administrative => new("行政", "Administrative"),
        ConsultationTopic.Criminal => new("刑事", "Criminal"),
        _ => new("其他", "Other"),
    };

    public static LocalizedText Label(ServiceWindow window) => window switch
    {
        ServiceWindow.LawyerService => new("律师服务", "Lawyer service"),
        ServiceWindow.LegalAid => new("法律援助", "Legal aid"),
        ServiceWindow.Notary => new("公证", "Notary"),
        ServiceWindow.PeopleMediation => new("人民调解", "People's mediation"),
        ServiceWindow.LegalPublicity => new("法治宣传", "Legal publicity"),
        ServiceWindow.CommunityCorrection => new("社区矫正", "Community correction"),
        _ => new("基层法律服务", "Grassroots legal service"),
    };

    public static LocalizedText Label(ConsultationState state) => state switch
    {
        ConsultationState.Registered => new("待答复", "Awaiting an answer"),
        ConsultationState.AwaitingOpinion => new("待书面答复", "Awaiting a written opinion"),
        ConsultationState.Answered => new("已解答", "Answered"),
        ConsultationState.OpinionGiven => new("已书面答复", "Written opinion given"),
        _ => new("已转窗口", "Routed to a window"),
    };

    /// <summary>A label's enum value from either of its words or the name, as an imported register writes it.</summary>
    public static TEnum? Parse<TEnum>(string text, Func<TEnum, LocalizedText> label)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v =>
            string.Equals(label(v!.Value).Chinese, text, StringComparison.Ordinal)
            || string.Equals(label(v!.Value).English, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(v!.Value.ToString(), text, StringComparison.OrdinalIgnoreCase));

    /// <summary>An imported cell as a choice's name: the enum value its words name, else the text as written (so the refusal quotes it).</summary>
    public static string? ChoiceCell<TEnum>(string text, Func<TEnum, LocalizedText> label)
        where TEnum : struct, Enum =>
        text.Length == 0 ? null : Parse(text, label)?.ToString() ?? text;
}
