using Modular.Contracts.Mediation;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>Where an application stands. Stored by name: add new states at the end.</summary>
internal enum ApplicationState
{
    /// <summary>Pre-filled from a failed mediation; nothing is filed until a clerk confirms it.</summary>
    Draft,
    Received,
    MaterialsRequested,
    Forwarded,
    UnderReview,
    Granted,
    Refused,
    ObjectionPending,
    Assigned,
    InProgress,
    Terminated,
    Closed,
    Withdrawn,
    Dismissed,
}

/// <summary>法律援助法 第二十二条: the forms of legal aid.</summary>
internal enum AidForm
{
    Consultation,
    DocumentDrafting,
    CriminalDefence,
    CivilAdministrativeRepresentation,
    DutyLawyer,
    LabourMediationArbitration,
    OtherStatutory,
}

/// <summary>How the applicant's means were settled (法律援助法 第三十二条, 第四十一条, 第四十二条).</summary>
internal enum MeansRoute
{
    /// <summary>Art 41: verified through information sharing with the departments that hold it.</summary>
    Verified,

    /// <summary>Art 41: the applicant's written personal pledge (个人诚信承诺).</summary>
    Pledge,

    /// <summary>Art 42: a group exempt from the means test.</summary>
    ExemptGroup,

    /// <summary>Art 32: a matter in which the means test does not apply.</summary>
    NoMeansTest,
}

/// <summary>法律援助法 第四十二条: applicants exempt from the means test.</summary>
internal enum ExemptGroup
{
    MinorWithoutIncome,
    ElderlyWithoutIncome,
    DisabledWithoutIncome,
    AssistanceRecipient,
    MigrantWorkerPayOrInjury,
    OtherStatutory,
}

/// <summary>法律援助法 第三十二条: matters that skip the means test.</summary>
internal enum NoMeansTestMatter
{
    HeroMartyrRights,
    GoodSamaritan,
    WrongfulConvictionCompensation,
    AbuseOrDomesticViolence,
    OtherStatutory,
}

/// <summary>法律援助法 第四十四条: when the agency provides aid before its decision.</summary>
internal enum ProvisionalGround
{
    LimitationEndsWithinSevenDays,
    UrgentPreservationOrAdvanceExecution,
    OtherStatutory,
}

/// <summary>Who carries out the aid (法律援助法 第十二条, 第十六条, 第十七条).</summary>
internal enum AssigneeKind
{
    Lawyer,
    GrassrootsLegalWorker,
    Volunteer,
}

/// <summary>法律援助法 第四十八条: the eight grounds on which aid is terminated, in the article's order.</summary>
internal enum TerminationGround
{
    FraudOrFalseMaterials,
    ConcealedOrFalseEvidence,
    UsedForIllegalEnds,
    MeansChanged,
    CaseEndedOrWithdrawn,
    OwnLawyerHired,
    RecipientAsks,
    OtherStatutory,
}

/// <summary>What the justice bureau decided on an objection (法律援助法 第四十九条).</summary>
internal enum ObjectionOutcome
{
    /// <summary>The agency's decision stands.</summary>
    Upheld,

    /// <summary>The agency is told to grant (or to continue) the aid.</summary>
    Overturned,
}

/// <summary>Which receipt starts the 7 days of Art 43: the text does not settle it, so each township says.</summary>
internal enum DecisionClockStart
{
    AgencyReceipt,
    StationReceipt,
}

/// <summary>The words of the legal-aid relay, once: pages, the API, documents and the report all read them here.</summary>
internal static class LegalAidVocabulary
{
    public static LocalizedText Label(ApplicationState s) => s switch
    {
        ApplicationState.Draft => new("待确认（调解转介）", "Draft (mediation referral)"),
        ApplicationState.Received => new("工作站已接收", "Received at the station"),
        ApplicationState.MaterialsRequested => new("待补充材料", "Materials requested"),
        ApplicationState.Forwarded => new("已转交法律援助机构", "Forwarded to the agency"),
        ApplicationState.UnderReview => new("法律援助机构审查中", "Under the agency's review"),
        ApplicationState.Granted => new("决定给予法律援助", "Granted"),
        ApplicationState.Refused => new("决定不予法律援助", "Refused"),
        ApplicationState.ObjectionPending => new("异议审查中", "Objection pending"),
        ApplicationState.Assigned => new("已指派", "Assigned"),
        ApplicationState.InProgress => new("承办中", "In progress"),
        ApplicationState.Terminated => new("已终止法律援助", "Terminated"),
        ApplicationState.Closed => new("已结案", "Closed"),
        ApplicationState.Withdrawn => new("视为撤回", "Withdrawn"),
        ApplicationState.Dismissed => new("转介未受理", "Referral dismissed"),
        _ => new(s.ToString(), s.ToString()),
    };

    public static LocalizedText Label(LegalAidMatter m) => LegalAidMatterLabels.Label(m);

