namespace Modular.Contracts.Modules;

/// <summary>The roles the platform itself defines; each module adds its own through its manifest.</summary>
public static class PlatformRoles
{
    /// <summary>County IT: installs modules, creates townships and users. Holds no role inside a township's modules.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>Administers one township: its users' grants, its module enablement view and its audit trail.</summary>
    public const string TownshipAdmin = "township-admin";

    /// <summary>法治建设报告起草人: writes the annual rule-of-law work report, submits it, sends it to the county and publishes it.</summary>
    public const string ReportClerk = "report-clerk";

    /// <summary>党政主要负责人: the township's party and government heads, who approve the report or return it with a reason.</summary>
    public const string ReportApprover = "report-approver";

    /// <summary>The roles a township admin grants beside the modules' own.</summary>
    public static IReadOnlyList<string> TownshipRoles { get; } = [TownshipAdmin, ReportClerk, ReportApprover];

    /// <summary>
    /// 县级法治办 (the county's rule-of-law office): granted per county, sees the aggregates of every township of its
    /// county and nothing inside any township (no records, no personal data, no writes).
    /// </summary>
    public const string CountyOffice = "county-office";
}

/// <summary>
/// The platform's own permissions, held through <see cref="PlatformRoles"/> in a township as a module's are through its
/// manifest: the annual rule-of-law work report (法治政府建设年度报告) is the platform's, not a module's. Every member of
/// the township reads it (its facts are the year's aggregate figures); these are the permissions to change it.
/// </summary>
public static class PlatformPermissions
{
    /// <summary>Write the judgement parts (every save a version), submit, send to the county, publish.</summary>
    public const string AnnualReportWrite = "platform.annual-report.write";

    /// <summary>Approve the submitted report, or return it with a reason.</summary>
    public const string AnnualReportApprove = "platform.annual-report.approve";

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(AnnualReportWrite, new LocalizedText("起草、提交、报送、公开年度报告", "Draft, submit, send and publish the annual report"), [PlatformRoles.ReportClerk]),
        new(AnnualReportApprove, new LocalizedText("审定年度报告（党政主要负责人）", "Approve the annual report (the party and government heads)"), [PlatformRoles.ReportApprover]),
    ];
}
