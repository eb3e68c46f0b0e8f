namespace Modular.Contracts.Modules;

/// <summary>The roles the platform itself defines; each module adds its own through its manifest.</summary>
public static class PlatformRoles
{
    /// <summary>County IT: installs modules, creates townships and users. Holds no role inside a township's modules.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>Administers one township: its users' grants, its module enablement view and its audit trail.</summary>
    public const string TownshipAdmin = "township-admin";

    /// <summary>
    /// 县级法治办 (the county's rule-of-law office): granted per county, sees the aggregates of every township of its
    /// county and nothing inside any township (no records, no personal data, no writes).
    /// </summary>
    public const string CountyOffice = "county-office";
}