    public static LocalizedText Label(AidForm f) => f switch
    {
        AidForm.Consultation => new("法律咨询", "Legal consultation"),
        AidForm.DocumentDrafting => new("代拟法律文书", "Drafting legal documents"),
        AidForm.CriminalDefence => new("刑事辩护与代理", "Criminal defence and representation"),
        AidForm.CivilAdministrativeRepresentation => new("民事、行政、国家赔偿案件代理及非诉讼代理", "Civil, administrative and compensation cases"),
        AidForm.DutyLawyer => new("值班律师法律帮助", "Duty lawyer"),
        AidForm.LabourMediationArbitration => new("劳动争议调解与仲裁代理", "Labour mediation and arbitration"),
        _ => new("法律、法规、规章规定的其他形式", "Other statutory form"),
    };

    public static LocalizedText Label(MeansRoute r) => r switch
    {
        MeansRoute.Verified => new("经济困难状况经信息共享查证（第四十一条）", "Means verified by information sharing (Art 41)"),
        MeansRoute.Pledge => new("申请人个人诚信承诺（第四十一条）", "Personal pledge (Art 41)"),
        MeansRoute.ExemptGroup => new("免予核查经济困难状况（第四十二条）", "Exempt group (Art 42)"),
        _ => new("不受经济困难条件限制（第三十二条）", "No means test (Art 32)"),
    };

    public static LocalizedText Label(ExemptGroup g) => g switch
    {
        ExemptGroup.MinorWithoutIncome => new("无固定生活来源的未成年人", "Minor without fixed income"),
        ExemptGroup.ElderlyWithoutIncome => new("无固定生活来源的老年人", "Elderly person without fixed income"),
        ExemptGroup.DisabledWithoutIncome => new("无固定生活来源的残疾人", "Disabled person without fixed income"),
        ExemptGroup.AssistanceRecipient => new("社会救助、司法救助或者优抚对象", "Assistance recipient"),
        ExemptGroup.MigrantWorkerPayOrInjury => new("申请支付劳动报酬或者工伤赔偿的进城务工人员", "Migrant worker claiming pay or injury damages"),
        _ => new("法律、法规、规章规定的其他人员", "Other statutory group"),
    };

    public static LocalizedText Label(NoMeansTestMatter m) => m switch
    {
        NoMeansTestMatter.HeroMartyrRights => new("英雄烈士近亲属维护英雄烈士人格权益", "Rights of a hero or martyr"),
        NoMeansTestMatter.GoodSamaritan => new("因见义勇为行为主张相关民事权益", "Good Samaritan's civil rights"),
        NoMeansTestMatter.WrongfulConvictionCompensation => new("再审改判无罪请求国家赔偿", "Compensation after acquittal on retrial"),
        NoMeansTestMatter.AbuseOrDomesticViolence => new("遭受虐待、遗弃或者家庭暴力的受害人主张相关权益", "Victim of abuse, abandonment or domestic violence"),
        _ => new("法律、法规、规章规定的其他情形", "Other statutory matter"),
    };

    public static LocalizedText Label(ProvisionalGround g) => g switch
    {
        ProvisionalGround.LimitationEndsWithinSevenDays => new("距法定时效或者期限届满不足七日", "A limitation period ends within 7 days"),
        ProvisionalGround.UrgentPreservationOrAdvanceExecution => new("需要立即申请财产保全、证据保全或者先予执行", "Urgent preservation or advance execution"),
        _ => new("法律、法规、规章规定的其他情形", "Other statutory ground"),
    };

    public static LocalizedText Label(AssigneeKind k) => k switch
    {
        AssigneeKind.Lawyer => new("律师", "Lawyer"),
        AssigneeKind.GrassrootsLegalWorker => new("基层法律服务工作者", "Grassroots legal worker"),
        _ => new("法律援助志愿者", "Volunteer"),
    };

    public static LocalizedText Label(TerminationGround g) => g switch
    {
        TerminationGround.MeansChanged => new("受援人的经济状况发生变化，不再符合法律援助条件", "The recipient's means changed"),
        TerminationGround.CaseEndedOrWithdrawn => new("案件终止审理或者已经被撤销", "The case ended or was withdrawn"),
        TerminationGround.OwnLawyerHired => new("受援人自行委托律师或者其他代理人", "The recipient hired a lawyer"),
        TerminationGround.RecipientAsks => new("受援人有正当理由要求终止法律援助", "The recipient asks with good reason"),
        TerminationGround.FraudOrFalseMaterials => new("受援人以欺骗或者其他不正当手段获得法律援助", "Aid obtained by fraud"),
        TerminationGround.UsedForIllegalEnds => new("受援人利用法律援助从事违法活动", "Aid used for illegal ends"),
        TerminationGround.ConcealedOrFalseEvidence => new("受援人故意隐瞒与案件有关的重要事实或者提供虚假证据", "Facts concealed or false evidence"),
        _ => new("法律法规规定的其他情形", "Other statutory ground"),
    };

    public static LocalizedText Label(ObjectionOutcome o) => o == ObjectionOutcome.Upheld
        ? new("维持法律援助机构的决定", "The agency's decision stands")
        : new("责令法律援助机构改正（给予或继续法律援助）", "The agency is told to grant or continue aid");

    public static LocalizedText Label(DecisionClockStart s) => s == DecisionClockStart.AgencyReceipt
        ? new("法律援助机构收到申请之日", "The agency's receipt")
        : new("工作站收到申请之日", "The station's receipt");
}
