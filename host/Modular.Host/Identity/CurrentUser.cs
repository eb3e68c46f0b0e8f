using Modular.Contracts.Modules;
using Modular.Contracts.Townships;
using Modular.Host.Plugins;

namespace Modular.Host.Identity;

/// <summary>The signed-in user of this request, or the system for background work.</summary>
internal sealed class CurrentUser(ITownshipContext township, ModuleCatalog catalog) : ICurrentUser
{
    public const string System = "system";

    public UserAccount? Account { get; private set; }

    public bool IsAuthenticated => Account is not null;

    public string UserName => Account?.UserName ?? System;

    public string DisplayName => Account?.DisplayName ?? System;

    public bool IsPlatformAdmin => Account?.IsPlatformAdmin == true;

    public void Set(UserAccount account) => Account = account;

    public bool IsInRole(string role) =>
        Account is not null && township.Current is { } current && Account.RolesIn(current.Slug).Contains(role);

    public bool HasPermission(string permission)
    {
        if (Account is null || township.Current is not { } current)
        {
            return false;
        }

        var granting = catalog.RolesGranting(permission);
        return granting.Count > 0 && Account.RolesIn(current.Slug).Any(granting.Contains);
    }
}
