using System.Reflection;
using Modular.Host.Plugins;

namespace Modular.Architecture.Tests;

/// <summary>
/// The modules the build installed into artifacts/plugins, loaded by the host's own catalog: each in its own load
/// context that shares this process's contracts, kit, Marten and ASP.NET Core, exactly as the host runs them.
/// </summary>
internal static class InstalledModules
{
    private static readonly Lazy<ModuleCatalog> catalog = new(() => ModuleCatalog.Load(PluginsRoot, Serilog.Core.Logger.None));

    public static string PluginsRoot =>
        typeof(InstalledModules).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Modular.Architecture.PluginsRoot").Value!;

    public static ModuleCatalog Catalog => catalog.Value;

    /// <summary>Every installed module, or a failure naming the ones that did not load: a rule that checks nothing passes nothing.</summary>
    public static IReadOnlyList<LoadedModule> All
    {
        get
        {
            var failed = Catalog.Plugins.Where(p => p.State != PluginState.Loaded).Select(p => $"{p.Folder}: {p.Error}").ToList();
            Assert.True(failed.Count == 0, "Installed plugins failed to load: " + string.Join("; ", failed));
            Assert.True(Catalog.Modules.Count > 0, $"No module is installed in {PluginsRoot}: build Modular.sln first.");
            return Catalog.Modules;
        }
    }

    /// <summary>The file each module was loaded from, for the rules that read its code.</summary>
    public static string FileOf(LoadedModule module) => Path.Combine(module.Folder, Path.GetFileName(module.Folder) + ".dll");
}
