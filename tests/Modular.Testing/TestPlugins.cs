using System.Reflection;

namespace Modular.Testing;

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

    /// <summary>
    /// A plugins root holding exactly the named installed modules (folders of <c>artifacts/plugins</c>), so a test host
    /// loads what the test is about and nothing else. The same set name always gives the same folder, so every host of
    /// the process shares one loaded copy of each plugin.
    /// </summary>
    public static string Set(string name, params string[] moduleAssemblies)
    {
        var root = Path.GetFullPath(Path.Combine(TestRoot, "..", "test-plugin-sets", name));
        foreach (var assembly in moduleAssemblies)
        {
            var folder = Path.Combine(ModulesRoot, assembly);
            if (!File.Exists(Path.Combine(folder, assembly + ".dll")))
            {
                throw new InvalidOperationException($"{assembly} is not installed in {ModulesRoot}: build Modular.sln first.");
            }

            Link(root, folder);
        }

        return root;
    }

    /// <summary>Makes <paramref name="root"/>/&lt;name&gt; point at a built plugin folder, without copying it (one loaded copy per process).</summary>
    public static void Link(string root, string pluginFolder)
    {
        Directory.CreateDirectory(root);
        var link = Path.Combine(root, Path.GetFileName(pluginFolder));
        if (!Directory.Exists(link))
        {
            try
            {
                Directory.CreateSymbolicLink(link, pluginFolder);
            }
            catch (IOException) when (Directory.Exists(link))
            {
                // Another fixture of the same run made the same link a moment earlier: it points at the same folder.
            }
        }
    }

    private static string Metadata(string key) =>
        typeof(TestPlugins).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
