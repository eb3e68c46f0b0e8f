using System.Security.Claims;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Modular.Host.Identity.Audit;

namespace Modular.Host.Identity.Sessions;

/// <summary>Opens, checks, lists and revokes sessions. The check is cached per node briefly and evicted on revoke here.</summary>
internal sealed class SessionRegistry(IDocumentStore store, IMemoryCache cache, IOptions<SecurityOptions> options, TimeProvider time)
{
    public const string SessionClaim = "sid";

    /// <summary>A session's last-seen time is written at most this often, so a busy user does not write on every request.</summary>
    public static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(5);

    public UserSession Open(IDocumentSession session, string userName, HttpContext http)
    {
        var now = time.GetUtcNow();
        var opened = new UserSession
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            UserName = userName,
            SignedInAt = now,
            LastSeenAt = now,
            Address = ClientAddress.Of(http),
            UserAgent = http.Request.Headers.UserAgent.ToString() is var agent && agent.Length > 300 ? agent[..300] : agent,
        };
        session.Insert(opened);
        return opened;
    }

    /// <summary>The cookie handler's per-request check: a cookie whose session is gone or revoked signs the caller out.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(SessionClaim);
        var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
        if (id is null || name is null || !await IsActiveAsync(id, name, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    public async Task<bool> IsActiveAsync(string id, string userName, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(id), out bool active))
        {
            return active;
        }

        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var found = await session.LoadAsync<UserSession>(id, cancellationToken);
        active = found is not null && found.RevokedAt is null && string.Equals(found.UserName, userName, StringComparison.OrdinalIgnoreCase);
        if (active && found!.LastSeenAt < now - LastSeenGranularity)
        {
            // A patch, not a store: it cannot overwrite a revocation written in the meantime by another request or node.
            session.Patch<UserSession>(id).Set(s => s.LastSeenAt, now);
            await session.SaveChangesAsync(cancellationToken);
        }

        cache.Set(CacheKey(id), active, TimeSpan.FromSeconds(Math.Max(1, options.Value.SessionCheckSeconds)));
        return active;
    }

    public async Task<IReadOnlyList<SessionView>> ListAsync(string userName, string? current, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = store.QuerySession();
        var sessions = await session.Query<UserSession>()
            .Where(s => s.UserName == userName && s.RevokedAt == null)
            .OrderByDescending(s => s.SignedInAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        return [.. sessions.Where(s => s.IsActive(now)).Select(s => new SessionView(s.Id, s.SignedInAt, s.LastSeenAt, s.Address, Browser.Describe(s.UserAgent), s.Id == current))];
    }

    /// <summary>Revokes one of <paramref name="userName"/>'s sessions; false when they have no such session.</summary>
    public async Task<bool> RevokeAsync(IDocumentSession session, string userName, string id, CancellationToken cancellationToken)
    {
        var found = await session.LoadAsync<UserSession>(id, cancellationToken);
        if (found is null || found.RevokedAt is not null || !string.Equals(found.UserName, userName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        session.Patch<UserSession>(id).Set(s => s.RevokedAt, time.GetUtcNow());
        return true;
    }

    /// <summary>Revokes every session of the user but <paramref name="except"/>; returns their ids, to evict once committed.</summary>
    public async Task<IReadOnlyList<string>> RevokeAllAsync(IDocumentSession session, string userName, string? except, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = await session.Query<UserSession>()
            .Where(s => s.UserName == userName && s.RevokedAt == null && s.Id != except)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            session.Patch<UserSession>(id).Set(s => s.RevokedAt, now);
        }

        return ids;
    }

    /// <summary>Forgets this node's cached answers; other nodes learn within <see cref="SecurityOptions.SessionCheckSeconds"/>.</summary>
    public void Evict(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            cache.Remove(CacheKey(id));
        }
    }

    private static string CacheKey(string id) => "session:" + id;
}

/// <summary>A short name for a user agent, enough for a person to recognise their own browser in the list.</summary>
internal static class Browser
{
    public static string Describe(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "—";
        }

        var browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("QQBrowser", StringComparison.Ordinal) => "QQ浏览器",
            _ when userAgent.Contains("MicroMessenger", StringComparison.Ordinal) => "微信",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => null,
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Mac OS", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return browser is null && system is null
            ? (userAgent.Length > 60 ? userAgent[..60] + "…" : userAgent)
            : string.Join(" · ", new[] { browser, system }.Where(p => p is not null));
    }
}
