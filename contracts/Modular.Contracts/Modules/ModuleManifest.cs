namespace Modular.Contracts.Modules;

/// <summary>A text in the platform's two languages: Simplified Chinese first, English second.</summary>
public sealed record LocalizedText(string Chinese, string English)
{
    public string For(bool english) => english ? English : Chinese;

    public override string ToString() => Chinese;
}

/// <summary>What a module is, what it lets people do and where its pages are.</summary>
/// <param name="Id">Stable kebab-case id, also the module's route segment: <c>mediation</c>, <c>open-government</c>.</param>
public sealed record ModuleManifest(
    string Id,
    LocalizedText Name,
    string Version,
    LocalizedText Description,
    IReadOnlyList<ModulePermission> Permissions,
    IReadOnlyList<NavigationEntry> Navigation)
{
    /// <summary>The roles this module defines: every role named by one of its permissions.</summary>
    public IReadOnlyList<string> Roles => Permissions.SelectMany(p => p.DefaultRoles).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>A permission <c>&lt;module&gt;.&lt;resource&gt;.&lt;action&gt;</c> and the roles that hold it by default.</summary>
public sealed record ModulePermission(string Name, LocalizedText Description, IReadOnlyList<string> DefaultRoles);

/// <summary>An entry of the township navigation.</summary>
/// <param name="Path">Relative to the module's page root: <c>""</c> is <c>/t/{township}/{module-id}</c>.</param>
/// <param name="Permission">The permission a user needs to see the entry; null means every user of the township.</param>
public sealed record NavigationEntry(LocalizedText Title, string Path, string? Permission, int Order);
