using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Identity;
using Modular.Contracts.Modules;
using Modular.Host.Operations;
using Modular.Host.Plugins;
using Modular.Host.Storage;
using Modular.Host.Townships;

namespace Modular.Host.Identity;

public sealed record CreateUser(string? UserName, string? DisplayName, string? Password, bool IsPlatformAdmin = false);

public sealed class UserNotFoundException(string userName) : Exception($"没有用户 {userName} / There is no user {userName}.");

/// <summary>Creates users, grants roles per township and changes passwords, each recorded in the audit trail.</summary>
internal sealed partial class UserAdministration(
    PlatformSessions sessions,
    TownshipDirectory townships,
    ModuleCatalog catalog,
    IPasswordHasher<UserAccount> hasher,
    Audit.SecurityAudit audit,
    Sessions.SessionRegistry userSessions,
    Caching.CacheInvalidation caches,
    TimeProvider time)
{

    public async Task<UserAccount> CreateAsync(CreateUser request, CancellationToken cancellationToken)
    {
        var userName = request.UserName?.Trim() ?? "";
        var passwordProblem = PasswordPolicy.Check(request.Password);
        new Modular.Kit.Input.InputErrors()
            .Check(UserNamePattern().IsMatch(userName), "userName", "用户名为 3-32 位字母、数字、点、连字符或下划线 / 3-32 letters, digits, dots, hyphens or underscores.")
            .Check(!string.IsNullOrWhiteSpace(request.DisplayName) && request.DisplayName.Trim().Length <= 40, "displayName", "请填写姓名（不超过40字）/ A display name is required (at most 40 characters).")
            .Check(passwordProblem is null, "password", passwordProblem ?? "")
            .ThrowIfAny();

        var created = new UserCreated(userName, request.DisplayName!.Trim(), hasher.HashPassword(null!, request.Password!), request.IsPlatformAdmin, time.GetUtcNow());
        await using var session = sessions.Open();
        if (await session.LoadAsync<UserAccount>(UserAccount.StreamId(userName), cancellationToken) is not null)
        {
            throw new ConflictException($"用户名 {userName} 已存在 / The user name {userName} is taken.");
        }

        session.Events.StartStream<UserAccount>(UserAccount.StreamId(userName), created);
        audit.Add(session, Audit.AuditEvents.UserCreated, Audit.AuditOutcomes.Success, request.IsPlatformAdmin ? "平台管理员 / platform admin" : null, target: userName);
        caches.Announce(session, Caching.CacheChange.ForUser(userName)); // an instance may hold "no such user"
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception clash) when (PlatformClashes.IsStreamTaken(clash))
        {
            // Created by another request at the same instant: the name is the stream's id, so the database refused it.
            throw new ConflictException($"用户名 {userName} 已存在 / The user name {userName} is taken.");
        }

        return UserAccount.Create(created);
    }

    /// <summary>Replaces the user's roles in each township named; a township given no roles is taken away from them.</summary>
    public async Task<UserAccount> GrantAsync(string userName, IReadOnlyDictionary<string, string[]> grants, CancellationToken cancellationToken)
    {
        var validation = new Modular.Kit.Input.InputErrors();
        var known = KnownRoles();
        foreach (var (township, roles) in grants)
        {
            if (await townships.FindAsync(township, cancellationToken) is null)
            {
                validation.AddMessage($"grants.{township}", $"没有乡镇 {township} / There is no township {township}.");
            }

            foreach (var role in roles.Where(r => !known.Contains(r)))
            {
                validation.AddMessage($"grants.{township}", $"没有角色 {role} / No module defines the role {role}.");
            }
        }

        validation.ThrowIfAny();
        await using var session = sessions.Open();
        var stream = await session.Events.FetchForWritingAsync(userName, cancellationToken);
        var user = stream.Aggregate ?? throw new UserNotFoundException(userName);
        foreach (var (township, roles) in grants)
        {
            var granted = new UserRolesGranted(township, roles.Distinct().Order(StringComparer.Ordinal).ToList());
            var current = user.Grants.TryGetValue(township, out var held) ? held : [];
            if (!current.SequenceEqual(granted.Roles) || (granted.Roles.Count == 0 && user.Grants.ContainsKey(township)))
            {
                stream.AppendOne(granted);
                user.Apply(granted);
                audit.Add(session, Audit.AuditEvents.RolesGranted, Audit.AuditOutcomes.Success,
                    $"{township}: {(granted.Roles.Count == 0 ? "—" : string.Join(", ", granted.Roles))}", target: user.UserName);
            }
        }

        caches.Announce(session, Caching.CacheChange.ForUser(userName));
        await session.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// Gives or takes away the county rule-of-law office (县级法治办) of one county; recorded in the audit trail like every
    /// other grant. The county must be one the platform has a township of.
    /// </summary>
    public async Task<UserAccount> SetCountyOfficeAsync(string userName, string? countyCode, bool granted, CancellationToken cancellationToken)
    {
        var code = countyCode?.Trim() ?? "";
        var counties = (await townships.AllAsync(cancellationToken)).Select(t => t.CountyCode).ToHashSet(StringComparer.Ordinal);
        new Modular.Kit.Input.InputErrors()
            .Check(counties.Contains(code), "countyCode", $"没有县（区）代码 {code} 的乡镇 / No township belongs to the county {code}.")
            .ThrowIfAny();
        await using var session = sessions.Open();
        var stream = await session.Events.FetchForWritingAsync(userName, cancellationToken);
        var user = stream.Aggregate ?? throw new UserNotFoundException(userName);
        if (user.HoldsCountyOffice(code) != granted)
        {
            if (granted)
            {
                var change = new UserCountyOfficeGranted(code);
                stream.AppendOne(change);
                user.Apply(change);
            }
            else
            {
                var change = new UserCountyOfficeRevoked(code);
                stream.AppendOne(change);
                user.Apply(change);
            }

            audit.Add(session, Audit.AuditEvents.RolesGranted, Audit.AuditOutcomes.Success,
                $"county:{code}: {(granted ? PlatformRoles.CountyOffice : "—")}", target: user.UserName);
            caches.Announce(session, Caching.CacheChange.ForUser(userName));
            await session.SaveChangesAsync(cancellationToken);
        }

        return user;
    }

    /// <summary>
    /// A user changes their own password: the current one must be right, the new one must pass the policy and differ.
    /// Every other session of theirs ends (whoever may have learnt the old password is signed out); <paramref name="currentSession"/> stays.
    /// </summary>
    public async Task ChangeOwnPasswordAsync(string userName, string? currentPassword, string? newPassword, string? currentSession, CancellationToken cancellationToken)
    {
        await using var session = sessions.Open();
        var stream = await session.Events.FetchForWritingAsync(userName, cancellationToken);
        var user = stream.Aggregate ?? throw new UserNotFoundException(userName);
        var problem = PasswordPolicy.Check(newPassword);
        new Modular.Kit.Input.InputErrors()
            .Check(!string.IsNullOrEmpty(currentPassword) && hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) != PasswordVerificationResult.Failed,
                "currentPassword", "当前密码不正确 / The current password is wrong.")
            .Check(problem is null, "newPassword", problem ?? "")
            .Check(newPassword != currentPassword, "newPassword", "新密码不能与当前密码相同 / Choose a password different from the current one.")
            .ThrowIfAny();
        stream.AppendOne(new UserPasswordChanged(hasher.HashPassword(user, newPassword!), time.GetUtcNow()));
        var ended = await userSessions.RevokeAllAsync(session, user.UserName, currentSession, cancellationToken);
        audit.Add(session, Audit.AuditEvents.PasswordChanged, Audit.AuditOutcomes.Success, $"结束其他会话 {ended.Count} 个 / {ended.Count} other sessions ended");
        foreach (var id in ended)
        {
            caches.Announce(session, Caching.CacheChange.ForSession(id));
        }

        caches.Announce(session, Caching.CacheChange.ForUser(userName));
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every role a user can be granted in a township: the platform's township roles, and each loaded module's roles.</summary>
    public HashSet<string> KnownRoles() =>
        [.. PlatformRoles.TownshipRoles, .. catalog.Modules.SelectMany(m => m.Manifest.Roles)];

    [GeneratedRegex("^[A-Za-z0-9._-]{3,32}$")]
    private static partial Regex UserNamePattern();
}

internal static class UserStreams
{
    public static Task<JasperFx.Events.IEventStream<UserAccount>> FetchForWritingAsync(this Marten.Events.IEventStoreOperations events, string userName, CancellationToken cancellationToken) =>
        events.FetchForWriting<UserAccount>(UserAccount.StreamId(userName), cancellationToken);
}
