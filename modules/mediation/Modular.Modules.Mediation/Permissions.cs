using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation;

/// <summary>The module's roles and permissions. A role is granted per township; a permission names what it allows.</summary>
internal static class Permissions
{
    /// <summary>信访专干: registers, accepts and handles petitions.</summary>
    public const string PetitionClerkRole = "mediation.petition-clerk";

    /// <summary>调解员: reads petitions that may turn into disputes.</summary>
    public const string MediatorRole = "mediation.mediator";

    /// <summary>综治中心主任: oversees petitions and decides reviews.</summary>
    public const string CenterHeadRole = "mediation.center-head";

    public const string PetitionsRead = "mediation.petitions.read";
    public const string PetitionsHandle = "mediation.petitions.handle";

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(PetitionsRead, new("查看信访事项", "Read petitions"), [PetitionClerkRole, MediatorRole, CenterHeadRole]),
        new(PetitionsHandle, new("登记、受理、办理信访事项", "Register, accept and handle petitions"), [PetitionClerkRole, CenterHeadRole]),
    ];
}
