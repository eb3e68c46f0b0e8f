using Modular.Contracts.Modules;

namespace Modular.Modules.LawStudy;

/// <summary>
/// The module's roles and the permissions its areas share. A role is granted per township (on /admin/users); a
/// permission, named <c>&lt;module&gt;.&lt;resource&gt;.&lt;action&gt;</c>, is an authorization policy of its own name.
/// Each area declares the permissions only it uses in its own <c>IModuleArea.Permissions</c>, granted to these roles.
/// </summary>
internal static class Permissions
{
    /// <summary>学法专干 (usually in 党政办): keeps the staff roster, records study sessions and their attendance.</summary>
    public const string StudyClerkRole = "law-study.study-clerk";

    /// <summary>考试管理员: keeps the question banks, sets the year's exams, reads the results.</summary>
    public const string ExamOrganiserRole = "law-study.exam-organiser";

    /// <summary>执法监督员 (司法所 or 综合行政执法办): keeps the enforcement certificates and assigns officers to tasks.</summary>
    public const string EnforcementSupervisorRole = "law-study.enforcement-supervisor";

    /// <summary>工作人员: any member of staff who signs in: sits exams, sees their own hours and certificate.</summary>
    public const string StaffMemberRole = "law-study.staff-member";

    /// <summary>分管领导: reads everything of the module, keeps its settings, may reveal personal data with a reason.</summary>
    public const string HeadRole = "law-study.head";

    /// <summary>Reveal one field of one person with a reason, and export personal data unmasked with a reason; both audited.</summary>
    public const string PersonalDataReveal = "law-study.personal-data.reveal";

    /// <summary>One's own records: one's roster entry, study hours, exams (and sitting them), certificate.</summary>
    public const string Self = "law-study.self";

    /// <summary>Set the module's local rules (hour targets per post, the review cycle of certificates, warning periods).</summary>
    public const string Settings = "law-study.settings";

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(Self, new("查看本人学时、考试和执法证，参加考试", "See one's own hours, exams and certificate; sit exams"),
            [StaffMemberRole, StudyClerkRole, ExamOrganiserRole, EnforcementSupervisorRole, HeadRole]),
        new(PersonalDataReveal, new("说明理由后查看或导出完整个人信息（留痕）", "Reveal or export personal data with a reason (audited)"), [HeadRole]),
        new(Settings, new("设置学法用法的本地规则", "Set the local rules of law study"), [HeadRole]),
    ];
}
