namespace Modular.Host.Identity.Audit;

/// <summary>
/// One line of the platform's security audit trail (等保 L2 安全审计): who, from where, did what, and how it ended.
/// Each entry is a document of its own, only ever inserted, so recording never contends with another request.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The acting user; for sign-in events, the account name that was tried (known or not).</summary>
    public string UserName { get; set; } = "";

    /// <summary>The account acted upon, when it is not the actor (a role grant, an unlock, a session ended by an admin).</summary>
    public string? Target { get; set; }

    public string Address { get; set; } = "";

    public string Event { get; set; } = "";

    public string Outcome { get; set; } = AuditOutcomes.Success;

    public string? Detail { get; set; }
}

/// <summary>The events the trail records; the names are the wire format of the audit API.</summary>
public static class AuditEvents
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string Lockout = "lockout";
    public const string Unlock = "unlock";
    public const string SessionRevoked = "session-revoked";
    public const string PasswordChanged = "password-changed";
    public const string UserCreated = "user-created";
    public const string RolesGranted = "roles-granted";
    public const string Export = "export";

    /// <summary>A reveal of sensitive personal information (means); other single reveals stay in the township's log.</summary>
    public const string Reveal = "reveal";

    public static readonly IReadOnlyList<string> All =
        [SignIn, SignOut, Lockout, Unlock, SessionRevoked, PasswordChanged, UserCreated, RolesGranted, Export, Reveal];
}

public static class AuditOutcomes
{
    public const string Success = "success";

    /// <summary>Wrong credentials.</summary>
    public const string Failure = "failure";

    /// <summary>Not even tried: locked out or over a rate limit.</summary>
    public const string Refused = "refused";
}
