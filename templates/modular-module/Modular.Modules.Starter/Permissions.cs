using Modular.Contracts.Modules;

namespace Modular.Modules.Starter;

/// <summary>
/// The module's roles and permissions. A role is granted per township (on /admin/users); a permission, named
/// <c>&lt;module&gt;.&lt;resource&gt;.&lt;action&gt;</c>, is an authorization policy of its own name.
/// </summary>
internal static class Permissions
{
    /// <summary>经办人: records matters and takes them through their steps.</summary>
    public const string ClerkRole = "kit-sample.clerk";

    /// <summary>查阅人: reads the matters, changes nothing.</summary>
    public const string ReaderRole = "kit-sample.reader";

    public const string MattersRead = "kit-sample.matters.read";
    public const string MattersWrite = "kit-sample.matters.write";

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(MattersRead, new("查看事项", "Read matters"), [ClerkRole, ReaderRole]),
        new(MattersWrite, new("登记、办结事项", "Record and close matters"), [ClerkRole]),
    ];
}
