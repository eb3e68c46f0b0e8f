namespace Modular.Host.Identity;

/// <summary>Sign-in limits, lockout, sessions, password age and audit retention: the <c>Modular:Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Modular:Security";

    /// <summary>Sign-in attempts one account may receive per minute, from all addresses together.</summary>
    public int SignInsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts per minute from one client address (a township office behind one NAT shares it).</summary>
    public int SignInsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Writes (POST, PUT, PATCH, DELETE) per minute from one address by callers who are not signed in.</summary>
    public int AnonymousWritesPerAddressPerMinute { get; set; } = 20;

    /// <summary>Wrong passwords in a row, for one account from one address, that lock that pair.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>The first lock's length; each further run of failures doubles it, up to <see cref="MaximumLockoutMinutes"/>.</summary>
    public int LockoutMinutes { get; set; } = 15;

    public int MaximumLockoutMinutes { get; set; } = 24 * 60;

    /// <summary>How long a node trusts its cached answer to "is this session still valid" before asking the database.</summary>
    public int SessionCheckSeconds { get; set; } = 30;

    /// <summary>Days after which a password must be changed; 0 turns the rule off (the default, as OWASP ASVS advises).</summary>
    public int PasswordMaximumAgeDays { get; set; }

    /// <summary>Days the audit trail keeps an entry (网络安全法 Art 21: at least six months).</summary>
    public int AuditRetentionDays { get; set; } = 180;

    /// <summary>The idle timeout of a session: the cookie's sliding expiry.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
}
