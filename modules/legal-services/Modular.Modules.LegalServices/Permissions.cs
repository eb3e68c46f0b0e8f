using Modular.Contracts.Modules;

namespace Modular.Modules.LegalServices;

/// <summary>
/// The module's roles and the permissions its areas share. A role is granted per township (on /admin/users); a
/// permission, named <c>&lt;module&gt;.&lt;resource&gt;.&lt;action&gt;</c>, is an authorization policy of its own name.
/// Each area declares the permissions only it uses in its own <c>IModuleArea.Permissions</c>, granted to these roles.
/// </summary>
internal static class Permissions
{
    /// <summary>工作站窗口人员: registers consultations at the hall, the phone, letters and online, and routes them to a window.</summary>
    public const string StationClerkRole = "legal-services.station-clerk";

    /// <summary>法律援助联络员: receives legal-aid applications at the station and relays them to the county agency.</summary>
    public const string LegalAidLiaisonRole = "legal-services.legal-aid-liaison";

    /// <summary>法律顾问: the retained counsel; reviews what is sent to them and records their work.</summary>
    public const string CounselRole = "legal-services.counsel";

    /// <summary>司法所所长: oversees the station, keeps the settings and may reveal personal data with a reason.</summary>
    public const string JudicialOfficeHeadRole = "legal-services.judicial-office-head";

    /// <summary>Reveal one field of one person with a reason, and export personal data unmasked with a reason; both audited.</summary>
    public const string PersonalDataReveal = "legal-services.personal-data.reveal";

    /// <summary>Set the module's local periods (the national standard and the law are the defaults and the floor).</summary>
    public const string Settings = "legal-services.settings";

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(PersonalDataReveal, new("说明理由后查看或导出完整个人信息（留痕）", "Reveal or export personal data with a reason (audited)"), [JudicialOfficeHeadRole]),
        new(Settings, new("设置公共法律服务的时限", "Set the periods of the public legal service"), [JudicialOfficeHeadRole]),
    ];
}
