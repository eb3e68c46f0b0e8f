using Modular.Contracts.Modules;
using Modular.Host.Storage;

namespace Modular.Host.Identity;

public sealed record UserCreated(string UserName, string DisplayName, string PasswordHash, bool IsPlatformAdmin, DateTimeOffset? At = null);

/// <summary>A new password; <paramref name="Rehash"/> when only the hashing scheme was upgraded, which does not restart the password's age.</summary>
public sealed record UserPasswordChanged(string PasswordHash, DateTimeOffset? At = null, bool Rehash = false);

/// <summary>The user's roles in one township, replacing what they held there; an empty list removes the township.</summary>
public sealed record UserRolesGranted(string Township, IReadOnlyList<string> Roles);

/// <summary>The county rule-of-law office (县级法治办) of a county given to the user: its townships' aggregates, nothing inside them.</summary>
public sealed record UserCountyOfficeGranted(string CountyCode);

public sealed record UserCountyOfficeRevoked(string CountyCode);

// No longer appended: sign-ins, failures and locks live outside the account's stream (sessions, SignInLock, the audit
// trail), so that simultaneous sign-ins never contend on it. Kept so that the streams that hold them still load.
public sealed record UserSignedIn;

public sealed record UserSignInFailed(int ConsecutiveFailures);

public sealed record UserLockedOut(DateTimeOffset Until);

/// <summary>A platform user: the inline snapshot of their stream in the platform's (default) tenant.</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public bool IsPlatformAdmin { get; set; }

    /// <summary>Roles per township slug.</summary>
    public Dictionary<string, List<string>> Grants { get; set; } = [];

    /// <summary>The county codes whose rule-of-law office (<see cref="PlatformRoles.CountyOffice"/>) the user holds.</summary>
    public List<string> Counties { get; set; } = [];

    /// <summary>When the password was last chosen; null for accounts older than this record.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    public static Guid StreamId(string userName) => StableId.For("user", userName);

    public static UserAccount Create(UserCreated e) => new()
    {
        Id = StreamId(e.UserName),
        UserName = e.UserName,
        DisplayName = e.DisplayName,
        PasswordHash = e.PasswordHash,
        IsPlatformAdmin = e.IsPlatformAdmin,
        PasswordChangedAt = e.At,
    };

    public void Apply(UserPasswordChanged e)
    {
        PasswordHash = e.PasswordHash;
        if (!e.Rehash)
        {
            PasswordChangedAt = e.At;
        }
    }

    public void Apply(UserRolesGranted e)
    {
        if (e.Roles.Count == 0)
        {
            Grants.Remove(e.Township);
        }
        else
        {
            Grants[e.Township] = [.. e.Roles];
        }
    }

    public void Apply(UserCountyOfficeGranted e)
    {
        if (!Counties.Contains(e.CountyCode))
        {
            Counties.Add(e.CountyCode);
        }
    }

    public void Apply(UserCountyOfficeRevoked e) => Counties.Remove(e.CountyCode);

    /// <summary>Whether the user holds the county rule-of-law office of <paramref name="countyCode"/> (never implied by platform admin).</summary>
    public bool HoldsCountyOffice(string countyCode) => Counties.Contains(countyCode);

    /// <summary>Platform admins (county IT) may enter every township, as its administrator.</summary>
    public bool CanEnter(string township) => IsPlatformAdmin || Grants.ContainsKey(township);

    public IReadOnlyList<string> RolesIn(string township)
    {
        var roles = Grants.TryGetValue(township, out var granted) ? granted : [];
        return IsPlatformAdmin ? [.. roles.Append(PlatformRoles.TownshipAdmin).Distinct()] : roles;
    }
}
