using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Modules;
using Modular.Host.Identity;
using Modular.Host.Plugins;
using Modular.Host.Storage;

namespace Modular.Host.Townships;

public sealed record ModuleView(string? Id, LocalizedText? Name, string? Version, string? Assembly, string State, string? Error, string Folder);

public sealed record TownshipView(string Slug, string Name, string Code, string CountyCode, string CountyName, IReadOnlyList<string> EnabledModules);

/// <param name="Database">The id of the database holding the township's records (<c>platform</c> with one database).</param>
public sealed record TownshipDetail(TownshipView Township, IReadOnlyList<TownshipChange> History, string Database);

public sealed record SetModuleRequest(bool? Enabled);

public sealed record RenameTownshipRequest(string? Name);

/// <param name="Counties">The counties whose rule-of-law office (<c>county-office</c>) the user holds.</param>
public sealed record UserView(string UserName, string DisplayName, bool IsPlatformAdmin, IReadOnlyDictionary<string, List<string>> Grants, bool LockedOut, IReadOnlyList<string> Counties);

public sealed record GrantsRequest(Dictionary<string, string[]>? Grants);

/// <summary>The county IT admin's API: installed modules, townships and their modules, users and their grants.</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("admin").RequireAuthorization(Policies.PlatformAdmin);

        admin.MapGet("/modules", (ModuleCatalog catalog) => TypedResults.Ok(catalog.Plugins.Select(ToView).ToList()));

        admin.MapGet("/townships", async (TownshipDirectory directory, CancellationToken ct) =>
            TypedResults.Ok((await directory.AllAsync(ct)).Select(ToView).ToList()));

        admin.MapGet("/townships/{slug}", async Task<Results<Ok<TownshipDetail>, NotFound>> (string slug, TownshipDirectory directory, TownshipAdministration townships, Storage.Databases.TownshipDatabases databases, CancellationToken ct) =>
            await directory.FindAsync(slug, ct) is { } record
                ? TypedResults.Ok(new TownshipDetail(ToView(record), await townships.HistoryAsync(slug, ct), databases.DatabaseOf(slug)))
                : TypedResults.NotFound());

        // The placement rule and where each township is: what the county admin reads before registering a township.
        admin.MapGet("/databases", async (Storage.Databases.TownshipDatabases databases, PlatformSessions sessions, CancellationToken ct) =>
        {
            await using var session = sessions.Query();
            return TypedResults.Ok(await databases.DescribeAsync(session, ct));
        });

        admin.MapPost("/townships", async (RegisterTownship request, TownshipAdministration townships, CancellationToken ct) =>
        {
            var record = await townships.RegisterAsync(request, ct);
            return TypedResults.Created($"/api/admin/townships/{record.Slug}", ToView(record));
        });

        admin.MapPut("/townships/{slug}/name", async (string slug, RenameTownshipRequest request, TownshipAdministration townships, CancellationToken ct) =>
            TypedResults.Ok(ToView(await townships.RenameAsync(slug, request.Name, ct))));

        admin.MapPut("/townships/{slug}/modules/{moduleId}", async (string slug, string moduleId, SetModuleRequest request, TownshipAdministration townships, CancellationToken ct) =>
        {
            if (request.Enabled is not { } enabled)
            {
                throw new Modular.Kit.Input.InputRejectedException(new Dictionary<string, string[]> { ["enabled"] = ["须为 true 或 false / Must be true or false."] });
            }

            return TypedResults.Ok(ToView(await townships.SetModuleAsync(slug, moduleId, enabled, ct)));
        });

        admin.MapGet("/users", async (UserDirectory users, Identity.SignIn.SignInLocks locks, CancellationToken ct) =>
        {
            var locked = await locks.ActiveAsync(ct);
            return TypedResults.Ok((await users.AllAsync(ct)).Select(u => ToView(u, locked)).ToList());
        });

        admin.MapPost("/users", async (CreateUser request, UserAdministration users, CancellationToken ct) =>
        {
            var user = await users.CreateAsync(request, ct);
            return TypedResults.Created($"/api/admin/users/{user.UserName}", ToView(user, new Dictionary<string, IReadOnlyList<Identity.SignIn.LockView>>()));
        });

        admin.MapPut("/users/{userName}/grants", async (string userName, GrantsRequest request, UserAdministration users, Identity.SignIn.SignInLocks locks, CancellationToken ct) =>
        {
            if (request.Grants is null)
            {
                throw new Modular.Kit.Input.InputRejectedException(new Dictionary<string, string[]> { ["grants"] = ["请给出各乡镇的角色 / Give the roles per township."] });
            }

            return TypedResults.Ok(ToView(await users.GrantAsync(userName, request.Grants, ct), await locks.ActiveAsync(ct)));
        });

        // 县级法治办: granted per county, revoked the same way; both audited like the township grants.
        admin.MapPut("/users/{userName}/counties/{countyCode}", async (string userName, string countyCode, UserAdministration users, Identity.SignIn.SignInLocks locks, CancellationToken ct) =>
            TypedResults.Ok(ToView(await users.SetCountyOfficeAsync(userName, countyCode, granted: true, ct), await locks.ActiveAsync(ct))));
        admin.MapDelete("/users/{userName}/counties/{countyCode}", async (string userName, string countyCode, UserAdministration users, Identity.SignIn.SignInLocks locks, CancellationToken ct) =>
            TypedResults.Ok(ToView(await users.SetCountyOfficeAsync(userName, countyCode, granted: false, ct), await locks.ActiveAsync(ct))));
    }

    public static ModuleView ToView(PluginInfo plugin) =>
        new(plugin.Id, plugin.Manifest?.Name, plugin.Version, plugin.Assembly, plugin.State == PluginState.Loaded ? "loaded" : "failed", plugin.Error, Path.GetFileName(plugin.Folder));

    public static TownshipView ToView(TownshipRecord t) => new(t.Slug, t.Name, t.Code, t.CountyCode, t.CountyName, t.EnabledModules);

    /// <summary><c>lockedOut</c>: locked for sign-in from at least one address (locks are per account and address).</summary>
    public static UserView ToView(UserAccount u, IReadOnlyDictionary<string, IReadOnlyList<Identity.SignIn.LockView>> locks) =>
        new(u.UserName, u.DisplayName, u.IsPlatformAdmin, u.Grants, locks.ContainsKey(Identity.SignIn.SignInLock.Normalize(u.UserName)), u.Counties);
}
