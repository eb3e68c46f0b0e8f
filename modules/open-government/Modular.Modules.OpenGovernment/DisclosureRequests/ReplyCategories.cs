namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>The outcome categories of the national annual report format (国办公开办函〔2021〕30号, table 三).</summary>
internal enum ReplyCategory
{
    Disclosed,
    PartlyDisclosed,
    NotDisclosed,
    CannotProvide,
    NotProcessed,
    Other,
}

/// <summary>The reasons under the categories that have them, in the order of the national table.</summary>
internal enum ReplyReason
{
    StateSecret,
    ProhibitedByLaw,
    EndangersSafetyOrStability,
    ThirdPartyRights,
    InternalAffairs,
    ProcessInformation,
    EnforcementCaseFile,
    AdministrativeInquiry,
    NotHeld,
    WouldNeedCreating,
    StillUnclearAfterCorrection,
    Petition,
    Repeated,
    PublishedMaterial,
    ExcessiveRepetition,
    ConfirmOrReissue,
    NoCorrectionInTime,
    FeeNotPaid,
    OtherReason,
}

internal sealed record ReplyCategoryInfo(ReplyCategory Category, string Chinese, string English, string LegalBasis);

/// <param name="LegalBasis">The provision the answer rests on, quoted in the reply letter.</param>
internal sealed record ReplyReasonInfo(ReplyReason Reason, ReplyCategory Category, string Chinese, string English, string LegalBasis);

/// <summary>The national categories and reasons as data, with the article of 政府信息公开条例 behind each.</summary>
internal static class ReplyCategories
{
    public static IReadOnlyList<ReplyCategoryInfo> Categories { get; } =
    [
        new(ReplyCategory.Disclosed, "予以公开", "Disclosed", "《中华人民共和国政府信息公开条例》第三十六条第（一）（二）项"),
        new(ReplyCategory.PartlyDisclosed, "部分公开", "Partly disclosed", "《中华人民共和国政府信息公开条例》第三十七条"),
        new(ReplyCategory.NotDisclosed, "不予公开", "Not disclosed", "《中华人民共和国政府信息公开条例》第三十六条第（三）项"),
        new(ReplyCategory.CannotProvide, "无法提供", "Cannot provide", "《中华人民共和国政府信息公开条例》第三十六条"),
        new(ReplyCategory.NotProcessed, "不予处理", "Not processed", "《中华人民共和国政府信息公开条例》第三十六条、第三十九条"),
        new(ReplyCategory.Other, "其他处理", "Other handling", "《中华人民共和国政府信息公开条例》"),
    ];

    public static IReadOnlyList<ReplyReasonInfo> Reasons { get; } =
    [
        new(ReplyReason.StateSecret, ReplyCategory.NotDisclosed, "属于国家秘密", "State secret", "《中华人民共和国政府信息公开条例》第十四条"),
        new(ReplyReason.ProhibitedByLaw, ReplyCategory.NotDisclosed, "其他法律行政法规禁止公开", "Disclosure prohibited by other laws", "《中华人民共和国政府信息公开条例》第十四条"),
        new(ReplyReason.EndangersSafetyOrStability, ReplyCategory.NotDisclosed, "危及“三安全一稳定”", "Would endanger national, public, economic security or social stability", "《中华人民共和国政府信息公开条例》第十四条"),
        new(ReplyReason.ThirdPartyRights, ReplyCategory.NotDisclosed, "保护第三方合法权益", "Protects a third party's lawful rights", "《中华人民共和国政府信息公开条例》第十五条"),
        new(ReplyReason.InternalAffairs, ReplyCategory.NotDisclosed, "属于三类内部事务信息", "Internal affairs information", "《中华人民共和国政府信息公开条例》第十六条第一款"),
        new(ReplyReason.ProcessInformation, ReplyCategory.NotDisclosed, "属于四类过程性信息", "Process information", "《中华人民共和国政府信息公开条例》第十六条第二款"),
        new(ReplyReason.EnforcementCaseFile, ReplyCategory.NotDisclosed, "属于行政执法案卷", "Administrative enforcement case file", "《中华人民共和国政府信息公开条例》第十六条第二款"),
        new(ReplyReason.AdministrativeInquiry, ReplyCategory.NotDisclosed, "属于行政查询事项", "Matter of administrative inquiry", "《中华人民共和国政府信息公开条例》第三十六条第（七）项"),
        new(ReplyReason.NotHeld, ReplyCategory.CannotProvide, "本机关不掌握相关政府信息", "This office does not hold the information", "《中华人民共和国政府信息公开条例》第三十六条第（四）（五）项"),
        new(ReplyReason.WouldNeedCreating, ReplyCategory.CannotProvide, "没有现成信息需要另行制作", "No existing information; it would have to be made", "《中华人民共和国政府信息公开条例》第三十八条"),
        new(ReplyReason.StillUnclearAfterCorrection, ReplyCategory.CannotProvide, "补正后申请内容仍不明确", "Still unclear after correction", "《中华人民共和国政府信息公开条例》第三十条"),
        new(ReplyReason.Petition, ReplyCategory.NotProcessed, "信访举报投诉类申请", "A petition, report or complaint", "《中华人民共和国政府信息公开条例》第三十九条第一款"),
        new(ReplyReason.Repeated, ReplyCategory.NotProcessed, "重复申请", "Repeated request", "《中华人民共和国政府信息公开条例》第三十六条第（六）项"),
        new(ReplyReason.PublishedMaterial, ReplyCategory.NotProcessed, "要求提供公开出版物", "Asks for published material", "《中华人民共和国政府信息公开条例》第三十九条第二款"),
        new(ReplyReason.ExcessiveRepetition, ReplyCategory.NotProcessed, "无正当理由大量反复申请", "Many repeated requests without good reason", "《中华人民共和国政府信息公开条例》第三十五条"),
        new(ReplyReason.ConfirmOrReissue, ReplyCategory.NotProcessed, "要求行政机关确认或重新出具已获取信息", "Asks the office to confirm or reissue information already obtained", "《中华人民共和国政府信息公开条例》第三十九条"),
        new(ReplyReason.NoCorrectionInTime, ReplyCategory.Other, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "Not corrected in time; no longer processed", "《中华人民共和国政府信息公开条例》第三十条"),
        new(ReplyReason.FeeNotPaid, ReplyCategory.Other, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "Fee not paid in time; no longer processed", "《中华人民共和国政府信息公开条例》第四十二条"),
        new(ReplyReason.OtherReason, ReplyCategory.Other, "其他", "Other", "《中华人民共和国政府信息公开条例》"),
    ];

    /// <summary>The label of requests still open at the year's end.</summary>
    public const string CarriedForward = "结转下年度继续办理";

    public static ReplyCategoryInfo Info(ReplyCategory category) => Categories.First(c => c.Category == category);

    public static ReplyReasonInfo Info(ReplyReason reason) => Reasons.First(r => r.Reason == reason);

    public static bool HasReasons(ReplyCategory category) => Reasons.Any(r => r.Category == category);

    public static string Label(ReplyCategory category, ReplyReason? reason) =>
        reason is { } r ? $"{Info(category).Chinese} — {Info(r).Chinese}" : Info(category).Chinese;
}
