namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>Who asks. The national annual report splits requesters this way (国办公开办函〔2021〕30号, table 三).</summary>
internal enum RequesterType
{
    NaturalPerson,
    CommercialFirm,
    ResearchInstitution,
    PublicInterestOrganisation,
    LegalServiceProvider,
    Other,
}

/// <summary>The identity document a natural person gives (政府信息公开条例 Art 29: 身份证明).</summary>
internal enum IdentityDocumentType
{
    ResidentIdCard,
    Passport,
    HongKongMacaoPermit,
    TaiwanPermit,
    Other,
}

/// <summary>How the request reached the township.</summary>
internal enum RequestChannel
{
    Online,
    InPerson,
    Post,
    OrdinaryLetter,
    Fax,
    Email,
}

/// <summary>Which date of the channel is the day of receipt.</summary>
internal enum ReceiptDate
{
    SubmittedOn,
    SignedForOn,
    ConfirmedOn,
}

/// <summary>The form the applicant wants the information in (Art 29: 获取信息的方式、途径).</summary>
internal enum InformationForm
{
    Paper,
    Electronic,
}

internal enum DeliveryMethod
{
    Collect,
    Post,
    Email,
}

internal enum RequestState
{
    Received,
    AwaitingCorrection,
    InConsultation,
    Answered,
}

/// <summary>A channel and the rule that fixes its day of receipt.</summary>
internal sealed record ReceiptRule(RequestChannel Channel, string Chinese, string English, ReceiptDate Counts, string RuleChinese, string RuleEnglish);

/// <summary>The labels of the request vocabulary, and the receipt-date rule of each channel as data.</summary>
internal static class RequestVocabulary
{
    // 政府信息公开条例 Art 31: the day of receipt depends on the channel.
    public static IReadOnlyList<ReceiptRule> ReceiptRules { get; } =
    [
        // Art 31(3): online — the day both sides confirm. The portal confirms at once by issuing the tracking number,
        // so a request filed on the portal is received the day it is submitted.
        new(RequestChannel.Online, "网上申请", "Online", ReceiptDate.ConfirmedOn, "以双方确认之日为收到申请之日", "received the day both sides confirm it"),
        // Art 31(1): in person — the day it is handed in.
        new(RequestChannel.InPerson, "当面提交", "In person", ReceiptDate.SubmittedOn, "以提交之日为收到申请之日", "received the day it is handed in"),
        // Art 31(2): by post needing a signature — the day the township signs for it.
        new(RequestChannel.Post, "邮寄（需签收）", "Post (signed for)", ReceiptDate.SignedForOn, "以行政机关签收之日为收到申请之日", "received the day the township signs for it"),
        // Art 31(2): ordinary letter needing no signature — the day the office confirms with the applicant.
        new(RequestChannel.OrdinaryLetter, "平常信函", "Ordinary letter", ReceiptDate.ConfirmedOn, "以与申请人确认之日为收到申请之日", "received the day the office confirms it with the applicant"),
        // Art 31(3): fax — the day both sides confirm.
        new(RequestChannel.Fax, "传真", "Fax", ReceiptDate.ConfirmedOn, "以双方确认之日为收到申请之日", "received the day both sides confirm it"),
        // Art 31(3): e-mail is an internet channel — the day both sides confirm.
        new(RequestChannel.Email, "电子邮件", "E-mail", ReceiptDate.ConfirmedOn, "以双方确认之日为收到申请之日", "received the day both sides confirm it"),
    ];

    public static ReceiptRule RuleFor(RequestChannel channel) => ReceiptRules.First(r => r.Channel == channel);

    public static (string Chinese, string English) Label(RequesterType type) => type switch
    {
        RequesterType.NaturalPerson => ("自然人", "Natural person"),
        RequesterType.CommercialFirm => ("商业企业", "Commercial firm"),
        RequesterType.ResearchInstitution => ("科研机构", "Research institution"),
        RequesterType.PublicInterestOrganisation => ("社会公益组织", "Public-interest organisation"),
        RequesterType.LegalServiceProvider => ("法律服务机构", "Legal service provider"),
        _ => ("其他", "Other"),
    };

    public static (string Chinese, string English) Label(IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.ResidentIdCard => ("居民身份证", "Resident ID card"),
        IdentityDocumentType.Passport => ("护照", "Passport"),
        IdentityDocumentType.HongKongMacaoPermit => ("港澳居民来往内地通行证", "Hong Kong/Macao permit"),
        IdentityDocumentType.TaiwanPermit => ("台湾居民来往大陆通行证", "Taiwan permit"),
        _ => ("其他证件", "Other document"),
    };

    public static (string Chinese, string English) Label(RequestChannel channel)
    {
        var rule = RuleFor(channel);
        return (rule.Chinese, rule.English);
    }

    public static (string Chinese, string English) Label(InformationForm form) =>
        form == InformationForm.Paper ? ("纸质", "Paper") : ("电子", "Electronic");

    public static (string Chinese, string English) Label(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Collect => ("自行领取", "Collect in person"),
        DeliveryMethod.Post => ("邮寄", "Post"),
        _ => ("电子邮件", "E-mail"),
    };

    public static (string Chinese, string English) Label(RequestState state) => state switch
    {
        RequestState.Received => ("办理中", "In progress"),
        RequestState.AwaitingCorrection => ("待补正", "Awaiting correction"),
        RequestState.InConsultation => ("征求第三方意见", "Consulting a third party"),
        _ => ("已答复", "Answered"),
    };

    public static string T((string Chinese, string English) label) => Modular.Kit.Text.T(label.Chinese, label.English);
}
