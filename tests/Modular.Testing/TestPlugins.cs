using System.Reflection;

namespace Modular.Testing;

/// <summary>Where the build installed the plugins the tests load.</summary>
public static class TestPlugins
{
    public static string TestRoot => Metadata("Modular.TestPluginsRoot");

    public static string ModulesRoot => Metadata("Modular.PluginsRoot");

    /// <summary>The sample module's folder: the module template's output (tests/SamplePlugins/notebook), installed among the test plugins.</summary>
    public static string Notebook => Path.Combine(TestRoot, "Modular.Modules.Notebook");

    /// <summary>
    /// A plugins root holding only the sample module (the catalog reads every folder under a root): the plugins path of
    /// the ordinary test host. It is the set the notebook's own tests use, so both share one loaded copy.
    /// </summary>
    public static string NotebookRoot => Set("notebook", "Modular.Modules.Notebook");

    /// <summary>
    /// A plugins root holding exactly the named installed modules (folders of <c>artifacts/plugins</c>, or of
    /// <c>artifacts/test-plugins</c> for the samples), so a test host loads what the test is about and nothing else. The
    /// same set name always gives the same folder, so every host of the process shares one loaded copy of each plugin.
    /// </summary>
    public static string Set(string name, params string[] moduleAssemblies)
    {
        var root = Path.GetFullPath(Path.Combine(TestRoot, "..", "test-plugin-sets", name));
        foreach (var assembly in moduleAssemblies)
        {
            var folder = new[] { ModulesRoot, TestRoot }.Select(r => Path.Combine(r, assembly)).FirstOrDefault(f => File.Exists(Path.Combine(f, assembly + ".dll")))
                ?? throw new InvalidOperationException($"{assembly} is installed in neither {ModulesRoot} nor {TestRoot}: build Modular.sln first.");
            Link(root, folder);
        }

        // A link left by an earlier build (a plugin since renamed) would load a second module into every host of the set.
        foreach (var stale in new DirectoryInfo(root).EnumerateDirectories().Where(d => d.LinkTarget is not null && !moduleAssemblies.Contains(d.Name)))
        {
            try
            {
                stale.Delete();
            }
            catch (DirectoryNotFoundException)
            {
                // Another fixture of the same run removed it a moment earlier.
            }
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
