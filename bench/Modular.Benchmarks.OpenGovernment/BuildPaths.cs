using System.Reflection;

// In the parent namespace on purpose: HostProcess.cs is compiled from bench/Modular.Benchmarks and looks for it there.
namespace Modular.Benchmarks;

/// <summary>Where the build put things, recorded in this assembly's metadata by the project file.</summary>
internal static class BuildPaths
{
    public static string RepositoryRoot => Path.GetFullPath(Metadata("Modular.RepositoryRoot"));

    /// <summary>The real modules' plugins root (artifacts/plugins).</summary>
    public static string PluginsRoot => Path.GetFullPath(Metadata("Modular.PluginsRoot"));

    public static string OpenGovernmentPlugin => Path.Combine(PluginsRoot, "Modular.Modules.OpenGovernment");

    /// <summary>The host binary of the same build configuration.</summary>
    public static string HostAssembly => Path.GetFullPath(Metadata("Modular.HostAssembly"));

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
