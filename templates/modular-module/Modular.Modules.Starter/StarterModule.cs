using Modular.Contracts.Modules;
using Modular.Kit.Modules;

namespace Modular.Modules.Starter;

/// <summary>
/// 示例模块 (Sample module). TODO: say what the township records here and under which statute. The table of contents:
/// each area (<c>Matters/</c>) registers its own services, Marten types, endpoints and navigation and is found by the
/// kit; this class names the module and the permissions its areas share.
/// </summary>
public sealed class StarterModule : TownshipModule
{
    public const string Id = "kit-sample";

    protected override string ModuleId => Id;

    protected override LocalizedText ModuleName { get; } = new("示例模块", "Sample module");

    // TODO: the description the county IT admin reads on /admin/modules.
    protected override LocalizedText ModuleDescription { get; } = new("示例模块：登记事项并办结", "Sample module: matters recorded and closed");

    protected override IReadOnlyList<ModulePermission> SharedPermissions => Permissions.All;
}
