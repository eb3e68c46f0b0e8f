using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Marten;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Components;
using Modular.Contracts.Modules;

namespace Modular.Host.Plugins;

/// <summary>A module that loaded and registered: its manifest, its instance and the assembly it came from.</summary>
public sealed record LoadedModule(IModule Module, Assembly Assembly, string Folder)
{
    public ModuleManifest Manifest => Module.Manifest;

    public string Id => Module.Manifest.Id;
}

/// <summary>
/// Every plugin found in the plugins path, loaded or failed. The host's only door to the plugin loader: nothing else
/// names McMaster's types, so the loader can be replaced. A plugin that fails is recorded with its error and left out;
/// the host and every other module go on.
/// </summary>
public sealed partial class ModuleCatalog
{
    // Each plugin assembly is loaded once per process, whichever host asks: Blazor and Marten cache types process-wide,
    // and two copies of a module's types would be two different modules to them.
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> LoadedAssemblies = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Assembly> ByName = new(StringComparer.OrdinalIgnoreCase);
    private static int _resolverInstalled;

    // The host's copies of these are the only copies: a plugin sees the same IModule, StoreOptions and component types.
    private static readonly Type[] SharedTypes =
    [
        typeof(IModule), typeof(StoreOptions), typeof(ComponentBase), typeof(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder),
        typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection), typeof(Serilog.ILogger),
        // The kit and what it is built on: one copy of its helpers, components and document libraries for every module.
        typeof(Modular.Kit.Input.InputErrors), typeof(DocumentFormat.OpenXml.Packaging.WordprocessingDocument), typeof(MiniExcelLibs.MiniExcel),
    ];

    private readonly List<PluginInfo> _plugins = [];
    private readonly List<LoadedModule> _modules = [];
    private readonly Lock _gate = new();

    // What every request reads (the module gate, each permission check), taken anew under the gate whenever a module
    // loads or fails and read without a lock: the list never changes under a reader.
    private volatile ModuleSnapshot _snapshot = ModuleSnapshot.Of([]);

    public IReadOnlyList<PluginInfo> Plugins
    {
        get { lock (_gate) { return [.. _plugins]; } }
    }

    /// <summary>Modules that loaded and have not failed since.</summary>
    public IReadOnlyList<LoadedModule> Modules => _snapshot.Modules;

    public LoadedModule? Find(string moduleId) => _snapshot.ById.GetValueOrDefault(moduleId);

    /// <summary>The roles whose holders have <paramref name="permission"/> (a module's or the platform's); empty for a name nobody declared.</summary>
    public FrozenSet<string> RolesGranting(string permission) => _snapshot.RolesByPermission.GetValueOrDefault(permission) ?? FrozenSet<string>.Empty;

    /// <summary>Loads every plugin folder under each root (several roots separated by the path separator).</summary>
    public static ModuleCatalog Load(string pluginsPath, Serilog.ILogger log)
    {
        InstallDefaultContextResolver();
        var catalog = new ModuleCatalog();
        var roots = pluginsPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var root in roots)
        {
            if (!Directory.Exists(root))
            {
                log.Warning("Plugins folder {PluginsFolder} does not exist: no modules from it", root);
                continue;
            }

            foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                catalog.LoadFolder(folder, log);
            }
        }

        return catalog;
    }

    /// <summary>Records that a module failed after loading (its registration threw) and takes it out of service.</summary>
    public void Fail(LoadedModule module, Exception error, Serilog.ILogger log)
    {
        log.Error(error, "Module {ModuleId} failed while registering and is out of service", module.Id);
        lock (_gate)
        {
            _modules.Remove(module);
            _snapshot = ModuleSnapshot.Of(_modules);
            var index = _plugins.FindIndex(p => p.Folder == module.Folder);
            _plugins[index] = _plugins[index] with { State = PluginState.Failed, Error = Describe(error) };
        }
    }

    private void LoadFolder(string folder, Serilog.ILogger log)
    {
        var name = Path.GetFileName(folder);
        var file = Path.Combine(folder, name + ".dll");
        try
        {
            if (!File.Exists(file))
            {
                throw new PluginException($"插件文件夹中没有 {name}.dll / the folder holds no {name}.dll: a plugin folder is named after its assembly.");
            }

            var assembly = LoadedAssemblies.GetOrAdd(Path.GetFullPath(file), path => new Lazy<Assembly>(() => LoadAssembly(path))).Value;
            var module = CreateModule(assembly);
            Validate(module.Manifest);
            lock (_gate)
            {
                if (_modules.Any(m => m.Id == module.Manifest.Id))
                {
                    throw new PluginException($"模块标识 {module.Manifest.Id} 重复 / module id {module.Manifest.Id} is already taken by another plugin.");
                }

                _modules.Add(new LoadedModule(module, assembly, folder));
                _snapshot = ModuleSnapshot.Of(_modules);
                _plugins.Add(new PluginInfo(folder, assembly.GetName().Name, module.Manifest.Version, module.Manifest, PluginState.Loaded, null));
            }

            log.Information("Loaded module {ModuleId} {ModuleVersion} from {PluginFolder}", module.Manifest.Id, module.Manifest.Version, folder);
        }
        catch (Exception error)
        {
            log.Error(error, "Plugin in {PluginFolder} failed to load", folder);
            lock (_gate)
            {
                _plugins.Add(new PluginInfo(folder, File.Exists(file) ? name : null, null, null, PluginState.Failed, Describe(error)));
            }
        }
    }

    private static Assembly LoadAssembly(string path)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config => config.PreferSharedTypes = true);
        var assembly = loader.LoadDefaultAssembly();
        ByName[assembly.GetName().Name!] = assembly;
        return assembly;
    }

    private static IModule CreateModule(Assembly assembly)
    {
        var contracts = typeof(IModule).Assembly.GetName();
        var referenced = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == contracts.Name);
        if (referenced?.Version is { } version && version.Major != contracts.Version!.Major)
        {
            throw new PluginException($"插件基于契约 {version} 构建，主机为 {contracts.Version} / built against contracts {version}, the host has {contracts.Version}.");
        }

        var candidates = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(t)).ToList();
        if (candidates.Count == 0)
        {
            var foreign = assembly.GetTypes().Any(t => t.GetInterfaces().Any(i => i.FullName == typeof(IModule).FullName));
            throw new PluginException(foreign
                ? "插件的 IModule 不是主机的类型（共享类型未生效）/ the plugin's IModule is not the host's type: shared types did not apply."
                : "程序集中没有实现 IModule 的类型 / the assembly has no type implementing IModule.");
        }

        if (candidates.Count > 1)
        {
            throw new PluginException($"程序集中有多个 IModule：{string.Join(", ", candidates.Select(c => c.Name))} / one module per plugin.");
        }

        return (IModule)(Activator.CreateInstance(candidates[0])
            ?? throw new PluginException($"无法创建 {candidates[0].Name} / could not create the module."));
    }

    private static void Validate(ModuleManifest manifest)
    {
        if (!ModuleIdPattern().IsMatch(manifest.Id))
        {
            throw new PluginException($"模块标识“{manifest.Id}”不是 kebab-case / module id must be kebab-case.");
        }

        var prefix = manifest.Id + ".";
        var stray = manifest.Permissions.Where(p => !p.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Name).ToList();
        if (stray.Count > 0)
        {
            throw new PluginException($"权限必须以 {prefix} 开头：{string.Join(", ", stray)} / permissions must be named <module>.<resource>.<action>.");
        }
    }

    // Marten, System.Text.Json and Blazor resolve types by name through the default context; point them at plugins.
    private static void InstallDefaultContextResolver()
    {
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += (_, name) => name.Name is { } n && ByName.TryGetValue(n, out var a) ? a : null;
        }
    }

    private static string Describe(Exception error) => error switch
    {
        PluginException => error.Message,
        ReflectionTypeLoadException load => $"{load.Message} {string.Join(" ", load.LoaderExceptions.Select(e => e?.Message).Distinct())}",
        BadImageFormatException => $"不是有效的 .NET 程序集 / not a valid .NET assembly: {error.Message}",
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex ModuleIdPattern();

    private sealed class PluginException(string message) : Exception(message);
}

/// <summary>The loaded modules at one moment, with what requests look up in them.</summary>
internal sealed record ModuleSnapshot(
    IReadOnlyList<LoadedModule> Modules, FrozenDictionary<string, LoadedModule> ById, FrozenDictionary<string, FrozenSet<string>> RolesByPermission)
{
    public static ModuleSnapshot Of(IReadOnlyList<LoadedModule> modules)
    {
        var list = modules.ToArray();
        var roles = list.SelectMany(m => m.Manifest.Permissions).Concat(PlatformPermissions.All)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.SelectMany(p => p.DefaultRoles).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return new ModuleSnapshot(list, list.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal), roles);
    }
}
