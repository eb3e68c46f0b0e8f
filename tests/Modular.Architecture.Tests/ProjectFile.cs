using System.Xml.Linq;

namespace Modular.Architecture.Tests;

/// <param name="Include">As written in the project file, for messages.</param>
/// <param name="FullPath">Null when the path uses MSBuild syntax this reader does not evaluate; the rules treat that as a violation rather than guess.</param>
internal sealed record ProjectReferenceItem(string Include, string? FullPath, string? Private, string? ExcludeAssets);

/// <summary>What the dependency rules need from a .csproj, read as XML without evaluating MSBuild.</summary>
internal sealed class ProjectFile
{
    private readonly XDocument xml;

    private ProjectFile(string path, XDocument xml)
    {
        Path = path;
        this.xml = xml;
    }

    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public static ProjectFile Load(string path) => new(System.IO.Path.GetFullPath(path), XDocument.Load(path));

    /// <summary>The last value set in the file, as MSBuild would see it when nothing else sets it.</summary>
    public string? Property(string name) =>
        xml.Descendants()
            .Where(e => Is(e.Parent, "PropertyGroup") && Is(e, name))
            .Select(e => e.Value.Trim())
            .LastOrDefault();

    public bool IsTestProject =>
        System.IO.Path.GetFileNameWithoutExtension(Path).EndsWith(".Tests", StringComparison.Ordinal)
        || string.Equals(Property("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<ProjectReferenceItem> ProjectReferences(string repoRoot) =>
        Items("ProjectReference")
            .Select(e =>
            {
                var include = (string)e.Attribute("Include")!;
                return new ProjectReferenceItem(include, Resolve(include, repoRoot), Metadata(e, "Private"), Metadata(e, "ExcludeAssets"));
            })
            .ToList();

    /// <summary>Plain &lt;Reference&gt; items: a way round project references that must not become a way round the rules.</summary>
    public IReadOnlyList<string> AssemblyReferences =>
        Items("Reference")
            .Select(e => ((string)e.Attribute("Include")!).Split(',')[0].Trim())
            .ToList();

    private IEnumerable<XElement> Items(string itemType) =>
        xml.Descendants().Where(e => Is(e.Parent, "ItemGroup") && Is(e, itemType) && e.Attribute("Include") is not null);

    // MSBuild accepts item metadata both as an attribute and as a child element, with any casing.
    private static string? Metadata(XElement item, string name) =>
        item.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value.Trim()
        ?? item.Elements().FirstOrDefault(e => Is(e, name))?.Value.Trim();

    private string? Resolve(string include, string repoRoot)
    {
        var path = include
            .Replace("$(RepoRoot)", EnsureTrailingSlash(repoRoot), StringComparison.OrdinalIgnoreCase)
            .Replace("$(MSBuildThisFileDirectory)", EnsureTrailingSlash(Directory), StringComparison.OrdinalIgnoreCase)
            .Replace("$(MSBuildProjectDirectory)", Directory, StringComparison.OrdinalIgnoreCase)
            .Replace('\\', '/');
        if (path.Contains("$(", StringComparison.Ordinal) || path.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        return System.IO.Path.GetFullPath(path, Directory);
    }

    private static string EnsureTrailingSlash(string dir) => dir.EndsWith('/') ? dir : dir + "/";

    private static bool Is(XElement? element, string localName) =>
        element is not null && string.Equals(element.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase);
}
