using Mono.Cecil;

namespace Modular.Architecture.Tests;

/// <summary>A throwaway repository on disk, for feeding the rules inputs that break them.</summary>
internal sealed class TemporaryRepository : IDisposable
{
    public TemporaryRepository()
    {
        Root = Directory.CreateTempSubdirectory("modular-architecture-").FullName;
        File.WriteAllText(Path.Combine(Root, "Modular.sln"), "");
    }

    public string Root { get; }

    public string Project(string relativePath, string body)
    {
        var path = Prepare(relativePath);
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
            {body}
            </Project>
            """);
        return path;
    }

    /// <summary>Writes an empty assembly that claims to reference the given assemblies, which is all the rules read.</summary>
    public string Assembly(string relativePath, string name, params string[] references)
    {
        var path = Prepare(relativePath);
        using var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition(name, new Version(1, 0, 0, 0)), name, ModuleKind.Dll);
        foreach (var reference in references)
        {
            assembly.MainModule.AssemblyReferences.Add(new AssemblyNameReference(reference, new Version(1, 0, 0, 0)));
        }

        assembly.Write(path);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Prepare(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
