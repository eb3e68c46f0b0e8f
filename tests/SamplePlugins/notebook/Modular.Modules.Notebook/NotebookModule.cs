using Modular.Contracts.Modules;
using Modular.Kit.Modules;

namespace Modular.Modules.Notebook;

/// <summary>
/// 记事本 (Notebook). TODO: say what the township records here and under which statute. The table of contents:
/// each area (<c>Matters/</c>) registers its own services, Marten types, endpoints and navigation and is found by the
/// kit; this class names the module and the permissions its areas share.
/// </summary>
public sealed class NotebookModule : TownshipModule
{
    public const string Id = "notebook";

    protected override string ModuleId => Id;

    protected override LocalizedText ModuleName { get; } = new("记事本", "Notebook");

    // TODO: the description the county IT admin reads on /admin/modules.
    protected override LocalizedText ModuleDescription { get; } = new("记事本：登记事项并办结", "Notebook: matters recorded and closed");

    protected override IReadOnlyList<ModulePermission> SharedPermissions => Permissions.All;
}
