using System.Reflection;

namespace Modular.Architecture.Tests;

internal static class Repository
{
    private static readonly Lazy<string> root = new(() => FindRoot(AppContext.BaseDirectory));

    /// <summary>The folder holding Modular.sln, found from wherever the test runner put this assembly.</summary>
    public static string Root => root.Value;

    public static string ContractsAssembly => BuiltAssembly("Modular.Architecture.ContractsAssembly");

    public static string HostAssembly => BuiltAssembly("Modular.Architecture.HostAssembly");

    public static string KitAssembly => BuiltAssembly("Modular.Architecture.KitAssembly");

    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Modular.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing Modular.sln above {start}: the architecture tests must run inside the repository.");
    }

    // The test project's build records these paths, because only MSBuild knows the configuration it built in.
    private static string BuiltAssembly(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing from the test project.");
}
