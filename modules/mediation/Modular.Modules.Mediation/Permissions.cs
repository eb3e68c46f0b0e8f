using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation;

/// <summary>The module's roles and permissions. A role is granted per township; a permission names what it allows.</summary>
internal static class Permissions
{
    /// <summary>信访专干: registers, accepts and handles petitions.</summary>
    public const string PetitionClerkRole = "mediation.petition-clerk";

    /// <summary>调解员: takes disputes from intake to agreement, works with the liaisons, reads the household ledger masked.</summary>
    public const string MediatorRole = "mediation.mediator";

    /// <summary>综治中心主任: oversees everything in the module, decides reviews, may reveal personal data with a reason.</summary>
    public const string CenterHeadRole = "mediation.center-head";

    /// <summary>网格员/台帐管理员: keeps the household ledger (分户建档) and may reveal personal data with a reason.</summary>
    public const string HouseholdRegistrarRole = "mediation.household-registrar";

    public const string PetitionsRead = "mediation.petitions.read";
    public const string PetitionsHandle = "mediation.petitions.handle";
    public const string DisputesRead = "mediation.disputes.read";
    public const string DisputesHandle = "mediation.disputes.handle";
    public const string DisputesSettings = "mediation.disputes.settings";
    public const string LiaisonsRead = "mediation.liaisons.read";
    public const string LiaisonsManage = "mediation.liaisons.manage";
    public const string HouseholdsRead = "mediation.households.read";
    public const string HouseholdsManage = "mediation.households.manage";

    /// <summary>Reveal one field of one person with a reason, and export personal data unmasked with a reason; both audited.</summary>
    public const string PersonalDataReveal = "mediation.personal-data.reveal";

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(PetitionsRead, new("查看信访事项", "Read petitions"), [PetitionClerkRole, MediatorRole, CenterHeadRole]),
        new(PetitionsHandle, new("登记、受理、办理信访事项", "Register, accept and handle petitions"), [PetitionClerkRole, CenterHeadRole]),
        new(DisputesRead, new("查看矛盾纠纷台帐", "Read the dispute ledger"), [MediatorRole, CenterHeadRole, PetitionClerkRole]),
        new(DisputesHandle, new("受理、调解、分流矛盾纠纷，导入台帐", "Take in, mediate and route disputes; import the ledger"), [MediatorRole, CenterHeadRole]),
        new(DisputesSettings, new("设置纠纷类别和化解、回访时限", "Set the dispute categories, resolution target and follow-up"), [CenterHeadRole]),
        new(LiaisonsRead, new("查看信息联络员及其报告", "Read information liaisons and their reports"), [MediatorRole, CenterHeadRole, PetitionClerkRole]),
        new(LiaisonsManage, new("管理信息联络员名册，登记和处理线索", "Keep the liaison roster; record and handle leads"), [MediatorRole, CenterHeadRole]),
        new(HouseholdsRead, new("查看人口信息台帐（脱敏）", "Read the household ledger (masked)"), [MediatorRole, CenterHeadRole, HouseholdRegistrarRole]),
        new(HouseholdsManage, new("维护人口信息台帐，导入台帐", "Keep the household ledger; import it"), [CenterHeadRole, HouseholdRegistrarRole]),
        new(PersonalDataReveal, new("说明理由后查看或导出完整个人信息（留痕）", "Reveal or export personal data with a reason (audited)"), [CenterHeadRole, HouseholdRegistrarRole]),
    ];
}
