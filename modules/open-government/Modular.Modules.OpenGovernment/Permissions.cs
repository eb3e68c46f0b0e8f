using Modular.Contracts.Modules;

namespace Modular.Modules.OpenGovernment;

/// <summary>The module's roles and permissions. A role is granted per township; a permission names what it allows.</summary>
internal static class Permissions
{
    /// <summary>政务公开专员: drafts publications, receives and answers disclosure requests, compiles the annual report.</summary>
    public const string ClerkRole = "open-government.clerk";

    /// <summary>保密与合法性审查人: reviews publications before they go out.</summary>
    public const string ReviewerRole = "open-government.reviewer";

    /// <summary>司法所: proposes adjustments to the power list and imports it.</summary>
    public const string JudicialOfficeRole = "open-government.judicial-office";

    /// <summary>县级审核: approves or rejects power-list proposals.</summary>
    public const string CountyApproverRole = "open-government.county-approver";

    public const string PowerListRead = "open-government.power-list.read";
    public const string PowerListPropose = "open-government.power-list.propose";
    public const string PowerListApprove = "open-government.power-list.approve";
    public const string PublicationsRead = "open-government.publications.read";
    public const string PublicationsWrite = "open-government.publications.write";
    public const string PublicationsReview = "open-government.publications.review";
    public const string RequestsRead = "open-government.requests.read";
    public const string RequestsHandle = "open-government.requests.handle";
    public const string ReportsWrite = "open-government.reports.write";

    private static readonly string[] Everyone = [ClerkRole, ReviewerRole, JudicialOfficeRole, CountyApproverRole];

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(PowerListRead, new("查看权责清单", "Read the power list"), Everyone),
        new(PowerListPropose, new("提出权责清单调整、导入清单", "Propose power-list changes, import the list"), [JudicialOfficeRole]),
        new(PowerListApprove, new("审核权责清单调整", "Approve or reject power-list changes"), [CountyApproverRole]),
        new(PublicationsRead, new("查看信息发布", "Read publications"), [ClerkRole, ReviewerRole]),
        new(PublicationsWrite, new("起草、提交、修订、撤回信息", "Draft, submit, revise and withdraw publications"), [ClerkRole]),
        new(PublicationsReview, new("保密与合法性审查", "Review publications for confidentiality and legality"), [ReviewerRole]),
        new(RequestsRead, new("查看依申请公开", "Read disclosure requests"), [ClerkRole, ReviewerRole]),
        new(RequestsHandle, new("办理依申请公开", "Handle disclosure requests"), [ClerkRole]),
        new(ReportsWrite, new("编制政府信息公开年度报告", "Compile the annual disclosure report"), [ClerkRole]),
    ];
}
