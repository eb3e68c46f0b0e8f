namespace Modular.Contracts.Townships;

/// <summary>The township a request or a background job works for.</summary>
/// <param name="Slug">The route segment and the Marten tenant id, for example <c>yemachuan</c>.</param>
/// <param name="Code">The 12-digit administrative division code (统计用区划代码).</param>
public sealed record Township(string Slug, string Name, string Code, string CountyCode, string CountyName);

/// <summary>The current township; set by the host from the route or by a background job.</summary>
public interface ITownshipContext
{
    /// <summary>The current township, or null outside any township (platform pages).</summary>
    Township? Current { get; }

    /// <summary>The current township, or an exception when there is none: for code that only runs inside one.</summary>
    Township Required => Current ?? throw new InvalidOperationException("No township is selected for this work.");
}

/// <summary>The person acting: the signed-in user, or the system for background work.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The login name, recorded on every event; <c>system</c> for background work.</summary>
    string UserName { get; }

    string DisplayName { get; }

    /// <summary>Whether the user holds the role in the current township (platform admins hold none implicitly).</summary>
    bool IsInRole(string role);

    /// <summary>Whether the user holds the permission in the current township, through any of their roles.</summary>
    bool HasPermission(string permission);
}
