using System.Reflection;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>Where the build installed the plugins the tests load.</summary>
public static class TestPlugins
{
    public static string TestRoot => Metadata("Modular.TestPluginsRoot");

    public static string ModulesRoot => Metadata("Modular.PluginsRoot");

    /// <summary>The sample module's folder, on its own: the plugins path of the ordinary test host.</summary>
    public static string Notebook => Path.Combine(TestRoot, "Modular.Samples.Notebook");

    /// <summary>A plugins root holding only the sample module (the catalog reads every folder under a root).</summary>
    public static string NotebookRoot
    {
        get
        {
            var root = Path.Combine(TestRoot, "..", "test-plugin-sets", "notebook");
            Link(root, Notebook);
            return Path.GetFullPath(root);
        }
    }

    /// <summary>Makes <paramref name="root"/>/&lt;name&gt; point at a built plugin folder, without copying it (one loaded copy per process).</summary>
    public static void Link(string root, string pluginFolder)
    {
        Directory.CreateDirectory(root);
        var link = Path.Combine(root, Path.GetFileName(pluginFolder));
        if (!Directory.Exists(link))
        {
            Directory.CreateSymbolicLink(link, pluginFolder);
        }
    }

    private static string Metadata(string key) =>
        typeof(TestPlugins).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
