namespace Modular.Host.Identity.Sessions;

/// <summary>
/// A signed-in session, named by the id its cookie carries. The cookie alone no longer decides: each request's session
/// must still be here and not revoked, so signing out, a password change or "end this session" take effect at once.
/// </summary>
public sealed class UserSession
{
    public string Id { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTimeOffset SignedInAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public string Address { get; set; } = "";

    public string UserAgent { get; set; } = "";

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && LastSeenAt > now - SecurityOptions.IdleTimeout - SessionRegistry.LastSeenGranularity;
}

public sealed record SessionView(string Id, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, string Address, string Browser, bool Current);
