using Modular.Contracts.Modules;
using Modular.Kit.Modules;

namespace Modular.Modules.LegalServices;

/// <summary>
/// 公共法律服务 (Public legal services). TODO: say what the township records here and under which statute. The table of contents:
/// each area (<c>Matters/</c>) registers its own services, Marten types, endpoints and navigation and is found by the
/// kit; this class names the module and the permissions its areas share.
/// </summary>
public sealed class LegalServicesModule : TownshipModule
{
    public const string Id = "legal-services";

    protected override string ModuleId => Id;

    protected override LocalizedText ModuleName { get; } = new("公共法律服务", "Public legal services");

    // TODO: the description the county IT admin reads on /admin/modules.
    protected override LocalizedText ModuleDescription { get; } = new("公共法律服务：登记事项并办结", "Public legal services: matters recorded and closed");

    protected override IReadOnlyList<ModulePermission> SharedPermissions => Permissions.All;
}
