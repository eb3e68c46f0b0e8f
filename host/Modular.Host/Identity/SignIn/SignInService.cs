using System.Security.Claims;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Modular.Host.Identity.Audit;
using Modular.Host.Identity.Sessions;

namespace Modular.Host.Identity.SignIn;

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
    TooManyAttempts,
}

public sealed record SignInResult(SignInOutcome Outcome, UserAccount? User = null, DateTimeOffset? LockedUntil = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Signs a user in for the API and the sign-in page alike. Nothing here writes to the user's own stream: a successful
/// sign-in inserts its session and its audit entry, new rows that no other request touches, so simultaneous sign-ins
/// to one account never contend (they answered 409 when each appended to the account's stream).
/// </summary>
internal sealed class SignInService(
    IDocumentStore store,
    IPasswordHasher<UserAccount> hasher,
    SignInThrottle throttle,
    SignInLocks locks,
    SessionRegistry sessions,
    SecurityAudit audit,
    Caching.CacheInvalidation caches,
    TimeProvider time,
    ILogger<SignInService> log)
{
    public async Task<SignInResult> SignInAsync(string? userName, string? password, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var name = userName?.Trim() ?? "";
        if (name.Length is 0 or > 64 || string.IsNullOrEmpty(password))
        {
            return new SignInResult(SignInOutcome.WrongCredentials);
        }

        var address = ClientAddress.Of(http);
        if (throttle.Refuse(name, address) is { } wait)
        {
            await audit.RecordAsync(AuditEvents.SignIn, AuditOutcomes.Refused, "请求过于频繁 / too many attempts", name, cancellationToken: cancellationToken);
            return new SignInResult(SignInOutcome.TooManyAttempts, RetryAfter: wait);
        }

        if (await locks.LockedUntilAsync(name, address, cancellationToken) is { } lockedUntil)
        {
            await audit.RecordAsync(AuditEvents.SignIn, AuditOutcomes.Refused, "已锁定 / locked", name, cancellationToken: cancellationToken);
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockedUntil, RetryAfter: lockedUntil - time.GetUtcNow());
        }

        UserAccount? user;
        await using (var query = store.QuerySession())
        {
            user = await query.LoadAsync<UserAccount>(UserAccount.StreamId(name), cancellationToken);
        }

        // An unknown name costs a hash too, and then goes the same way as a wrong password: same answer, same time, same lock.
        var verdict = user is null
            ? Failed(hasher.VerifyHashedPassword(null!, DummyHash(hasher), password))
            : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = await locks.FailAsync(name, address, cancellationToken);
            await using var session = store.LightweightSession();
            audit.Add(session, AuditEvents.SignIn, AuditOutcomes.Failure, "用户名或密码错误 / wrong user name or password", name);
            if (locked is { } until)
            {
                audit.Add(session, AuditEvents.Lockout, AuditOutcomes.Success,
                    $"锁定至 / locked until {TimeZoneInfo.ConvertTime(until, Modular.Kit.TownshipTime.Zone):yyyy-MM-dd HH:mm}（北京时间 / Beijing time）", name);
            }

            await session.SaveChangesAsync(cancellationToken);
            return locked is { } lockedNow
                ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockedNow, RetryAfter: lockedNow - time.GetUtcNow())
                : new SignInResult(SignInOutcome.WrongCredentials);
        }

        string sessionId;
        await using (var session = store.LightweightSession())
        {
            session.Delete<SignInLock>(SignInLock.IdFor(name, address));
            sessionId = sessions.Open(session, user!.UserName, http).Id;
            audit.Add(session, AuditEvents.SignIn, AuditOutcomes.Success, userName: user.UserName);
            await session.SaveChangesAsync(cancellationToken);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await RehashAsync(user, password, cancellationToken);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.UserName), new Claim("display_name", user.DisplayName), new Claim(SessionRegistry.SessionClaim, sessionId)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return new SignInResult(SignInOutcome.SignedIn, user);
    }

    /// <summary>Ends the caller's own session: its cookie is refused from now on, on this node at once.</summary>
    public async Task SignOutAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(SessionRegistry.SessionClaim) is { } id && http.User.FindFirstValue(ClaimTypes.Name) is { } name)
        {
            await using var session = store.LightweightSession();
            if (await sessions.RevokeAsync(session, name, id, http.RequestAborted))
            {
                audit.Add(session, AuditEvents.SignOut, AuditOutcomes.Success, userName: name);
                caches.Announce(session, Caching.CacheChange.ForSession(id));
                await session.SaveChangesAsync(http.RequestAborted);
            }
            else
            {
                sessions.Evict([id]);
            }
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>A newer hashing scheme: upgrade the stored hash, best effort. A sign-in racing on it keeps the old one.</summary>
    private async Task RehashAsync(UserAccount user, string password, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWritingAsync(user.UserName, cancellationToken);
            stream.AppendOne(new UserPasswordChanged(hasher.HashPassword(user, password), time.GetUtcNow(), Rehash: true));
            caches.Announce(session, Caching.CacheChange.ForUser(user.UserName));
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (error is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            log.LogInformation("Another request upgraded the password hash of {UserName} first", user.UserName);
        }
    }

    private static PasswordVerificationResult Failed(PasswordVerificationResult _) => PasswordVerificationResult.Failed;

    private static string? _dummyHash;

    private static string DummyHash(IPasswordHasher<UserAccount> hasher) =>
        _dummyHash ??= hasher.HashPassword(null!, "not-a-password-of-anyone");
}
