using Modular.Contracts.Modules;
using Modular.Host.Storage;

namespace Modular.Host.Identity;

public sealed record UserCreated(string UserName, string DisplayName, string PasswordHash, bool IsPlatformAdmin);

public sealed record UserPasswordChanged(string PasswordHash);

/// <summary>The user's roles in one township, replacing what they held there; an empty list removes the township.</summary>
public sealed record UserRolesGranted(string Township, IReadOnlyList<string> Roles);

public sealed record UserSignedIn;

public sealed record UserSignInFailed(int ConsecutiveFailures);

public sealed record UserLockedOut(DateTimeOffset Until);

/// <summary>A platform user: the inline snapshot of their stream in the platform's (default) tenant.</summary>
public sealed class UserAccount
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public bool IsPlatformAdmin { get; set; }

    /// <summary>Roles per township slug.</summary>
    public Dictionary<string, List<string>> Grants { get; set; } = [];

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public static Guid StreamId(string userName) => StableId.For("user", userName);

    public static UserAccount Create(UserCreated e) => new()
    {
        Id = StreamId(e.UserName),
        UserName = e.UserName,
        DisplayName = e.DisplayName,
        PasswordHash = e.PasswordHash,
        IsPlatformAdmin = e.IsPlatformAdmin,
    };

    public void Apply(UserPasswordChanged e) => PasswordHash = e.PasswordHash;

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

    public void Apply(UserSignedIn e)
    {
        ConsecutiveFailures = 0;
        LockedUntil = null;
    }

    public void Apply(UserSignInFailed e) => ConsecutiveFailures = e.ConsecutiveFailures;

    public void Apply(UserLockedOut e)
    {
        LockedUntil = e.Until;
        ConsecutiveFailures = 0;
    }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Platform admins (county IT) may enter every township, as its administrator.</summary>
    public bool CanEnter(string township) => IsPlatformAdmin || Grants.ContainsKey(township);

    public IReadOnlyList<string> RolesIn(string township)
    {
        var roles = Grants.TryGetValue(township, out var granted) ? granted : [];
        return IsPlatformAdmin ? [.. roles.Append(PlatformRoles.TownshipAdmin).Distinct()] : roles;
    }
}
