using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Modular.Architecture.Tests;

/// <summary>An assembly's name and the names of the assemblies it references, read from its metadata.</summary>
/// <remarks>
/// Read as bytes, never loaded: loading a plugin into the test process would resolve (or fail to resolve) its
/// dependencies and could run its module initializer, and the point is only to see what it was compiled against.
/// </remarks>
internal sealed record AssemblyFile(string Name, IReadOnlyList<string> References)
{
    public static AssemblyFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{path} is not a .NET assembly.");
        }

        var metadata = pe.GetMetadataReader();
        var name = metadata.GetString(metadata.GetAssemblyDefinition().Name);
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToList();
        return new AssemblyFile(name, references);
    }
}
