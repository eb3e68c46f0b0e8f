using Modular.Contracts.Modules;

namespace Modular.Modules.Notebook;

/// <summary>
/// The module's roles and permissions. A role is granted per township (on /admin/users); a permission, named
/// <c>&lt;module&gt;.&lt;resource&gt;.&lt;action&gt;</c>, is an authorization policy of its own name.
/// </summary>
internal static class Permissions
{
    /// <summary>经办人: records matters and takes them through their steps.</summary>
    public const string ClerkRole = "notebook.clerk";

    /// <summary>查阅人: reads the matters, changes nothing.</summary>
    public const string ReaderRole = "notebook.reader";

    public const string MattersRead = "notebook.matters.read";
    public const string MattersWrite = "notebook.matters.write";

    /// <summary>Seeing a phone, ID number or address in clear, with a reason the guard records: a right of its own, so it can be withheld.</summary>
    public const string PersonalDataReveal = "notebook.personal-data.reveal";

    public static IReadOnlyList<ModulePermission> All { get; } =
    [
        new(MattersRead, new("查看事项", "Read matters"), [ClerkRole, ReaderRole]),
        new(MattersWrite, new("登记、办结事项", "Record and close matters"), [ClerkRole]),
        new(PersonalDataReveal, new("查看完整个人信息（留痕）", "Reveal personal data (recorded)"), [ClerkRole]),
    ];
}
